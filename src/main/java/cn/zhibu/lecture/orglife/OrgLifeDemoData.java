package cn.zhibu.lecture.orglife;

import cn.zhibu.lecture.PartyDay;
import cn.zhibu.lecture.PartyDayKind;
import cn.zhibu.lecture.PartyDayService;
import cn.zhibu.lecture.PartyDayState;
import cn.zhibu.lecture.PartyDayViews;
import cn.zhibu.lecture.Rite;
import cn.zhibu.lecture.SessionFormat;
import cn.zhibu.org.OrgDemoData;
import cn.zhibu.platform.http.IfMatch;
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
 * Demo data ({@code zhibu.demo=true}): the demo branch's organisational life meeting (组织生活会) of earlier this
 * year, HELD, with its problem list (the committee's, and two members' from self-examination and criticism) and
 * its rectification list: one item DONE with evidence, two OPEN of which one is overdue. Added once: nothing is
 * done if the branch has an organisational life meeting already. Runs after the people and the lecture demo data
 * (which adds nothing to a branch that has sessions).
 */
@ApplicationScoped
public class OrgLifeDemoData {

    private static final Logger LOG = Logger.getLogger(OrgLifeDemoData.class);
    private static final String BY = "system:demo";

    private final EntityManager em;
    private final PartyDayService days;
    private final OrgLifeService orgLife;
    private final BusinessCalendar calendar;

    OrgLifeDemoData(EntityManager em, PartyDayService days, OrgLifeService orgLife, BusinessCalendar calendar) {
        this.em = em;
        this.days = days;
        this.orgLife = orgLife;
        this.calendar = calendar;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public void load() {
        Optional<UUID> found = OrgDemoData.branch();
        if (found.isEmpty() || PartyDay.count("branchId = ?1 and kind = ?2", found.get(),
                PartyDayKind.ORG_LIFE_MEETING) > 0) {
            return;
        }
        UUID branch = found.get();
        List<UUID> members = em.createNativeQuery("select p.id from membership m join person p on p.id = m.person_id "
                + "where m.org_unit_id = :b and m.is_branch and m.end_date is null and p.political_status in ('FULL', "
                + "'PROBATIONARY') order by p.external_id").setParameter("b", branch).getResultList();
        if (members.size() < 3) {
            return;
        }
        LocalDate today = calendar.today();
        // earlier this year, and at least two weeks ago (early in January: late last year)
        LocalDate heldOn = LocalDate.of(today.getYear(), 1, 20);
        if (heldOn.isAfter(today.minusDays(14))) {
            heldOn = today.minusDays(14);
        }
        Instant start = heldOn.atTime(LocalTime.of(9, 0)).atZone(calendar.zone()).toInstant();
        PartyDayViews.View created = days.create(session(branch, start, start.plusSeconds(3 * 3600),
                (heldOn.getYear() - 1) + "年度组织生活会", "机关五楼会议室",
                "一、通报上年度整改落实情况\n二、支部班子对照检查\n三、党员个人对照检查，开展批评和自我批评\n四、民主评议党员"), Locale.ROOT);
        days.move(created.id(), IfMatch.parse("\"" + created.version() + "\""), PartyDayState.HELD, Locale.ROOT);
        UUID day = created.id();

        UUID committee = orgLife.addProblem(day, new OrgLifeViews.ProblemCreate(ProblemSubject.COMMITTEE, null,
                ProblemSource.SELF_EXAMINATION, "理论学习中心组学习计划执行不够严格，学用结合不够紧密"), BY).id();
        orgLife.addProblem(day, new OrgLifeViews.ProblemCreate(ProblemSubject.COMMITTEE, null,
                ProblemSource.ORGANISATION, "谈心谈话覆盖不全，对年轻党员思想动态掌握不够"), BY);
        UUID first = orgLife.addProblem(day, new OrgLifeViews.ProblemCreate(ProblemSubject.MEMBER, members.get(0),
                ProblemSource.SELF_EXAMINATION, "调查研究不够深入，到基层支部指导次数偏少"), BY).id();
        UUID second = orgLife.addProblem(day, new OrgLifeViews.ProblemCreate(ProblemSubject.MEMBER, members.get(1),
                ProblemSource.CRITICISM, "批评意见：工作中有时急于求成，与同事沟通不够"), BY).id();

        // overdue: due between the meeting and today; the other OPEN one is due in two months
        LocalDate lapsed = heldOn.plusDays(Math.max(1, (today.toEpochDay() - heldOn.toEpochDay()) / 2));
        var done = orgLife.addRectification(day, new OrgLifeViews.RectificationCreate(committee,
                "修订理论学习中心组年度学习计划，每月集中学习一次", "由组织委员牵头，每季度通报执行情况", members.get(0),
                heldOn.plusDays(7)), BY);
        orgLife.close(day, done.id(), IfMatch.parse("\"" + done.version() + "\""), new OrgLifeViews.Close(
                "已印发年度学习计划，按月开展集中学习并形成记录", List.of("https://www.12371.cn/a.shtml")), BY);
        orgLife.addRectification(day, new OrgLifeViews.RectificationCreate(first, "每季度到联系支部调研指导不少于一次",
                null, members.get(0), lapsed), BY);
        orgLife.addRectification(day, new OrgLifeViews.RectificationCreate(second, "每月与科室同事开展一次工作交流",
                "结合科室例会进行", members.get(1), today.plusDays(60)), BY);
        LOG.infof("Demo data: an organisational life meeting of the demo branch on %s, 4 problems, 3 rectifications",
                heldOn);
    }

    /** A new session of the branch: the one place that knows how a session to create is written. */
    static PartyDayViews.Create session(UUID branch, Instant start, Instant end, String theme, String place,
            String agenda) {
        return new PartyDayViews.Create(branch, PartyDayKind.ORG_LIFE_MEETING, start, end, theme, place, agenda, 0,
                null, null, SessionFormat.IN_PERSON, null, List.of(Rite.NATIONAL_ANTHEM, Rite.OATH));
    }
}
