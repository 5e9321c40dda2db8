package cn.zhibu.annual.campaign;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A campaign's results, aggregated by the database from the stored ballots (one per rater, ratee and stage, the
 * last one cast): per ratee the count of each grade of the peer evaluation and its raters, and each ballot-taking
 * stage's participation. Never who rated whom. A ratee's own self-grade is shown only to them and to managers.
 */
@ApplicationScoped
public class CampaignResults {

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final CampaignRatees ratees;
    private final CampaignRaters raters;
    private final CampaignSettings settings;

    CampaignResults(EntityManager em, BusinessCalendar calendar, CampaignRatees ratees, CampaignRaters raters,
            CampaignSettings settings) {
        this.em = em;
        this.calendar = calendar;
        this.ratees = ratees;
        this.raters = raters;
        this.settings = settings;
    }

    /** Counts of each grade per ratee of one stage: ratee → grade → count. */
    public Map<UUID, Map<String, Long>> counts(UUID campaignId, StageKind stage) {
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        for (Tuple row : tuples(em.createNativeQuery("""
                select ratee_id as ratee_id, grade as grade, count(*) as n from campaign_ballot
                where campaign_id = :campaign and stage = :stage group by ratee_id, grade""", Tuple.class)
                .setParameter("campaign", campaignId).setParameter("stage", stage.name()).getResultList())) {
            counts.computeIfAbsent(Rows.uuid(row, "ratee_id"), r -> new HashMap<>())
                    .put(Rows.string(row, "grade"), Rows.longValue(row, "n"));
        }
        return counts;
    }

    /** The distinct raters (people and units) who cast a ballot in the stage. */
    public long raters(UUID campaignId, StageKind stage) {
        return ((Number) em.createNativeQuery("select count(*) from (select distinct rater_kind, rater_id "
                + "from campaign_ballot where campaign_id = :campaign and stage = :stage) r")
                .setParameter("campaign", campaignId).setParameter("stage", stage.name()).getSingleResult())
                .longValue();
    }

    /**
     * The results of a campaign as {@code viewer} sees them: a manager at any time (while a ballot-taking stage is
     * open, participation only), anyone else once it is CLOSED (409 CAMPAIGN_RESULTS_NOT_PUBLISHED before); of a
     * member appraisal, a member sees their own row only.
     */
    @Transactional
    public CampaignBallotViews.Results published(UUID campaignId, UUID viewer, boolean manager) {
        Campaign campaign = Campaign.<Campaign>findByIdOptional(campaignId)
                .orElseThrow(() -> new cn.zhibu.platform.problem.ProblemException(
                        cn.zhibu.platform.problem.ProblemCode.NOT_FOUND));
        if (!manager && campaign.state != CampaignState.CLOSED) {
            throw new cn.zhibu.platform.problem.ProblemException(CampaignProblem.CAMPAIGN_RESULTS_NOT_PUBLISHED,
                    campaign.state.name());
        }
        CampaignBallotViews.Results results = of(campaign, viewer, manager);
        if (!manager && campaign.type == CampaignType.MEMBER_APPRAISAL) {
            // 民主评议党员 rates every member: each sees how their peers rated them, not how they rated the others
            results = new CampaignBallotViews.Results(results.campaignId(), results.state(), results.minRaters(),
                    results.participation(), results.ratees().stream()
                            .filter(ratee -> ratee.personId().equals(viewer)).toList());
        }
        if (rating(campaign)) {
            // a manager polling live counts could read each new ballot's grade off them, and so who cast it
            results = new CampaignBallotViews.Results(results.campaignId(), results.state(), results.minRaters(),
                    results.participation(), results.ratees().stream().map(ratee -> new CampaignBallotViews
                            .RateeResult(ratee.personId(), ratee.name(), ratee.selfGrade(), List.of())).toList());
        }
        return results;
    }

    /** Whether a ballot-taking stage of the open campaign has not closed yet. */
    private boolean rating(Campaign campaign) {
        return campaign.state == CampaignState.OPEN && campaign.stages.stream()
                .anyMatch(stage -> stage.kind.takesBallots() && calendar.now().isBefore(stage.closesAt));
    }

