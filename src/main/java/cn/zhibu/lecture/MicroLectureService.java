package cn.zhibu.lecture;

import cn.zhibu.lecture.rotation.MemberInput;
import cn.zhibu.lecture.rotation.RotationInputs;
import cn.zhibu.lecture.rotation.SpeakerPlanner;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.PointsLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Micro lectures by hand: a secretary reassigns a slot, a speaker swaps it with a colleague, and after the session
 * a secretary records whether it was delivered, crediting LECTURE_DELIVERED once. Every change of a slot takes its
 * session's row lock first, so changes of one session run one at a time.
 */
@ApplicationScoped
public class MicroLectureService {

    static final int MOST_LISTED = 100;

    private final EntityManager em;
    private final PartyDayService days;
    private final PartyDayAccess reader;
    private final RotationInputs inputs;
    private final PointsLedger ledger;
    private final BusinessCalendar calendar;
    private final LectureNotices notices;

    MicroLectureService(EntityManager em, PartyDayService days, PartyDayAccess reader, RotationInputs inputs,
            PointsLedger ledger, BusinessCalendar calendar, LectureNotices notices) {
        this.em = em;
        this.notices = notices;
        this.days = days;
        this.reader = reader;
        this.inputs = inputs;
        this.ledger = ledger;
        this.calendar = calendar;
    }

    public Optional<MicroLecture> find(UUID id) {
        return MicroLecture.findByIdOptional(id);
    }

    /** The branch of the lecture's session, if the lecture exists. */
    public Optional<UUID> branchOf(UUID lectureId) {
        return find(lectureId).flatMap(l -> days.branchOf(l.partyDayId));
    }

    public PartyDayViews.Lecture view(UUID lectureId, Locale locale) {
        MicroLecture lecture = find(lectureId).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        return reader.view(days.require(lecture.partyDayId), locale).lectures().stream()
                .filter(l -> l.id().equals(lectureId)).findFirst().orElseThrow();
    }

    /** A secretary gives the slot to someone eligible (pinned: re-planning keeps it), or empties it. */
    @Transactional
    public PartyDayViews.Lecture reassign(UUID lectureId, IfMatch precondition, UUID personId, Locale locale) {
        MicroLecture lecture = lockedForChange(lectureId);
        precondition.check(lecture.version);
        PartyDay day = days.require(lecture.partyDayId);
        UUID before = lecture.speakerId;
        if (personId == null) {
            lecture.speakerId = null;
            lecture.pinned = false;
            lecture.reason = null;
        } else {
            requireFree(day, lecture, personId);
            lecture.speakerId = personId;
            lecture.pinned = true;
            lecture.reason = "REASSIGNED";
        }
        lecture.lastLectureOn = null;
        changed(lecture);
        notices.speakerChanged(day, lecture, before);
        return view(lectureId, locale);
    }

    /** The speaker asks an eligible colleague not speaking at the session to take the slot. */
    @Transactional
    public LectureViews.Swap requestSwap(UUID lectureId, UUID speakerId, LectureViews.SwapRequest request) {
        MicroLecture lecture = lockedForChange(lectureId);
        if (!speakerId.equals(lecture.speakerId)) {
            throw new ProblemException(LectureProblem.SWAP_NOT_YOURS);
        }
        PartyDay day = days.require(lecture.partyDayId);
        if (request.colleagueId().equals(speakerId)) {
            throw new ProblemException(LectureProblem.SPEAKER_ALREADY_IN_SESSION, speakerId.toString());
        }
        requireFree(day, lecture, request.colleagueId());
        if (LectureSwap.count("lectureId = ?1 and state = ?2", lectureId, LectureSwap.State.PENDING) > 0) {
            throw new ProblemException(LectureProblem.SWAP_PENDING);
        }
        LectureSwap swap = new LectureSwap();
        swap.id = UUID.randomUUID();
        swap.lectureId = lectureId;
        swap.requestedBy = speakerId;
        swap.colleagueId = request.colleagueId();
        swap.message = request.message() == null || request.message().isBlank() ? null : request.message();
        swap.state = LectureSwap.State.PENDING;
        swap.createdAt = calendar.now();
        swap.persistAndFlush();
        notices.swapAsked(swap, day);
        return LectureViews.Swap.of(swap, lecture, day);
    }

