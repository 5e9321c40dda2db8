package cn.zhibu.annual.campaign.decision;

import cn.zhibu.annual.campaign.Campaign;
import cn.zhibu.annual.campaign.CampaignState;
import cn.zhibu.annual.campaign.CampaignType;
import cn.zhibu.annual.campaign.StageKind;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Objections raised by members while a star selection is in publicity (公示), and the committee's answers. Who
 * objected is for the committee's follow-up: those who run the campaign see it (but never on an objection to
 * themself); other members see only their own objections, so an objection is anonymous to everyone else.
 */
@ApplicationScoped
public class ObjectionService {

    private final CampaignGate gate;
    private final BusinessCalendar calendar;

    ObjectionService(CampaignGate gate, BusinessCalendar calendar) {
        this.gate = gate;
        this.calendar = calendar;
    }

    @Transactional
    public DecisionViews.Objection raise(UUID campaignId, DecisionViews.ObjectionCreate request) {
        Campaign campaign = gate.readable(campaignId);
        UUID objector = gate.person();
        if (!gate.isMember(objector, campaign.unitId)) {
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
        campaign = gate.lock(campaignId);
        Instant now = calendar.now();
        if (campaign.type != CampaignType.STAR_SELECTION || !campaign.isOpen(StageKind.PUBLICITY, now)) {
            throw new ProblemException(DecisionProblem.OBJECTION_CLOSED);
        }
        if (CampaignNomination.count("campaignId = ?1 and personId = ?2", campaignId, request.personId()) == 0) {
            throw new ProblemException(DecisionProblem.OBJECTION_NOT_A_CANDIDATE, request.personId().toString());
        }
        CampaignObjection objection = new CampaignObjection();
        objection.id = UUID.randomUUID();
        objection.campaignId = campaignId;
        objection.personId = request.personId();
        objection.objectorId = objector;
        objection.text = request.text().strip();
        objection.createdAt = now;
        objection.updatedAt = now;
        objection.persistAndFlush();
        return views(campaign, List.of(objection)).get(0);
    }

    /** All the campaign's objections to those who run it; a member's own to a member. */
    @Transactional
    public DecisionViews.Objections list(UUID campaignId) {
        Campaign campaign = gate.readable(campaignId);
        List<CampaignObjection> objections;
        if (gate.manages(campaign)) {
            objections = CampaignObjection.list("campaignId = ?1 order by createdAt, id", campaignId);
        } else {
            UUID me = gate.person();
            objections = CampaignObjection.list("campaignId = ?1 and objectorId = ?2 order by createdAt, id",
                    campaignId, me);
        }
        return new DecisionViews.Objections(campaignId, views(campaign, objections));
    }

    /** Answers (or answers anew) an objection, with If-Match of its version, while the campaign is open. */
    @Transactional
    public DecisionViews.Objection answer(UUID campaignId, UUID objectionId, String ifMatch,
            DecisionViews.AnswerChange request, String by) {
        IfMatch precondition = IfMatch.parse(ifMatch);
        gate.managed(campaignId);
        Campaign campaign = gate.lock(campaignId);
        CampaignObjection objection = CampaignObjection.<CampaignObjection>findByIdOptional(objectionId)
                .filter(o -> o.campaignId.equals(campaignId))
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        if (campaign.state != CampaignState.OPEN) {
            throw new ProblemException(DecisionProblem.OBJECTION_ANSWER_CLOSED);
        }
        if (objection.personId.equals(gate.personOrNull())) {
            // a candidate on the committee never answers an objection to themself
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
        precondition.check(objection.version);
        Instant now = calendar.now();
        objection.answer = request.answer().strip();
        objection.answeredBy = by;
        objection.answeredAt = now;
        objection.updatedAt = now;
        objection.persistAndFlush();
        return views(campaign, List.of(objection)).get(0);
    }

    private List<DecisionViews.Objection> views(Campaign campaign, List<CampaignObjection> objections) {
        boolean manages = gate.manages(campaign);
        UUID me = gate.personOrNull();
        Set<UUID> people = new HashSet<>();
        objections.forEach(o -> {
            people.add(o.personId);
            people.add(o.objectorId);
        });
        Map<UUID, String> names = gate.names("person", people);
        return objections.stream().map(o -> {
            // the committee follows up with the objector; the candidate never learns who objected
            boolean shown = manages && !o.personId.equals(me);
            return new DecisionViews.Objection(o.id, o.campaignId, o.personId, names.get(o.personId),
                    shown ? o.objectorId : null, shown ? names.get(o.objectorId) : null, o.objectorId.equals(me),
                    o.text, o.answer, o.answeredAt, o.createdAt, o.version);
        }).toList();
    }
}