    /**
     * The results as {@code viewer} (a person, or null) sees them; {@code manager}: whether they manage the
     * campaign's unit (and so see every ratee's self-grade).
     */
    @Transactional
    public CampaignBallotViews.Results of(Campaign campaign, UUID viewer, boolean manager) {
        List<UUID> rated = ratees.of(campaign.id);
        List<String> names = raters.names(rated);
        List<String> scale = List.of(campaign.scale);
        List<CampaignBallotViews.Participation> participation = new ArrayList<>();
        boolean self = campaign.type.stages().contains(StageKind.SELF_EVALUATION);
        if (self) {
            participation.add(participation(StageKind.SELF_EVALUATION, raters(campaign.id, StageKind.SELF_EVALUATION),
                    rated.size()));
        }
        LocalDate day = campaign.closedAt == null ? calendar.today() : calendar.dateOf(campaign.closedAt);
        long eligible = raters.memberCount(campaign.unitId, day)
                + (campaign.unitRaters ? raters.childUnits(campaign.unitId).size() : 0);
        participation.add(participation(StageKind.PEER_EVALUATION, raters(campaign.id, StageKind.PEER_EVALUATION),
                eligible));
        Map<UUID, Map<String, Long>> peer = counts(campaign.id, StageKind.PEER_EVALUATION);
        Map<UUID, String> selfGrades = self ? selfGrades(campaign.id) : Map.of();
        List<CampaignBallotViews.RateeResult> results = new ArrayList<>();
        for (int i = 0; i < rated.size(); i++) {
            UUID ratee = rated.get(i);
            Map<String, Long> grades = peer.getOrDefault(ratee, Map.of());
            CampaignBallotViews.Aggregate aggregate = aggregate(StageKind.PEER_EVALUATION, scale, grades,
                    settings.minRaters());
            String selfGrade = manager || ratee.equals(viewer) ? selfGrades.get(ratee) : null;
            results.add(new CampaignBallotViews.RateeResult(ratee, names.get(i), selfGrade, List.of(aggregate)));
        }
        return new CampaignBallotViews.Results(campaign.id, campaign.state, settings.minRaters(), participation,
                results);
    }

    /** One ratee's aggregate: the count per grade in the scale's order, or none below {@code minRaters}. */
    static CampaignBallotViews.Aggregate aggregate(StageKind stage, List<String> scale, Map<String, Long> grades,
            int minRaters) {
        long total = grades.values().stream().mapToLong(Long::longValue).sum();
        if (total < minRaters) {
            return new CampaignBallotViews.Aggregate(stage, total, false, null);
        }
        List<CampaignBallotViews.GradeCount> counts = new ArrayList<>();
        for (String grade : scale) {
            counts.add(new CampaignBallotViews.GradeCount(grade, grades.getOrDefault(grade, 0L)));
        }
        return new CampaignBallotViews.Aggregate(stage, total, true, counts);
    }

    private static CampaignBallotViews.Participation participation(StageKind stage, long raters, long eligible) {
        BigDecimal rate = eligible == 0 ? BigDecimal.ZERO.setScale(3)
                : BigDecimal.valueOf(Math.min(raters, eligible)).divide(BigDecimal.valueOf(eligible), 3,
                        RoundingMode.HALF_UP);
        return new CampaignBallotViews.Participation(stage, raters, eligible, rate);
    }

    private Map<UUID, String> selfGrades(UUID campaignId) {
        Map<UUID, String> grades = new LinkedHashMap<>();
        for (Tuple row : tuples(em.createNativeQuery("select ratee_id as ratee_id, grade as grade from campaign_ballot "
                + "where campaign_id = :campaign and stage = 'SELF_EVALUATION'", Tuple.class)
                .setParameter("campaign", campaignId).getResultList())) {
            grades.put(Rows.uuid(row, "ratee_id"), Rows.string(row, "grade"));
        }
        return grades;
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<Tuple> tuples(java.util.List<?> rows) {
        return (java.util.List<Tuple>) rows;
    }
}