    /** The colleague accepts (the slot becomes theirs, pinned) or declines; the requester may withdraw. */
    @Transactional
    public LectureViews.Swap answer(UUID swapId, UUID personId, LectureSwap.State answer) {
        LectureSwap swap = LectureSwap.<LectureSwap>findByIdOptional(swapId)
                .filter(s -> personId.equals(s.colleagueId) || personId.equals(s.requestedBy))
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        UUID answers = answer == LectureSwap.State.WITHDRAWN ? swap.requestedBy : swap.colleagueId;
        if (!personId.equals(answers)) {
            throw new ProblemException(LectureProblem.SWAP_NOT_YOURS);
        }
        MicroLecture lecture = find(swap.lectureId).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        inputs.lock(days.branchOf(lecture.partyDayId).orElseThrow());
        PartyDay day = days.lock(lecture.partyDayId);
        em.refresh(swap, LockModeType.PESSIMISTIC_WRITE);
        if (swap.state != LectureSwap.State.PENDING) {
            throw new ProblemException(LectureProblem.SWAP_DECIDED, swap.state.name());
        }
        if (answer == LectureSwap.State.ACCEPTED) {
            lockedForChange(lecture.id);
            requireFree(day, lecture, swap.colleagueId);
        }
        swap.state = answer;
        swap.decidedAt = calendar.now();
        em.flush();
        if (answer == LectureSwap.State.ACCEPTED) {
            UUID before = lecture.speakerId;
            lecture.speakerId = swap.colleagueId;
            lecture.pinned = true;
            lecture.reason = "SWAPPED";
            lecture.lastLectureOn = null;
            changed(lecture);
            notices.speakerChanged(day, lecture, before);
        }
        notices.swapAnswered(swap, day);
        return LectureViews.Swap.of(swap, lecture, day);
    }

    /** The person's lecture slots, the latest session first. */
    public List<PartyDayViews.Lecture> mine(UUID personId, Locale locale) {
        List<PartyDay> sessions = em.createQuery("select d from PartyDay d where d.id in (select l.partyDayId from "
                + "MicroLecture l where l.speakerId = :p) order by d.startsAt desc, d.id", PartyDay.class)
                .setParameter("p", personId).setMaxResults(MOST_LISTED).getResultList();
        return reader.views(sessions, locale).stream().flatMap(d -> d.lectures().stream())
                .filter(l -> personId.equals(l.speakerId())).toList();
    }

    /** Swap requests the person made or was asked, latest first. */
    public List<LectureViews.Swap> swaps(UUID personId) {
        List<LectureSwap> swaps = LectureSwap.<LectureSwap>find("requestedBy = ?1 or colleagueId = ?1 "
                + "order by createdAt desc, id", personId).range(0, MOST_LISTED - 1).list();
        if (swaps.isEmpty()) {
            return List.of();
        }
        java.util.Map<UUID, MicroLecture> lectures = new java.util.HashMap<>();
        em.createQuery("from MicroLecture where id in :ids", MicroLecture.class)
                .setParameter("ids", swaps.stream().map(s -> s.lectureId).toList()).getResultList()
                .forEach(l -> lectures.put(l.id, l));
        java.util.Map<UUID, PartyDay> sessions = new java.util.HashMap<>();
        em.createQuery("from PartyDay where id in :ids", PartyDay.class)
                .setParameter("ids", lectures.values().stream().map(l -> l.partyDayId).toList()).getResultList()
                .forEach(d -> sessions.put(d.id, d));
        return swaps.stream().map(s -> {
            MicroLecture lecture = lectures.get(s.lectureId);
            return LectureViews.Swap.of(s, lecture, sessions.get(lecture.partyDayId));
        }).toList();
    }

