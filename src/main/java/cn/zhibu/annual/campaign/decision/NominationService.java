package cn.zhibu.annual.campaign.decision;

import cn.zhibu.annual.campaign.Campaign;
import cn.zhibu.annual.campaign.CampaignRatees;
import cn.zhibu.annual.campaign.CampaignType;
import cn.zhibu.annual.campaign.StageKind;
import cn.zhibu.annual.campaign.decision.DecisionViews.NominatedBy;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Nominations of a star selection (组工之星) while its NOMINATION stage is open: by the person themself (with a
 * self-evaluation and deeds) or by a unit of the campaign's subtree; each adds the nominee as a ratee in the same
 * transaction. And the candidates' cards, with their year's record as one input among others.
 */
@ApplicationScoped
public class NominationService {

    private final EntityManager em;
    private final CampaignGate gate;
    private final Access access;
    private final CampaignRatees ratees;
    private final CandidateRecords records;
    private final StarSelectionSettings settings;
    private final BusinessCalendar calendar;

    NominationService(EntityManager em, CampaignGate gate, Access access, CampaignRatees ratees,
            CandidateRecords records, StarSelectionSettings settings, BusinessCalendar calendar) {
        this.em = em;
        this.gate = gate;
        this.access = access;
        this.ratees = ratees;
        this.records = records;
        this.settings = settings;
        this.calendar = calendar;
    }

    @Transactional
    public DecisionViews.Nomination nominate(UUID campaignId, DecisionViews.NominationCreate request, String by) {
        gate.readable(campaignId);
        Instant now = calendar.now();
        Campaign campaign = gate.lock(campaignId);
        requireOpen(campaign, now);
        UUID person;
        if (request.nominatedByUnitId() != null) {
            if (!gate.isWithin(request.nominatedByUnitId(), campaign.unitId)) {
                throw new ProblemException(DecisionProblem.NOMINATING_UNIT_INVALID,
                        request.nominatedByUnitId().toString());
            }
            access.require(Action.ANNUAL_MANAGE, request.nominatedByUnitId());
            person = request.personId() != null ? request.personId() : gate.person();
        } else {
            person = gate.person();
            if (request.personId() != null && !request.personId().equals(person)) {
                throw new ProblemException(DecisionProblem.NOMINATION_NEEDS_UNIT);
            }
            if (blank(request.selfEvaluation()) || blank(request.deeds())) {
                throw new ProblemException(DecisionProblem.NOMINATION_SELF_TEXT_REQUIRED);
            }
        }
        if (!gate.isMember(person, campaign.unitId)) {
            throw new ProblemException(DecisionProblem.NOMINEE_NOT_MEMBER, person.toString());
        }
        if (CampaignNomination.count("campaignId = ?1 and personId = ?2", campaignId, person) > 0) {
            throw new ProblemException(DecisionProblem.NOMINATION_EXISTS, person.toString());
        }
        var tooLow = records.tooLow(person, campaign.unitId, campaign.year);
        if (tooLow.isPresent()) {
            throw new ProblemException(DecisionProblem.NOMINEE_BAND_TOO_LOW, settings.minimumBand().orElseThrow(),
                    tooLow.get());
        }
        if (settings.noDisciplineInYear() && records.disciplined(person, campaign.year)) {
            throw new ProblemException(DecisionProblem.NOMINEE_DISCIPLINED, String.valueOf(campaign.year));
        }
        CampaignNomination nomination = new CampaignNomination();
        nomination.id = UUID.randomUUID();
        nomination.campaignId = campaignId;
        nomination.personId = person;
        nomination.nominatedByUnitId = request.nominatedByUnitId();
        nomination.selfEvaluation = blank(request.selfEvaluation()) ? null : request.selfEvaluation().strip();
        nomination.deeds = blank(request.deeds()) ? null : request.deeds().strip();
        nomination.createdBy = by;
        nomination.createdAt = now;
        nomination.updatedAt = now;
        nomination.persistAndFlush();
        ratees.add(campaignId, person, now);
        return view(nomination);
    }

