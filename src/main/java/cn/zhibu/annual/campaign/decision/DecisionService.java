package cn.zhibu.annual.campaign.decision;

import cn.zhibu.annual.campaign.Campaign;
import cn.zhibu.annual.campaign.CampaignRatees;
import cn.zhibu.annual.campaign.CampaignState;
import cn.zhibu.annual.campaign.CampaignType;
import cn.zhibu.annual.campaign.StageKind;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The committee's decisions of member appraisals and star selections while their DECISION stage is open: each with
 * a reason, the best outcome within the quota. Decisions of a campaign run one at a time (the campaign row's lock),
 * so however many arrive at once the quota holds.
 */
@ApplicationScoped
public class DecisionService {

    private final CampaignGate gate;
    private final Access access;
    private final CampaignRatees ratees;
    private final AppraisalSettings settings;
    private final BusinessCalendar calendar;

    DecisionService(CampaignGate gate, Access access, CampaignRatees ratees, AppraisalSettings settings,
            BusinessCalendar calendar) {
        this.gate = gate;
        this.access = access;
        this.ratees = ratees;
        this.settings = settings;
        this.calendar = calendar;
    }

    /** Decides a ratee's outcome: a first time without If-Match, a change with the decision's version. */
    @Transactional
    public DecisionViews.Decision decide(UUID campaignId, UUID personId, String ifMatch,
            DecisionViews.DecisionChange request, String by) {
        gate.managed(campaignId);
        Campaign campaign = gate.lock(campaignId);
        Instant now = calendar.now();
        if (campaign.type == CampaignType.REPORT_REVIEW || !campaign.isOpen(StageKind.DECISION, now)) {
            throw new ProblemException(DecisionProblem.DECISION_CLOSED);
        }
        if (!ratees.contains(campaignId, personId)) {
            throw new ProblemException(DecisionProblem.DECISION_NOT_A_RATEE, personId.toString());
        }
        List<String> outcomes = outcomes(campaign);
        if (!outcomes.contains(request.outcome())) {
            throw new ProblemException(DecisionProblem.DECISION_OUTCOME_INVALID, request.outcome(),
                    String.join(", ", outcomes));
        }
        CampaignDecision decision = CampaignDecision.<CampaignDecision>find("campaignId = ?1 and personId = ?2",
                campaignId, personId).firstResultOptional().orElse(null);
        if (decision != null) {
            IfMatch.parse(ifMatch).check(decision.version);
        } else if (ifMatch != null && !ifMatch.isBlank()) {
            IfMatch.parse(ifMatch).check(-1); // no version of it exists to match
        }
        String best = Quotas.best(campaign.type, campaign.scale);
        int most = most(campaign);
        long given = CampaignDecision.count("campaignId = ?1 and outcome = ?2", campaignId, best);
        if (!Quotas.admits(best, given, decision == null ? null : decision.outcome, request.outcome(), most)) {
            throw new ProblemException(DecisionProblem.DECISION_QUOTA_EXCEEDED, best, most);
        }
        if (decision == null) {
            decision = new CampaignDecision();
            decision.id = UUID.randomUUID();
            decision.campaignId = campaignId;
            decision.personId = personId;
            decision.createdAt = now;
        }
        decision.outcome = request.outcome();
        decision.reason = request.reason().strip();
        decision.decidedBy = by;
        decision.updatedAt = now;
        decision.persistAndFlush();
        return views(List.of(decision)).get(0);
    }

    /**
     * The campaign's decisions: all of them, with the quota, to those who run it; to members, once publicity opens
     * (star selection) or the campaign is closed, the best outcomes (as announced) and their own decision.
     */
    @Transactional
    public DecisionViews.Decisions list(UUID campaignId) {
        Campaign campaign = gate.readable(campaignId);
        List<CampaignDecision> decisions = CampaignDecision.list("campaignId = ?1 order by createdAt, id", campaignId);
        String best = campaign.type == CampaignType.REPORT_REVIEW ? null : Quotas.best(campaign.type, campaign.scale);
        if (gate.manages(campaign)) {
            DecisionViews.Quota quota = best == null ? null : new DecisionViews.Quota(best, most(campaign),
                    (int) decisions.stream().filter(d -> best.equals(d.outcome)).count());
            return new DecisionViews.Decisions(campaignId, quota, views(decisions));
        }
        boolean published = campaign.state == CampaignState.CLOSED || (campaign.type == CampaignType.STAR_SELECTION
                && campaign.stage(StageKind.PUBLICITY).map(s -> !calendar.now().isBefore(s.opensAt)).orElse(false));
        if (!published || campaign.state == CampaignState.CANCELLED) {
            throw new ProblemException(DecisionProblem.DECISIONS_NOT_PUBLISHED);
        }
        UUID me = access.personId().orElse(null);
        return new DecisionViews.Decisions(campaignId, null, views(decisions.stream()
                .filter(d -> d.outcome.equals(best) || d.personId.equals(me)).toList()));
    }

    /** The most ratees that may have the campaign's best outcome, as its ratees stand now. */
    int most(Campaign campaign) {
        return Quotas.most(campaign.type, campaign.quotaCount, campaign.quotaShare, settings.bestShare(),
                ratees.count(campaign.id));
    }

    private static List<String> outcomes(Campaign campaign) {
        return campaign.type == CampaignType.STAR_SELECTION ? List.of(Quotas.SELECTED, Quotas.NOT_SELECTED)
                : Arrays.asList(campaign.scale);
    }

    private List<DecisionViews.Decision> views(List<CampaignDecision> decisions) {
        Map<UUID, String> names = gate.names("person", decisions.stream().map(d -> d.personId)
                .collect(Collectors.toCollection(java.util.HashSet::new)));
        return decisions.stream().map(d -> new DecisionViews.Decision(d.personId, names.get(d.personId), d.outcome,
                d.reason, d.createdAt, d.updatedAt, d.version)).toList();
    }
}