    /** After the session starts, a secretary records once whether the lecture was given; given: points. */
    @Transactional
    public PartyDayViews.Lecture deliver(UUID lectureId, LectureViews.Delivery delivery, String by, Locale locale) {
        MicroLecture lecture = find(lectureId).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        inputs.lock(days.branchOf(lecture.partyDayId).orElseThrow());
        PartyDay day = days.lock(lecture.partyDayId);
        em.refresh(lecture, LockModeType.PESSIMISTIC_WRITE);
        if (day.state == PartyDayState.CANCELLED) {
            throw new ProblemException(LectureProblem.PARTY_DAY_CLOSED, day.state.name());
        }
        if (day.startsAt.isAfter(calendar.now())) {
            throw new ProblemException(LectureProblem.PARTY_DAY_NOT_STARTED, day.id.toString());
        }
        if (lecture.outcome != LectureOutcome.PENDING) {
            throw new ProblemException(LectureProblem.LECTURE_RECORDED, lecture.outcome.name());
        }
        if (lecture.speakerId == null) {
            throw new ProblemException(LectureProblem.LECTURE_NO_SPEAKER, lecture.slot);
        }
        boolean delivered = delivery.delivered();
        if (delivered && (delivery.topic() == null || delivery.topic().isBlank())) {
            throw new ProblemException(LectureProblem.LECTURE_TOPIC_REQUIRED);
        }
        lecture.outcome = delivered ? LectureOutcome.DELIVERED : LectureOutcome.NOT_DELIVERED;
        lecture.topic = delivered ? delivery.topic() : null;
        lecture.summary = delivery.summary() == null || delivery.summary().isBlank() ? null : delivery.summary();
        lecture.links = delivery.links() == null ? new String[0]
                : delivery.links().stream().distinct().toArray(String[]::new);
        lecture.recordedAt = calendar.now();
        lecture.recordedBy = by;
        changed(lecture);
        if (delivered) {
            ledger.creditOrRecordZero(new PointsLedger.Credit(lecture.speakerId, day.branchId,
                    ActivityType.LECTURE_DELIVERED, "MICRO_LECTURE", lecture.id.toString(), day.heldOn, null,
                    "微型党课：" + lecture.topic, by));
        }
        return view(lectureId, locale);
    }

    /** A held or cancelled session's open swap requests lapse. */
    void lapse(@Observes PartyDayService.PartyDayClosed closed) {
        em.createQuery("update LectureSwap set state = 'LAPSED', decidedAt = :now where state = 'PENDING' and "
                + "lectureId in (select l.id from MicroLecture l where l.partyDayId = :day)")
                .setParameter("now", calendar.now()).setParameter("day", closed.partyDayId()).executeUpdate();
    }

    /** The lecture with its session locked, for a change of speaker: the session still open, the slot not recorded. */
    private MicroLecture lockedForChange(UUID lectureId) {
        MicroLecture lecture = find(lectureId).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        inputs.lock(days.branchOf(lecture.partyDayId).orElseThrow());
        PartyDay day = days.lock(lecture.partyDayId);
        em.refresh(lecture);
        PartyDayService.open(day);
        if (lecture.outcome != LectureOutcome.PENDING) {
            throw new ProblemException(LectureProblem.LECTURE_RECORDED, lecture.outcome.name());
        }
        return lecture;
    }

    /** The person may lecture at the session that day and has no other slot of it. */
    private void requireFree(PartyDay day, MicroLecture lecture, UUID personId) {
        Optional<MemberInput> member = inputs.member(day.branchId, personId);
        if (member.isEmpty() || !SpeakerPlanner.eligible(member.get(), day.heldOn, inputs.rules(day.branchId))) {
            throw new ProblemException(LectureProblem.SPEAKER_NOT_ELIGIBLE, personId.toString(), day.heldOn.toString());
        }
        if (MicroLecture.count("partyDayId = ?1 and speakerId = ?2 and id <> ?3", day.id, personId, lecture.id) > 0) {
            throw new ProblemException(LectureProblem.SPEAKER_ALREADY_IN_SESSION, personId.toString());
        }
    }

    private void changed(MicroLecture lecture) {
        lecture.updatedAt = calendar.now();
        // a new version of the session too: its ETag covers its lectures
        em.find(PartyDay.class, lecture.partyDayId).updatedAt = calendar.now();
        LectureSwap.lapseOpen(lecture.id, lecture.speakerId, calendar.now());
        em.flush();
    }
}
