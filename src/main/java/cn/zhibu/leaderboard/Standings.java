package cn.zhibu.leaderboard;

import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.points.LedgerChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Keeps the weekly standings (tables week_score and week_bucket) from the ledger's events, in the ledger's
 * own transaction: a credit or reversal and the standings it changes commit together or not at all, so
 * a board never disagrees with the ledger. A person's credits are made one at a time (the ledger's
 * person lock), so their week row is never written by two transactions at once; bucket rows are
 * shared, and are written in one statement in a fixed order. Each bucket is kept in {@link #SHARDS} rows,
 * a person's moves always in the same one, so that concurrent credits of a large unit seldom wait for
 * each other; readers sum a bucket's shards.
 */
@ApplicationScoped
public class Standings {

    /**
     * The units a person ({@code :person}) belongs to now and every unit above them, as {@code up.id} (text):
     * the units whose boards count them.
     */
    static final String UNITS_NOW = """
            from membership m join org_unit u on u.id = m.org_unit_id
            cross join lateral unnest(string_to_array(trim(both '/' from u.path), '/')) as up(id)
            where m.person_id = :person and m.end_date is null""";

    /** How many rows each bucket is split into (week_bucket.shard is 0 to 15). */
    static final int SHARDS = 16;

    private final EntityManager em;
    private final BusinessCalendar calendar;

    Standings(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    void onLedgerChanged(@Observes LedgerChanged change) {
        int entries = change.reversal() ? -1 : 1;
        // the person's row of the week: created with their units now (and every unit above), then summed
        Object[] row = (Object[]) em.createNativeQuery("""
                insert into week_score as s (iso_week, person_id, branch_id, unit_ids, points, entries, reached_at)
                select :week, :person,
                    (select m.org_unit_id from membership m where m.person_id = :person and m.is_branch
                     and m.end_date is null),
                    coalesce((select array_agg(distinct cast(up.id as uuid)) """ + UNITS_NOW + """
                              ), cast('{}' as uuid[])),
                    :points, greatest(:entries, 0), :at
                on conflict (iso_week, person_id) do update
                    set points = s.points + excluded.points, entries = greatest(s.entries + :entries, 0),
                        reached_at = case when excluded.points <> 0 then excluded.reached_at else s.reached_at end
                returning s.points, s.entries, cast(s.unit_ids as text)""")
                .setParameter("week", change.isoWeek()).setParameter("person", change.personId())
                .setParameter("points", change.points()).setParameter("entries", entries)
                .setParameter("at", calendar.now()).getSingleResult();
        int points = ((Number) row[0]).intValue();
        int count = ((Number) row[1]).intValue();
        String units = (String) row[2];
        int before = points - change.points();
        boolean was = count - entries > 0;
        boolean is = count > 0;
        if (units.equals("{}") || (was == is && before == points)) {
            return;
        }
        // one person leaves the bucket of their old total and joins that of the new one, on each of their boards
        em.createNativeQuery("""
                insert into week_bucket as b (iso_week, unit_id, points, shard, people)
                select :week, u.id, v.points, :shard, v.people
                from unnest(cast(:units as uuid[])) as u(id)
                cross join (values (:before, :leave), (:after, :join)) as v(points, people)
                where v.people <> 0
                order by u.id, v.points
                on conflict (iso_week, unit_id, points, shard) do update set people = b.people + excluded.people""")
                .setParameter("week", change.isoWeek()).setParameter("units", units)
                .setParameter("shard", shard(change.personId()))
                .setParameter("before", before).setParameter("leave", was ? -1 : 0)
                .setParameter("after", points).setParameter("join", is ? 1 : 0).executeUpdate();
    }

    /** The shard of a person's bucket rows: the same for every credit of theirs. */
    static int shard(java.util.UUID person) {
        return Math.floorMod(person.hashCode(), SHARDS);
    }
}
