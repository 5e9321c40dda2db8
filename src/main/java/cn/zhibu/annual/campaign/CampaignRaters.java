package cn.zhibu.annual.campaign;

import cn.zhibu.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Who takes part in a unit's campaigns, read from the org tables: the current party members (full and
 * probationary) of the unit's subtree, its child units, who acts for a child unit, and a branch's default
 * reporters. Joins the caller's transaction.
 */
@ApplicationScoped
public class CampaignRaters {

    private static final String MEMBERS = """
            select distinct m.person_id from membership m
            join org_unit u on u.id = m.org_unit_id
            join person p on p.id = m.person_id
            where m.is_branch and m.start_date <= :day and (m.end_date is null or m.end_date >= :day)
              and u.path like (select path from org_unit where id = :unit) || '%'
              and p.active and p.political_status in ('FULL', 'PROBATIONARY')""";

    private final EntityManager em;

    CampaignRaters(EntityManager em) {
        this.em = em;
    }

    /** The unit's current party members on this day, ordered by name. */
    public List<UUID> members(UUID unitId, LocalDate day) {
        return em.createNativeQuery("select p.id from person p where p.id in (" + MEMBERS + ") order by p.name, p.id").setParameter("unit", unitId).setParameter("day", day).getResultList();
    }

    public long memberCount(UUID unitId, LocalDate day) {
        return ((Number) em.createNativeQuery("select count(*) from (" + MEMBERS + ") m")
                .setParameter("unit", unitId).setParameter("day", day).getSingleResult()).longValue();
    }

    public boolean isMember(UUID unitId, UUID personId, LocalDate day) {
        return !em.createNativeQuery("select 1 from (" + MEMBERS + ") m where m.person_id = :person")
                .setParameter("unit", unitId).setParameter("day", day).setParameter("person", personId)
                .getResultList().isEmpty();
    }

    /** The unit's child units that are not archived: the unit raters of a star selection. */
    public List<UUID> childUnits(UUID unitId) {
        return em.createNativeQuery("select id from org_unit where parent_id = :unit and archived_at is null "
                + "order by sort_order, name, id").setParameter("unit", unitId).getResultList();
    }

    /**
     * Whether the person speaks for the unit in a unit ballot: a secretary, org admin or group leader grant (open)
     * held on this very unit. A grant on a unit above gives no voice here, or whoever manages the campaign's unit
     * would cast (and read) every child unit's ballot besides their own.
     */
    public boolean speaksFor(UUID personId, UUID unitId) {
        return !em.createNativeQuery("""
                select 1 from role_grant g join account a on a.id = g.account_id
                where a.person_id = :person and g.org_unit_id = :unit and g.revoked_at is null
                  and g.role in ('SECRETARY', 'ORG_ADMIN', 'GROUP_LEADER')""")
                .setParameter("person", personId).setParameter("unit", unitId).getResultList().isEmpty();
    }

    /**
     * A unit's default reporters: its branch committee (in the roster's order), then the leaders of its party
     * groups; only current party members of the unit.
     */
    public List<UUID> defaultReporters(UUID unitId, LocalDate day) {
        LinkedHashSet<UUID> reporters = new LinkedHashSet<>();
        reporters.addAll(em.createNativeQuery("select person_id from branch_committee_member where branch_id = :unit "
                + "order by position, person_id").setParameter("unit", unitId).getResultList());
        reporters.addAll(em.createNativeQuery("""
                select distinct a.person_id from role_grant g join account a on a.id = g.account_id
                join org_unit u on u.id = g.org_unit_id
                where g.role = 'GROUP_LEADER' and g.revoked_at is null and a.person_id is not null
                  and u.kind = 'PARTY_GROUP' and u.archived_at is null and u.parent_id = :unit
                order by a.person_id""").setParameter("unit", unitId).getResultList());
        List<UUID> members = members(unitId, day);
        List<UUID> kept = new ArrayList<>();
        for (UUID reporter : reporters) {
            if (members.contains(reporter)) {
                kept.add(reporter);
            }
        }
        return kept;
    }

    /** The names of these people, in the same order. */
    public List<String> names(List<UUID> people) {
        List<String> names = new ArrayList<>();
        if (people.isEmpty()) {
            return names;
        }
        java.util.Map<UUID, String> byId = new java.util.HashMap<>();
        for (Tuple row : tuples(em.createNativeQuery("select id as id, name as name from person where id in (:ids)",
                Tuple.class).setParameter("ids", people).getResultList())) {
            byId.put(Rows.uuid(row, "id"), Rows.string(row, "name"));
        }
        people.forEach(id -> names.add(byId.get(id)));
        return names;
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<Tuple> tuples(java.util.List<?> rows) {
        return (java.util.List<Tuple>) rows;
    }
}
