package cn.zhibu.leaderboard;

import cn.zhibu.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.UUID;

/**
 * Revisions of a published week: the live standings of that week less what the snapshot held, person by person
 * (week_score against published_standing) and child unit by child unit (week_bucket against published_unit). The
 * standings are kept from the ledger, so the snapshot plus its revisions is the ledger's week as the standings have
 * taken it in; nothing here reads the ledger, and no clock decides what is a revision: an entry is one exactly when
 * the publishing snapshot did not contain it.
 */
@ApplicationScoped
public class PublishedRevisions {

    private final EntityManager em;

    PublishedRevisions(EntityManager em) {
        this.em = em;
    }

    /** A person of the board whose week figures differ from the snapshot: now less then. */
    record PersonChange(UUID personId, int points, int entries) {
    }

    /** A child unit whose week figures differ from the snapshot: now less then. */
    record UnitChange(UUID unitId, long participants, long total) {
    }

    /** The revisions of an edition, in full. */
    record Changes(UUID publishedWeekId, List<PersonChange> people, List<UnitChange> units) {
    }

    /**
     * The condition of a unit's people board on week_score {@code s} (its week's participants are those with
     * {@code s.entries > 0}): parameters {@code :unit}, and {@code :branch} (the unit's parent) for a party group or
     * department.
     */
    static String board(LeaderboardService.Unit unit) {
        return switch (unit.kind()) {
            case "BRANCH" -> "s.branch_id = :unit";
            case "PARTY_GROUP", "DEPARTMENT" -> "s.branch_id = :branch and s.unit_ids @> array[cast(:unit as uuid)]";
            default -> "s.unit_ids @> array[cast(:unit as uuid)]";
        };
    }

    /** The people of the board now against the snapshot's: person, points, entries (now less then). */
    private static String people(LeaderboardService.Unit unit) {
        return """
                select coalesce(l.person_id, p.person_id) as person_id,
                    coalesce(l.points, 0) - coalesce(p.points, 0) as points,
                    coalesce(l.entries, 0) - coalesce(p.entries, 0) as entries
                from (select s.person_id, s.points, s.entries from week_score s
                      where s.iso_week = :week and s.entries > 0 and\s""" + board(unit) + """
                     ) l
                full join (select person_id, points, entries from published_standing where published_week_id = :id) p
                    on p.person_id = l.person_id
                where l.points is distinct from p.points or l.entries is distinct from p.entries""";
    }

    /**
     * The child units as published and the unit's children now (not archived), each with its participants and total
     * from the live buckets, less those published.
     */
    private static final String UNITS = """
            select k.unit_id as unit_id, l.people - coalesce(p.participants, 0) as participants,
                l.total - coalesce(p.total, 0) as total
            from (select p.unit_id from published_unit p where p.published_week_id = :id
                  union select c.id from org_unit c where c.parent_id = :unit and c.archived_at is null) k
            left join published_unit p on p.published_week_id = :id and p.unit_id = k.unit_id
            cross join lateral (select coalesce(sum(b.people), 0) as people,
                    coalesce(sum(cast(b.points as bigint) * b.people), 0) as total
                from week_bucket b where b.iso_week = :week and b.unit_id = k.unit_id) l
            where l.people <> coalesce(p.participants, 0) or l.total <> coalesce(p.total, 0)""";

    /** The revisions in brief, as a published week's answer shows them. */
    PublishedViews.Revisions summary(UUID publishedWeekId, LeaderboardService.Unit unit, String week) {
        Tuple people = (Tuple) query("select count(*) as people, coalesce(sum(abs(d.entries)), 0) as entries, "
                + "coalesce(sum(d.points), 0) as points from (" + people(unit) + ") d", publishedWeekId, unit, week)
                .getSingleResult();
        Tuple units = (Tuple) query("select count(*) as units from (" + UNITS + ") d", publishedWeekId, unit, week)
                .getSingleResult();
        return new PublishedViews.Revisions(Rows.longValue(people, "entries"), Rows.longValue(people, "points"),
                Rows.longValue(people, "people"), Rows.longValue(units, "units"));
    }

    /** Every person of the board whose figures differ from the snapshot, by id. */
    List<PersonChange> people(UUID publishedWeekId, LeaderboardService.Unit unit, String week) {
        List<Tuple> rows = query(people(unit) + " order by 1", publishedWeekId, unit, week)
                .getResultList();
        return rows.stream().map(r -> new PersonChange(Rows.uuid(r, "person_id"), Rows.integer(r, "points"),
                Rows.integer(r, "entries"))).toList();
    }

    /** Every child unit whose participants or total differ from the snapshot, by id. */
    List<UnitChange> units(UUID publishedWeekId, LeaderboardService.Unit unit, String week) {
        List<Tuple> rows = query(UNITS + " order by 1", publishedWeekId, unit, week)
                .getResultList();
        return rows.stream().map(r -> new UnitChange(Rows.uuid(r, "unit_id"), Rows.longValue(r, "participants"),
                Rows.longValue(r, "total"))).toList();
    }

    private Query query(String sql, UUID publishedWeekId, LeaderboardService.Unit unit, String week) {
        Query query = em.createNativeQuery(sql, Tuple.class).setParameter("id", publishedWeekId).setParameter("week", week)
                .setParameter("unit", unit.id());
        if (sql.contains(":branch")) {
            query.setParameter("branch", unit.parentId());
        }
        return query;
    }
}
