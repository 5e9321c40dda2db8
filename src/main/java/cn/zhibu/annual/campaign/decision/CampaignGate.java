package cn.zhibu.annual.campaign.decision;

import cn.zhibu.annual.campaign.Campaign;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who may see and act on a campaign's decision side: those who may read the annual cycle of its unit, or a current
 * member of the unit's subtree (a person whose branch lies below a committee that runs the campaign); everyone else
 * is answered not found. Also the campaign row's lock, which makes a campaign's nominations, decisions, objections
 * and closing run one at a time.
 */
@ApplicationScoped
public class CampaignGate {

    private final EntityManager em;
    private final Access access;
    private final BusinessCalendar calendar;

    CampaignGate(EntityManager em, Access access, BusinessCalendar calendar) {
        this.em = em;
        this.access = access;
        this.calendar = calendar;
    }

    /** The campaign, if the caller may see it; otherwise not found (404). */
    public Campaign readable(UUID campaignId) {
        Campaign campaign = Campaign.<Campaign>findByIdOptional(campaignId)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        if (!access.allows(Action.ANNUAL_READ, campaign.unitId)
                && access.personId().map(person -> !isMember(person, campaign.unitId)).orElse(true)) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return campaign;
    }

    /** The campaign, if the caller may run it: 404 out of sight, 403 in sight only. */
    public Campaign managed(UUID campaignId) {
        Campaign campaign = readable(campaignId);
        access.require(Action.ANNUAL_MANAGE, campaign.unitId);
        return campaign;
    }

    public boolean manages(Campaign campaign) {
        return access.allows(Action.ANNUAL_MANAGE, campaign.unitId);
    }

    /** The caller's own person; 403 for a staff account without one. */
    public UUID person() {
        return access.personId().orElseThrow(() -> new ProblemException(DecisionProblem.PARTICIPANT_NOT_A_PERSON));
    }

    /** The caller's own person; null for a staff account. */
    public UUID personOrNull() {
        return access.personId().orElse(null);
    }

    /** Locks the campaign row for the rest of the transaction and reads it afresh. */
    public Campaign lock(UUID campaignId) {
        em.createNativeQuery("select id from campaign where id = :id for update").setParameter("id", campaignId)
                .getResultList();
        Campaign campaign = em.find(Campaign.class, campaignId);
        em.refresh(campaign);
        return campaign;
    }

    /** Whether the person is today a member of the unit or of a unit below it (by their branch membership). */
    public boolean isMember(UUID personId, UUID unitId) {
        return !em.createNativeQuery("select 1 from membership m join org_unit u on u.id = m.org_unit_id "
                + "where m.person_id = :person and m.is_branch and m.start_date <= :today "
                + "and (m.end_date is null or m.end_date >= :today) and u.path like :within")
                .setParameter("person", personId).setParameter("today", calendar.today())
                .setParameter("within", "%/" + unitId + "/%").getResultList().isEmpty();
    }

    /** Whether the unit is the campaign's unit or a unit below it. */
    public boolean isWithin(UUID unitId, UUID campaignUnitId) {
        return !em.createNativeQuery("select 1 from org_unit where id = :unit and path like :within")
                .setParameter("unit", unitId).setParameter("within", "%/" + campaignUnitId + "/%").getResultList()
                .isEmpty();
    }

    /** The names of these people (or units, with {@code table} org_unit). */
    @SuppressWarnings("unchecked")
    public Map<UUID, String> names(String table, Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            List<Tuple> rows = em.createNativeQuery("select id as id, name as name from "
                    + ("org_unit".equals(table) ? "org_unit" : "person") + " where id in (:ids)", Tuple.class)
                    .setParameter("ids", ids).getResultList();
            rows.forEach(r -> names.put(Rows.uuid(r, "id"), Rows.string(r, "name")));
        }
        return names;
    }
}
