package cn.zhibu.leaderboard;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.time.IsoWeek;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The check of a week's standings against the ledger (for org admins, and for tests of the standings). */
@ApplicationScoped
public class StandingsCheck {

    private final EntityManager em;

    StandingsCheck(EntityManager em) {
        this.em = em;
    }

    /**
     * Recomputes the week from the ledger entries the standings applier has passed (each person's net points and
     * counted entries, then each unit's count of people at each total from those) and compares it with the
     * standings kept; the entries it has not reached yet are counted as pending.
     */
    @Transactional
    public LeaderboardViews.Check check(IsoWeek week) {
        // one consistent, read-only snapshot: the applier's position and the standings it wrote agree in it
        em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
        List<LeaderboardViews.Difference> differences = new ArrayList<>();
        List<Tuple> people = em.createNativeQuery("""
                select coalesce(l.person_id, s.person_id) as person_id, l.points as ledger_points,
                    l.entries as ledger_entries, s.points as standing_points, s.entries as standing_entries
                from (select person_id, sum(points) as points, sum(case when reverses is null then 1 else -1 end)
                          as entries
                      from ledger_entry e where iso_week = :week and not\s""" + Standings.PENDING + """
                      group by person_id) l
                full join (select person_id, points, entries from week_score where iso_week = :week) s
                    on s.person_id = l.person_id
                where l.points is distinct from s.points or l.entries is distinct from s.entries
                order by 1""", Tuple.class).setParameter("week", week.toString()).getResultList();
        people.forEach(r -> differences.add(new LeaderboardViews.Difference("PERSON", Rows.uuid(r, "person_id"), null,
                "points " + r.get("ledger_points") + ", entries " + r.get("ledger_entries"),
                "points " + r.get("standing_points") + ", entries " + r.get("standing_entries"))));
        List<Tuple> buckets = em.createNativeQuery("""
                select coalesce(e.unit_id, b.unit_id) as unit_id, coalesce(e.points, b.points) as points,
                    e.people as standing_people, b.people as bucket_people
                from (select u.id as unit_id, s.points, count(*) as people
                      from week_score s cross join lateral unnest(s.unit_ids) as u(id)
                      where s.iso_week = :week and s.entries > 0 group by u.id, s.points) e
                full join (select unit_id, points, sum(people) as people from week_bucket where iso_week = :week
                           group by unit_id, points having sum(people) <> 0) b
                    on b.unit_id = e.unit_id and b.points = e.points
                where e.people is distinct from cast(b.people as bigint)
                order by 1, 2""", Tuple.class).setParameter("week", week.toString()).getResultList();
        buckets.forEach(r -> differences.add(new LeaderboardViews.Difference("BUCKET", Rows.uuid(r, "unit_id"),
                Rows.integer(r, "points"), "people " + Objects.requireNonNullElse(r.get("standing_people"), 0),
                "people " + Objects.requireNonNullElse(r.get("bucket_people"), 0))));
        Tuple counts = (Tuple) em.createNativeQuery("select count(distinct person_id) as people, count(*) filter "
                + "(where " + Standings.PENDING + ") as pending from ledger_entry e where iso_week = :week", Tuple.class)
                .setParameter("week", week.toString()).getSingleResult();
        return new LeaderboardViews.Check(week.toString(), Rows.longValue(counts, "people"),
                Rows.longValue(counts, "pending"), differences.isEmpty(), differences.size(),
                differences.subList(0, Math.min(100, differences.size())));
    }
}
