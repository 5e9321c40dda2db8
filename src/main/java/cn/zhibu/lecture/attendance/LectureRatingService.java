package cn.zhibu.lecture.attendance;

import cn.zhibu.lecture.LectureOutcome;
import cn.zhibu.lecture.LectureProblem;
import cn.zhibu.lecture.MicroLecture;
import cn.zhibu.lecture.PartyDayService;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Ratings of delivered micro lectures by the session's attendees, once each (the primary key holds that). */
@ApplicationScoped
public class LectureRatingService {

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final PartyDayService days;

    LectureRatingService(EntityManager em, BusinessCalendar calendar, PartyDayService days) {
        this.em = em;
        this.calendar = calendar;
        this.days = days;
    }

    /** The branch whose session the lecture is part of; 404 for an unknown lecture. */
    public UUID branchOf(UUID lectureId) {
        return days.require(lecture(lectureId).partyDayId).branchId;
    }

    /**
     * The person rates the lecture: 409 unless it was delivered, 403 unless they were PRESENT at its session
     * or when it is their own, 409 when they rated it already.
     */
    @Transactional
    public AttendanceViews.Rating rate(UUID lectureId, UUID personId, int score) {
        MicroLecture lecture = lecture(lectureId);
        if (lecture.outcome != LectureOutcome.DELIVERED) {
            throw new ProblemException(LectureProblem.LECTURE_NOT_DELIVERED);
        }
        boolean present = AttendanceService.find(lecture.partyDayId, personId)
                .filter(a -> a.status == AttendanceStatus.PRESENT).isPresent();
        if (personId.equals(lecture.speakerId) || !present) {
            throw new ProblemException(LectureProblem.RATING_NOT_ALLOWED);
        }
        Instant now = calendar.now();
        int inserted = em.createNativeQuery("insert into lecture_rating (lecture_id, person_id, score, created_at) "
                + "values (:lecture, :person, :score, :now) on conflict (lecture_id, person_id) do nothing")
                .setParameter("lecture", lectureId).setParameter("person", personId).setParameter("score", score)
                .setParameter("now", now).executeUpdate();
        if (inserted == 0) {
            throw new ProblemException(LectureProblem.RATING_EXISTS);
        }
        return new AttendanceViews.Rating(lectureId, score, now);
    }

    private static MicroLecture lecture(UUID id) {
        return MicroLecture.<MicroLecture>findByIdOptional(id).orElseThrow(() -> new ProblemException(
                ProblemCode.NOT_FOUND));
    }
}
