package cn.zhibu.annual.campaign;

import cn.zhibu.org.OrgDemoData;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Demo data ({@code zhibu.demo=true}): the demo branch's report review (述职评议) of last year, closed, with its
 * reporters' reports and members' ballots, so its results show; and this year's member appraisal (民主评议党员),
 * its self-evaluation closed with some self-grades, its peer evaluation open now with some ballots cast. Added once.
 * Runs after the org, people, identity and sessions demo data (the branch, its members, its group leaders and its
 * committee roster).
 */
@ApplicationScoped
public class CampaignDemoData {

    static final String BY = "system:demo";
    private static final List<String> REVIEW_SCALE = List.of("好", "较好", "一般", "差");
    private static final List<String> APPRAISAL_SCALE = List.of("优秀", "合格", "基本合格", "不合格");
    private static final String[] REPORTS = {
        "一年来，本人认真履行支部书记第一责任人职责，带头学习贯彻党的创新理论，组织开展主题党日12次、微型党课8次。",
        "作为组织委员，本人做好党员发展、组织关系转接和党费收缴工作，推进“一人一档”积分管理。",
        "作为宣传委员，本人组织每周学习打卡和“一学一测”，编发学习简报，营造比学赶超氛围。",
        "作为纪检委员，本人协助抓好党风廉政建设，更新廉政档案，开展廉政教育和谈心谈话。",
        "作为党小组长，本人组织党小组会议，带领组员完成年度学习任务，关心组员思想和工作。"};

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final CampaignService campaigns;
    private final CampaignBallots ballots;
    private final CampaignRaters raters;

    CampaignDemoData(EntityManager em, BusinessCalendar calendar, CampaignService campaigns, CampaignBallots ballots,
            CampaignRaters raters) {
        this.em = em;
        this.calendar = calendar;
        this.campaigns = campaigns;
        this.ballots = ballots;
        this.raters = raters;
    }

    @Transactional
    public void load() {
        @SuppressWarnings("unchecked")
        Optional<UUID> found = OrgDemoData.branch();
        if (found.isEmpty() || Campaign.count("unitId", found.get()) > 0) {
            return;
        }
        UUID branch = found.get();
        List<UUID> members = raters.members(branch, calendar.today());
        if (members.size() < 4) {
            return;
        }
        lastYearsReview(branch, members);
        thisYearsAppraisal(branch, members);
    }

    /** Last December's report review: reports, most members' ballots, closed. */
    private void lastYearsReview(UUID branch, List<UUID> members) {
        int year = calendar.today().getYear() - 1;
        Instant reporting = at(LocalDate.of(year, 12, 1));
        Instant rating = at(LocalDate.of(year, 12, 10));
        Instant closes = at(LocalDate.of(year, 12, 20));
        List<UUID> reporters = raters.defaultReporters(branch, calendar.today());
        if (reporters.isEmpty()) {
            reporters = members.subList(0, 3);
        }
        reporters = reporters.subList(0, Math.min(5, reporters.size()));
        UUID id = campaigns.create(new CampaignViews.Create(branch, year, CampaignType.REPORT_REVIEW,
                year + "年度支部委员述职评议", REVIEW_SCALE, List.of(
                        new CampaignViews.StageTimes(StageKind.REPORTING, reporting, rating),
                        new CampaignViews.StageTimes(StageKind.PEER_EVALUATION, rating, closes)),
                null, null, null, null, reporters), BY).id();
        for (int i = 0; i < reporters.size(); i++) {
            em.createNativeQuery("insert into campaign_report (campaign_id, person_id, body, links, submitted_at, "
                    + "updated_at) values (:campaign, :person, :body, cast(:links as text[]), :at, :at)")
                    .setParameter("campaign", id).setParameter("person", reporters.get(i))
                    .setParameter("body", REPORTS[i % REPORTS.length])
                    .setParameter("links", new String[] {"https://www.12371.cn/special/sx/"})
                    .setParameter("at", reporting.plus(Duration.ofDays(2 + i))).executeUpdate();
        }
        for (int r = 0; r < members.size(); r++) {
            if (r % 6 == 5) {
                continue; // rating is voluntary: some members did not rate
            }
            for (int e = 0; e < reporters.size(); e++) {
                if (!members.get(r).equals(reporters.get(e))) {
                    ballot(id, StageKind.PEER_EVALUATION, members.get(r), reporters.get(e),
                            REVIEW_SCALE.get((r + e) % 7 < 4 ? 0 : (r + e) % 7 < 6 ? 1 : 2),
                            rating.plus(Duration.ofHours(3 + r)));
                }
            }
        }
        em.flush();
        em.clear();
        Campaign campaign = campaigns.require(id);
        campaigns.close(id, IfMatch.parse("\"" + campaign.version + "\""));
        // closed when its peer evaluation ended, as it was then
        em.createNativeQuery("update campaign set closed_at = :at, updated_at = :at where id = :id")
                .setParameter("at", closes.plus(Duration.ofHours(1))).setParameter("id", id).executeUpdate();
    }

    /** This year's member appraisal: self-evaluation closed with self-grades, peer evaluation open now. */
    private void thisYearsAppraisal(UUID branch, List<UUID> members) {
        Instant now = calendar.now();
        Instant self = at(calendar.today().minusDays(10));
        Instant peer = at(calendar.today().minusDays(3));
        Instant decision = at(calendar.today().plusDays(7));
        UUID id = campaigns.create(new CampaignViews.Create(branch, calendar.today().getYear(),
                CampaignType.MEMBER_APPRAISAL, calendar.today().getYear() + "年度民主评议党员", APPRAISAL_SCALE, List.of(
                        new CampaignViews.StageTimes(StageKind.SELF_EVALUATION, self, peer),
                        new CampaignViews.StageTimes(StageKind.PEER_EVALUATION, peer, decision),
                        new CampaignViews.StageTimes(StageKind.DECISION, decision, decision.plus(Duration.ofDays(7)))),
                null, new java.math.BigDecimal("0.300"), null, null, null), BY).id();
        for (int i = 0; i < members.size(); i++) {
            if (i % 3 != 2) {
                ballot(id, StageKind.SELF_EVALUATION, members.get(i), members.get(i),
                        APPRAISAL_SCALE.get(i % 4 == 0 ? 0 : 1), self.plus(Duration.ofHours(2 + i)));
            }
        }
        // a few members have rated some colleagues so far, through the same path as the API
        for (int r = 0; r < Math.min(4, members.size()); r++) {
            for (int e = 0; e < members.size(); e++) {
                if (r != e && (r + e) % 2 == 0 && peer.isBefore(now)) {
                    ballots.cast(id, StageKind.PEER_EVALUATION, CampaignBallots.Rater.person(members.get(r)),
                            members.get(e), APPRAISAL_SCALE.get((r + e) % 5 == 0 ? 0 : 1));
                }
            }
        }
    }

    /** A ballot of a stage already closed, stored as it was cast then. */
    private void ballot(UUID campaign, StageKind stage, UUID rater, UUID ratee, String grade, Instant at) {
        em.createNativeQuery("insert into campaign_ballot (campaign_id, stage, rater_kind, rater_id, ratee_id, grade, "
                + "cast_by, cast_at) values (:campaign, :stage, 'PERSON', :rater, :ratee, :grade, :rater, :at)")
                .setParameter("campaign", campaign).setParameter("stage", stage.name()).setParameter("rater", rater)
                .setParameter("ratee", ratee).setParameter("grade", grade).setParameter("at", at).executeUpdate();
    }

    private Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(9, 0)).atZone(calendar.zone()).toInstant();
    }
}
