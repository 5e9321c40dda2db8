package cn.zhibu.annual.plan;

import cn.zhibu.lecture.PartyDayKind;
import cn.zhibu.org.OrgDemoData;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): the demo branch's annual plans. This year's plan of the branch and of its
 * secretary, about half done: recorded items counting the demo sessions and lectures that exist, OTHER items some
 * ticked with evidence; and last year's plan of the branch, summed up, submitted and APPROVED. Runs after the
 * committee and the sessions ({@link cn.zhibu.lecture.SessionsDemoData}, after
 * {@link cn.zhibu.lecture.LectureDemoData}); best after the quiz, contest and integrity demo data too, whose records
 * the recorded items count. Added once: nothing is done if the branch has its own plan of this year.
 */
@ApplicationScoped
public class PlanDemoData {

    private static final Logger LOG = Logger.getLogger(PlanDemoData.class);
    private static final String BY = "system:demo";

    private final EntityManager em;
    private final PlanService plans;
    private final BusinessCalendar calendar;

    PlanDemoData(EntityManager em, PlanService plans, BusinessCalendar calendar) {
        this.em = em;
        this.plans = plans;
        this.calendar = calendar;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public void load() {
        Optional<UUID> found = OrgDemoData.branch();
        if (found.isEmpty()) {
            return;
        }
        UUID branch = found.get();
        int year = calendar.today().getYear();
        if (AnnualPlan.count("unitId = ?1 and year = ?2 and ownerId is null", branch, year) > 0) {
            return;
        }
        List<UUID> secretaries = em.createNativeQuery("select person_id from branch_committee_member where branch_id "
                + "= :b and post = 'SECRETARY'").setParameter("b", branch).getResultList();
        if (secretaries.isEmpty()) {
            return; // the committee comes with the sessions' demo data
        }
        UUID secretary = secretaries.get(0);

        UUID own = plans.create(new PlanViews.Create(branch, year, null), BY).id();
        add(own, sessions(PartyDayKind.THEMED_PARTY_DAY, "每月开展主题党日活动", 12), null);
        add(own, sessions(PartyDayKind.MEMBER_ASSEMBLY, "每季度召开支部党员大会", 4), null);
        add(own, sessions(PartyDayKind.INTEGRITY_EDUCATION, "开展廉政警示教育", 1), null);
        add(own, new PlanViews.ItemRequest(ItemKind.SESSIONS, PartyDayKind.FIELD_TEACHING, "赴革命教育基地开展现场教学",
                null, LocalDate.of(year, 12, 31), null), null);
        add(own, recorded(ItemKind.LECTURES_DELIVERED, "党员轮流讲微型党课", 10), null);
        add(own, recorded(ItemKind.QUIZZES_HELD, "开展“一学一测”和趣味竞答", 6), null);
        add(own, recorded(ItemKind.INTEGRITY_REVIEWS, "领导干部廉政档案定期评估", 2), null);
        add(own, other("建立党员联系服务群众工作台账", secretary), "已建立台账，覆盖全体党员联系户 36 户，按季度更新。");
        add(own, other("创建“红色组工”党建品牌", secretary), null);

        UUID personal = plans.create(new PlanViews.Create(branch, year, secretary), BY).id();
        add(personal, sessions(PartyDayKind.BRANCH_COMMITTEE, "每月主持召开支委会", 12), null);
        add(personal, recorded(ItemKind.PARTY_LECTURES, "讲授专题党课", 1), null);
        add(personal, other("走访联系点，开展调研 4 次", secretary), "全年走访联系社区 4 次，形成调研报告 1 篇。");
        add(personal, other("落实全面从严治党主体责任谈心谈话", secretary), null);

        UUID last = plans.create(new PlanViews.Create(branch, year - 1, null), BY).id();
        add(last, sessions(PartyDayKind.THEMED_PARTY_DAY, "每月开展主题党日活动", 12), null);
        add(last, other("完成支部换届选举", secretary), "按期完成换届，选举产生新一届支部委员会。");
        plans.summary(last, current(last), new PlanViews.Summary("全年开展主题党日 12 次、党课 4 次，按期完成支部换届，"
                + "年度计划各项任务全部完成。"));
        plans.submit(last, current(last), BY);
        plans.review(last, new PlanViews.ReviewRequest(ReviewDecision.APPROVED, "计划完成情况良好，同意。"), BY, null);
        LOG.infof("Demo data: the demo branch's annual plans of %d (its own and its secretary's) and %d, approved",
                year, year - 1);
    }

    /** Adds an item; an OTHER item with evidence is ticked done. */
    private void add(UUID plan, PlanViews.ItemRequest item, String evidence) {
        UUID id = plans.addItem(plan, current(plan), item).itemId();
        if (evidence != null) {
            plans.complete(plan, id, current(plan), new PlanViews.Completion(evidence, List.of()), BY);
        }
    }

    private IfMatch current(UUID plan) {
        return IfMatch.parse("\"" + em.find(AnnualPlan.class, plan).version + "\"");
    }

    private static PlanViews.ItemRequest sessions(PartyDayKind kind, String title, int count) {
        return new PlanViews.ItemRequest(ItemKind.SESSIONS, kind, title, count, null, null);
    }

    private static PlanViews.ItemRequest recorded(ItemKind kind, String title, int count) {
        return new PlanViews.ItemRequest(kind, null, title, count, null, null);
    }

    private static PlanViews.ItemRequest other(String title, UUID owner) {
        return new PlanViews.ItemRequest(ItemKind.OTHER, null, title, 1, null, owner);
    }
}
