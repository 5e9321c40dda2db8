package cn.zhibu.annual.honour;

import cn.zhibu.annual.StarsSelected;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/**
 * The stars of a closed star selection (组工之星) enter the honours, in the closing's transaction: one BRANCH-level
 * honour per star, awarded by the unit that ran it. Entering the same campaign's stars again adds nothing.
 */
@ApplicationScoped
public class StarHonours {

    private final EntityManager em;
    private final BusinessCalendar calendar;

    StarHonours(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    void onStarsSelected(@Observes StarsSelected stars) {
        String unitName = (String) em.createNativeQuery("select name from org_unit where id = :id")
                .setParameter("id", stars.unitId()).getSingleResult();
        Instant now = calendar.now();
        for (UUID person : stars.people()) {
            em.createNativeQuery("insert into honour (id, person_id, title, level, year, awarded_by, campaign_id, "
                    + "version, created_by, created_at, updated_at) values (:id, :person, :title, 'BRANCH', :year, "
                    + ":by, :campaign, 0, 'system:stars', :now, :now) on conflict (campaign_id, person_id) do nothing")
                    .setParameter("id", UUID.randomUUID()).setParameter("person", person)
                    .setParameter("title", stars.title()).setParameter("year", stars.year())
                    .setParameter("by", unitName).setParameter("campaign", stars.campaignId())
                    .setParameter("now", now).executeUpdate();
        }
    }
}
