package cn.zhibu.demo;

import cn.zhibu.lecture.LectureNotices;
import cn.zhibu.lecture.PartyDay;
import cn.zhibu.lecture.PartyDayState;
import cn.zhibu.notify.NoticeDigests;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Demo notices, raised as the capabilities and jobs raise them: the reminders of the sessions to come (and their
 * speakers'), which the demo wrote without going through the party-day service, and today's digests, weekly ones
 * included (the secretary's check-ins waiting for review, the integrity officer's overdue files). Raising them again
 * at the next start changes nothing: a notice is once per event and person.
 */
@ApplicationScoped
class NoticesDemoData {

    private final EntityManager em;
    private final LectureNotices lectures;
    private final NoticeDigests digests;
    private final BusinessCalendar calendar;

    NoticesDemoData(EntityManager em, LectureNotices lectures, NoticeDigests digests, BusinessCalendar calendar) {
        this.em = em;
        this.lectures = lectures;
        this.digests = digests;
        this.calendar = calendar;
    }

    void load() {
        sessions();
        digests.raise(calendar.now(), true);
    }

    @Transactional
    void sessions() {
        List<PartyDay> coming = em.createQuery("from PartyDay d where d.startsAt > :now and d.state in :states",
                PartyDay.class).setParameter("now", calendar.now())
                .setParameter("states", List.of(PartyDayState.PLANNED, PartyDayState.CONFIRMED)).getResultList();
        coming.forEach(day -> lectures.sessionChanged(day, lectures.speakers(day.id), true));
    }
}
