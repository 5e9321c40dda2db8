package cn.zhibu.annual.campaign.decision;

import cn.zhibu.annual.StarsSelected;
import cn.zhibu.annual.campaign.Campaign;
import cn.zhibu.annual.campaign.CampaignClosing;
import cn.zhibu.annual.campaign.CampaignType;
import cn.zhibu.annual.campaign.StageKind;
import cn.zhibu.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * What a campaign's closing needs of its decision side, checked in the closing transaction (the engine holds the
 * campaign row's lock): a star selection closes once its publicity is over and every objection is answered, and
 * then its stars stand ({@link StarsSelected}, in the order decided); a member appraisal closes once every ratee
 * has a decision. A refusal rolls the closing back.
 */
@ApplicationScoped
public class ClosingChecks {

    private final EntityManager em;
    private final Event<StarsSelected> starsSelected;

    ClosingChecks(EntityManager em, Event<StarsSelected> starsSelected) {
        this.em = em;
        this.starsSelected = starsSelected;
    }

    void onClosing(@Observes CampaignClosing closing) {
        if (closing.type() == CampaignType.STAR_SELECTION) {
            Campaign campaign = em.find(Campaign.class, closing.campaignId());
            boolean publicityOver = campaign.stage(StageKind.PUBLICITY)
                    .map(stage -> !closing.at().isBefore(stage.closesAt)).orElse(true);
            if (!publicityOver) {
                throw new ProblemException(DecisionProblem.CLOSING_PUBLICITY_NOT_OVER);
            }
            long unanswered = CampaignObjection.count("campaignId = ?1 and answeredAt is null", closing.campaignId());
            if (unanswered > 0) {
                throw new ProblemException(DecisionProblem.CAMPAIGN_OBJECTION_UNANSWERED, unanswered);
            }
            List<UUID> stars = em.createQuery("select d.personId from CampaignDecision d where d.campaignId = :campaign "
                    + "and d.outcome = :selected order by d.createdAt, d.id", UUID.class)
                    .setParameter("campaign", closing.campaignId()).setParameter("selected", Quotas.SELECTED)
                    .getResultList();
            starsSelected.fire(new StarsSelected(closing.campaignId(), closing.unitId(), closing.year(),
                    closing.title(), stars));
        } else if (closing.type() == CampaignType.MEMBER_APPRAISAL) {
            long undecided = ((Number) em.createNativeQuery("select count(*) from campaign_ratee r "
                    + "where r.campaign_id = :campaign and not exists (select 1 from campaign_decision d "
                    + "where d.campaign_id = r.campaign_id and d.person_id = r.person_id)")
                    .setParameter("campaign", closing.campaignId()).getSingleResult()).longValue();
            if (undecided > 0) {
                throw new ProblemException(DecisionProblem.CLOSING_DECISIONS_MISSING, undecided);
            }
        }
    }
}
