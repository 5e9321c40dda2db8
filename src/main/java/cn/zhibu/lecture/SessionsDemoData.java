package cn.zhibu.lecture;

import cn.zhibu.org.OrgDemoData;
import cn.zhibu.org.committee.CommitteePost;
import cn.zhibu.org.committee.CommitteeService;
import cn.zhibu.org.committee.CommitteeViews;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): the demo branch's committee (书记, 组织委员, 宣传委员, 纪检委员) and the
 * organisational life beyond its themed party days: a members' assembly, field teaching at an education base, an
 * integrity education session and each party group's meeting, held in the weeks before today with attendance; and
 * the next members' assembly, planned. Runs after the themed party days ({@link LectureDemoData}); added once.
 */
@ApplicationScoped
public class SessionsDemoData {

    private static final Logger LOG = Logger.getLogger(SessionsDemoData.class);

    private final EntityManager em;
    private final PartyDayService days;
    private final LectureDemoData lectures;
    private final CommitteeService committees;
    private final BusinessCalendar calendar;

    SessionsDemoData(EntityManager em, PartyDayService days, LectureDemoData lectures, CommitteeService committees,
            BusinessCalendar calendar) {
        this.em = em;
        this.days = days;
        this.lectures = lectures;
        this.committees = committees;
        this.calendar = calendar;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public void load() {
        Optional<UUID> found = OrgDemoData.branch();
        if (found.isEmpty() || PartyDay.count("branchId = ?1 and kind = ?2", found.get(),
                PartyDayKind.MEMBER_ASSEMBLY) > 0) {
            return;
        }
        UUID branch = found.get();
        committee(branch);
        List<PartyDay> held = new ArrayList<>();
        held.add(session(branch, PartyDayKind.MEMBER_ASSEMBLY, -40, 2, "支部党员大会：讨论发展党员和年度工作",
                "机关三楼会议室", null, List.of(Rite.NATIONAL_ANTHEM)));
        held.add(session(branch, PartyDayKind.FIELD_TEACHING, -26, 3, "重温革命历史 传承红色基因", "天子山革命纪念馆",
                new BigDecimal("3.0"), List.of(Rite.PARTY_BADGE, Rite.OATH)));
        held.add(session(branch, PartyDayKind.INTEGRITY_EDUCATION, -12, 2, "廉政警示教育：观看警示片《持续发力 纵深推进》",
                "机关三楼会议室", null, List.of()));
        List<UUID> groups = em.createNativeQuery("select id from org_unit where parent_id = :b and kind = 'PARTY_GROUP' "
                + "and archived_at is null order by sort_order, name").setParameter("b", branch).getResultList();
        for (UUID group : groups) {
            PartyDayViews.View meeting = days.create(new PartyDayViews.Create(branch, PartyDayKind.PARTY_GROUP_MEETING,
                    start(-5), start(-5).plusSeconds(3600), "党小组学习：交流学习体会", "党小组活动室", null, 0, null,
                    null, SessionFormat.IN_PERSON, group, List.of()), Locale.ROOT);
            held.add(days.require(meeting.id()));
        }
        for (PartyDay day : held) {
            day.state = PartyDayState.HELD;
            em.flush();
            lectures.attend(branch, day);
        }
        session(branch, PartyDayKind.MEMBER_ASSEMBLY, 20, 2, "支部党员大会：年度总结与换届准备", "机关三楼会议室", null,
                List.of(Rite.NATIONAL_ANTHEM));
        LOG.infof("Demo data: the branch committee and %d sessions of other kinds, held", held.size());
    }

    /** The first four members of the demo branch sit on its committee, the secretary first. */
    @SuppressWarnings("unchecked")
    private void committee(UUID branch) {
        List<UUID> people = em.createNativeQuery("select p.id from membership m join person p on p.id = m.person_id "
                + "where m.org_unit_id = :b and m.is_branch and m.end_date is null and p.active "
                + "and p.external_id like 'DEMO-%' order by p.external_id limit 4").setParameter("b", branch)
                .getResultList();
        CommitteePost[] posts = {CommitteePost.SECRETARY, CommitteePost.ORGANISATION, CommitteePost.PUBLICITY,
            CommitteePost.DISCIPLINE};
        List<CommitteeViews.Seat> seats = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            seats.add(new CommitteeViews.Seat(people.get(i), posts[i], null));
        }
        committees.replace(branch, new CommitteeViews.Change(seats));
    }

    private PartyDay session(UUID branch, PartyDayKind kind, int inDays, int hours, String theme, String place,
            BigDecimal studyHours, List<Rite> rites) {
        Instant start = start(inDays);
        PartyDayViews.View view = days.create(new PartyDayViews.Create(branch, kind, start,
                start.plusSeconds(3600L * hours), theme, place, null, 0, null, studyHours, SessionFormat.IN_PERSON,
                null, rites), Locale.ROOT);
        return days.require(view.id());
    }

    /** 14:30 on the day so many days from today. */
    private Instant start(int inDays) {
        return calendar.today().plusDays(inDays).atTime(LocalTime.of(14, 30)).atZone(calendar.zone()).toInstant();
    }
}
