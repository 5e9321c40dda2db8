package cn.zhibu.annual.campaign;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Ballots: a rater's grade of a ratee in an open ballot-taking stage, one per (campaign, stage, rater, ratee), a
 * later one replacing the one before; withdrawn while the stage is open; never changed after it closes.
 */
@ApplicationScoped
public class CampaignBallots {

    /**
     * Who casts a ballot: a person for themself ({@code unitId} null), or for a child unit of the campaign's unit
     * ({@code actsForUnit}: whether the person may vote for it, as its secretary, org admin or group leader).
     */
    public record Rater(UUID personId, UUID unitId, boolean actsForUnit) {

        public static Rater person(UUID personId) {
            return new Rater(personId, null, false);
        }

        String kind() {
            return unitId == null ? "PERSON" : "UNIT";
        }

        UUID id() {
            return unitId == null ? personId : unitId;
        }
    }

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final CampaignRatees ratees;
    private final CampaignRaters raters;
    private final CampaignAccess reader;

    CampaignBallots(EntityManager em, BusinessCalendar calendar, CampaignRatees ratees, CampaignRaters raters,
            CampaignAccess reader) {
        this.em = em;
        this.calendar = calendar;
        this.ratees = ratees;
        this.raters = raters;
        this.reader = reader;
    }

    /** Casts (or replaces) the rater's ballot on the ratee. Nothing is stored unless every rule holds. */
    @Transactional
    public CampaignBallotViews.Ballot cast(UUID campaignId, StageKind stage, Rater rater, UUID rateeId, String grade) {
        Campaign campaign = openStage(campaignId, stage);
        if (!Arrays.asList(campaign.scale).contains(grade)) {
            throw new ProblemException(CampaignProblem.CAMPAIGN_GRADE_NOT_IN_SCALE, grade,
                    String.join(", ", campaign.scale));
        }
        eligible(campaign, stage, rater, rateeId);
        Instant now = calendar.now();
        em.createNativeQuery("""
                insert into campaign_ballot (campaign_id, stage, rater_kind, rater_id, ratee_id, grade, cast_by, cast_at)
                values (:campaign, :stage, :kind, :rater, :ratee, :grade, :by, :at)
                on conflict (campaign_id, stage, rater_kind, rater_id, ratee_id)
                do update set grade = excluded.grade, cast_by = excluded.cast_by, cast_at = excluded.cast_at""")
                .setParameter("campaign", campaignId).setParameter("stage", stage.name())
                .setParameter("kind", rater.kind()).setParameter("rater", rater.id()).setParameter("ratee", rateeId)
                .setParameter("grade", grade).setParameter("by", rater.personId()).setParameter("at", now)
                .executeUpdate();
        return new CampaignBallotViews.Ballot(stage, rateeId, grade, rater.unitId(), reader.at(now));
    }

    /** Withdraws the rater's ballot on the ratee while the stage is open: 404 when there is none. */
    @Transactional
    public void withdraw(UUID campaignId, StageKind stage, Rater rater, UUID rateeId) {
        openStage(campaignId, stage);
        if (rater.unitId() != null && !rater.actsForUnit()) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        int deleted = em.createNativeQuery("delete from campaign_ballot where campaign_id = :campaign "
                + "and stage = :stage and rater_kind = :kind and rater_id = :rater and ratee_id = :ratee")
                .setParameter("campaign", campaignId).setParameter("stage", stage.name())
                .setParameter("kind", rater.kind()).setParameter("rater", rater.id()).setParameter("ratee", rateeId)
                .executeUpdate();
        if (deleted == 0) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
    }

    /** The person's own ballots, and those of the units they act for, by stage and ratee. */
    @Transactional
    public List<CampaignBallotViews.Ballot> mine(UUID campaignId, UUID personId, Predicate<UUID> actsFor) {
        List<Tuple> rows = em.createNativeQuery("""
                select b.stage as stage, b.rater_kind as rater_kind, b.rater_id as rater_id, b.ratee_id as ratee_id,
                       b.grade as grade, b.cast_at as cast_at
                from campaign_ballot b join campaign_ratee r on r.campaign_id = b.campaign_id and r.person_id = b.ratee_id
                where b.campaign_id = :campaign and (b.rater_kind = 'UNIT' or b.rater_id = :person)
                order by b.stage, b.rater_kind, r.added_at, b.ratee_id""", Tuple.class)
                .setParameter("campaign", campaignId).setParameter("person", personId).getResultList();
        List<CampaignBallotViews.Ballot> ballots = new ArrayList<>();
        for (Tuple row : rows) {
            boolean unit = "UNIT".equals(Rows.string(row, "rater_kind"));
            if (unit && !actsFor.test(Rows.uuid(row, "rater_id"))) {
                continue;
            }
            ballots.add(new CampaignBallotViews.Ballot(StageKind.valueOf(Rows.string(row, "stage")),
                    Rows.uuid(row, "ratee_id"), Rows.string(row, "grade"), unit ? Rows.uuid(row, "rater_id") : null,
                    reader.at(Rows.instant(row, "cast_at"))));
        }
        return ballots;
    }

    /**
     * The campaign, share-locked (so no ballot lands once a closing has locked it), whose stage takes ballots and is
     * open now: 409 CAMPAIGN_STAGE_NOT_OPEN otherwise.
     */
    private Campaign openStage(UUID campaignId, StageKind stage) {
        Campaign campaign = em.find(Campaign.class, campaignId, LockModeType.PESSIMISTIC_READ);
        if (campaign == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        if (!stage.takesBallots() || !campaign.isOpen(stage, calendar.now())) {
            throw new ProblemException(CampaignProblem.CAMPAIGN_STAGE_NOT_OPEN, stage.name());
        }
        return campaign;
    }

    private void eligible(Campaign campaign, StageKind stage, Rater rater, UUID rateeId) {
        if (rater.unitId() == null) {
            if (!raters.isMember(campaign.unitId, rater.personId(), calendar.today())) {
                throw new ProblemException(CampaignProblem.CAMPAIGN_NOT_A_RATER);
            }
        } else if (stage != StageKind.PEER_EVALUATION || !campaign.unitRaters || !rater.actsForUnit()
                || !raters.childUnits(campaign.unitId).contains(rater.unitId())) {
            throw new ProblemException(CampaignProblem.CAMPAIGN_UNIT_RATER_INVALID, rater.unitId().toString());
        }
        if (!ratees.contains(campaign.id, rateeId)) {
            throw new ProblemException(CampaignProblem.CAMPAIGN_NOT_A_RATEE, rateeId.toString());
        }
        if (stage.isSelf() && !rateeId.equals(rater.personId())) {
            throw new ProblemException(CampaignProblem.CAMPAIGN_SELF_EVALUATION_OF_OTHER);
        }
        // never oneself among peers, not even through the unit one speaks for
        if (!stage.isSelf() && rateeId.equals(rater.personId())) {
            throw new ProblemException(CampaignProblem.CAMPAIGN_SELF_RATING);
        }
    }
}