    /** Withdraws a nomination (the nominee's own, or one by a unit the caller manages) while nominations are open. */
    @Transactional
    public void withdraw(UUID campaignId, UUID nominationId) {
        gate.readable(campaignId);
        Campaign campaign = gate.lock(campaignId);
        CampaignNomination nomination = CampaignNomination.<CampaignNomination>findByIdOptional(nominationId)
                .filter(n -> n.campaignId.equals(campaignId))
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        boolean nominee = access.personId().map(nomination.personId::equals).orElse(false);
        boolean nominator = nomination.nominatedByUnitId != null
                && access.allows(Action.ANNUAL_MANAGE, nomination.nominatedByUnitId);
        if (!nominee && !nominator) {
            throw new ProblemException(DecisionProblem.NOMINATION_NOT_YOURS);
        }
        requireOpen(campaign, calendar.now());
        if (CampaignDecision.count("campaignId = ?1 and personId = ?2", campaignId, nomination.personId) > 0) {
            throw new ProblemException(DecisionProblem.NOMINATION_CLOSED); // decided already (overlapping stages)
        }
        nomination.delete();
        em.flush();
        em.createNativeQuery("delete from campaign_ratee where campaign_id = :campaign and person_id = :person")
                .setParameter("campaign", campaignId).setParameter("person", nomination.personId).executeUpdate();
    }

    /** The campaign's candidates, in the order nominated, each with the year's record and eligibility. */
    @Transactional
    public DecisionViews.Candidates candidates(UUID campaignId) {
        Campaign campaign = gate.readable(campaignId);
        List<CampaignNomination> nominations = CampaignNomination.list("campaignId = ?1 order by createdAt, id",
                campaignId);
        Set<UUID> people = new HashSet<>();
        Set<UUID> units = new HashSet<>();
        nominations.forEach(n -> {
            people.add(n.personId);
            if (n.nominatedByUnitId != null) {
                units.add(n.nominatedByUnitId);
            }
        });
        Map<UUID, String> names = gate.names("person", people);
        Map<UUID, String> unitNames = gate.names("org_unit", units);
        // which rule a candidate fails (a disciplinary record among them) is the committee's to know, not every member's
        boolean manager = gate.manages(campaign);
        List<DecisionViews.CandidateCard> cards = nominations.stream().map(n -> {
            List<DecisionViews.EligibilityRule> failed = manager
                    ? records.failed(n.personId, campaign.unitId, campaign.year) : null;
            return new DecisionViews.CandidateCard(n.id, n.personId, names.get(n.personId), nominatedBy(n),
                    n.nominatedByUnitId, unitNames.get(n.nominatedByUnitId), n.selfEvaluation, n.deeds,
                    records.record(n.personId, campaign.unitId, campaign.year),
                    manager ? new DecisionViews.Eligibility(failed.isEmpty(), failed) : null);
        }).toList();
        return new DecisionViews.Candidates(campaignId, cards);
    }

    private DecisionViews.Nomination view(CampaignNomination n) {
        String name = gate.names("person", Set.of(n.personId)).get(n.personId);
        String unit = n.nominatedByUnitId == null ? null
                : gate.names("org_unit", Set.of(n.nominatedByUnitId)).get(n.nominatedByUnitId);
        return new DecisionViews.Nomination(n.id, n.campaignId, n.personId, name, nominatedBy(n), n.nominatedByUnitId,
                unit, n.selfEvaluation, n.deeds, n.createdAt, n.version);
    }

    private static NominatedBy nominatedBy(CampaignNomination n) {
        return n.nominatedByUnitId == null ? NominatedBy.SELF : NominatedBy.UNIT;
    }

    private static void requireOpen(Campaign campaign, Instant now) {
        if (campaign.type != CampaignType.STAR_SELECTION || !campaign.isOpen(StageKind.NOMINATION, now)) {
            throw new ProblemException(DecisionProblem.NOMINATION_CLOSED);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
