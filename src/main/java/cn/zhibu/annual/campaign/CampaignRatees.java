package cn.zhibu.annual.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who a campaign rates: the named reporters, the unit's members or the nominated candidates. Joins the caller's
 * transaction.
 */
@ApplicationScoped
public class CampaignRatees {

    private final EntityManager em;

    CampaignRatees(EntityManager em) {
        this.em = em;
    }

    /** Adds a ratee; adding one already there changes nothing. Answers whether it was added. */
    public boolean add(UUID campaignId, UUID personId, Instant at) {
        return em.createNativeQuery("insert into campaign_ratee (campaign_id, person_id, added_at) "
                + "values (:campaign, :person, :at) on conflict do nothing")
                .setParameter("campaign", campaignId).setParameter("person", personId).setParameter("at", at)
                .executeUpdate() == 1;
    }

    public boolean contains(UUID campaignId, UUID personId) {
        return !em.createNativeQuery("select 1 from campaign_ratee where campaign_id = :campaign and person_id = :person")
                .setParameter("campaign", campaignId).setParameter("person", personId).getResultList().isEmpty();
    }

    /** The ratees, in the order they were added. */
    public List<UUID> of(UUID campaignId) {
        return em.createNativeQuery("select person_id from campaign_ratee where campaign_id = :campaign "
                + "order by added_at, person_id").setParameter("campaign", campaignId).getResultList();
    }

    public long count(UUID campaignId) {
        return ((Number) em.createNativeQuery("select count(*) from campaign_ratee where campaign_id = :campaign")
                .setParameter("campaign", campaignId).getSingleResult()).longValue();
    }
}
