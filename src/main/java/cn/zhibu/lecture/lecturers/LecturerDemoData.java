package cn.zhibu.lecture.lecturers;

import cn.zhibu.lecture.PartyDay;
import cn.zhibu.lecture.PartyDayKind;
import cn.zhibu.lecture.PartyDayService;
import cn.zhibu.lecture.PartyDayState;
import cn.zhibu.lecture.PartyDayViews;
import cn.zhibu.lecture.SessionFormat;
import cn.zhibu.org.OrgDemoData;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): two party lectures (党课) of the demo branch: one earlier this year, HELD,
 * given by a leading cadre of the branch (一人讲), and one in three weeks by an invited professor (邀请专家授课).
 * Added once: nothing is done if the branch has a party lecture already. Runs after the people and the lecture
 * demo data (which adds nothing to a branch that has sessions).
 */
@ApplicationScoped
public class LecturerDemoData {

    private static final Logger LOG = Logger.getLogger(LecturerDemoData.class);
    private static final String BY = "system:demo";

    private final EntityManager em;
    private final PartyDayService days;
    private final LecturerService lecturers;
    private final BusinessCalendar calendar;

    LecturerDemoData(EntityManager em, PartyDayService days, LecturerService lecturers, BusinessCalendar calendar) {
        this.em = em;
        this.days = days;
        this.lecturers = lecturers;
        this.calendar = calendar;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public void load() {
        Optional<UUID> found = OrgDemoData.branch();
        if (found.isEmpty() || PartyDay.count("branchId = ?1 and kind = ?2", found.get(),
                PartyDayKind.PARTY_LECTURE) > 0) {
            return;
        }
        UUID branch = found.get();
        List<UUID> cadres = em.createNativeQuery("select p.id from membership m join person p on p.id = m.person_id "
                + "where m.org_unit_id = :b and m.is_branch and m.end_date is null and p.active and p.leading_cadre "
                + "and p.political_status = 'FULL' order by p.external_id").setParameter("b", branch).getResultList();
        if (cadres.isEmpty()) {
            return;
        }
        LocalDate today = calendar.today();
        LocalDate earlier = LocalDate.of(today.getYear(), 2, 25);
        if (earlier.isAfter(today.minusDays(7))) {
            earlier = today.minusDays(7);
        }
        Instant start = earlier.atTime(LocalTime.of(15, 0)).atZone(calendar.zone()).toInstant();
        PartyDayViews.View held = days.create(session(branch, start, "书记讲党课：以高质量党建引领机关建设"), Locale.ROOT);
        lecturers.add(held.id(), new LecturerViews.Create(cadres.get(0), null, "以高质量党建引领机关建设",
                List.of("https://www.12371.cn/a.shtml"), 1), Access.Reach.EVERYWHERE, BY);
        days.move(held.id(), IfMatch.parse("\"" + held.version() + "\""), PartyDayState.HELD, Locale.ROOT);

        Instant next = today.plusDays(21).atTime(LocalTime.of(14, 30)).atZone(calendar.zone()).toInstant();
        PartyDayViews.View invited = days.create(session(branch, next, "专家辅导：深入学习贯彻党的创新理论"), Locale.ROOT);
        lecturers.add(invited.id(), new LecturerViews.Create(null, new LecturerViews.Guest("李明", "教授",
                "武汉大学马克思主义学院"), "深入学习贯彻党的创新理论", List.of(), 1), Access.Reach.EVERYWHERE, BY);
        LOG.infof("Demo data: two party lectures of the demo branch, by a leading cadre and by an invited professor");
    }

    /** A new party lecture of the branch, two hours: the one place that knows how a session to create is written. */
    static PartyDayViews.Create session(UUID branch, Instant start, String theme) {
        return new PartyDayViews.Create(branch, PartyDayKind.PARTY_LECTURE, start, start.plusSeconds(7200), theme,
                "机关五楼会议室", null, 0, null, null, SessionFormat.IN_PERSON, null, List.of());
    }
}
