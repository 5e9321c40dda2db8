package cn.zhibu.leaderboard;

import cn.zhibu.platform.time.IsoWeek;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
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
        @SuppressWarnings("unchecked")
        List<Object[]> people = em.createNativeQuery("""
                select coalesce(l.person_id, s.person_id), l.points, l.entries, s.points, s.entries
                from (select person_id, sum(points) as points, sum(case when reverses is null then 1 else -1 end)
                          as entries
                      from ledger_entry e where iso_week = :week and not\s""" + Standings.PENDING + """
                      group by person_id) l
                full join (select person_id, points, entries from week_score where iso_week = :week) s
                    on s.person_id = l.person_id
                where l.points is distinct from s.points or l.entries is distinct from s.entries
                order by 1""").setParameter("week", week.toString()).getResultList();
        people.forEach(r -> differences.add(new LeaderboardViews.Difference("PERSON", (UUID) r[0], null,
                "points " + r[1] + ", entries " + r[2], "points " + r[3] + ", entries " + r[4])));
        @SuppressWarnings("unchecked")
        List<Object[]> buckets = em.createNativeQuery("""
                select coalesce(e.unit_id, b.unit_id), coalesce(e.points, b.points), e.people, b.people
                from (select u.id as unit_id, s.points, count(*) as people
                      from week_score s cross join lateral unnest(s.unit_ids) as u(id)
                      where s.iso_week = :week and s.entries > 0 group by u.id, s.points) e
                full join (select unit_id, points, sum(people) as people from week_bucket where iso_week = :week
                           group by unit_id, points having sum(people) <> 0) b
                    on b.unit_id = e.unit_id and b.points = e.points
                where e.people is distinct from cast(b.people as bigint)
                order by 1, 2""").setParameter("week", week.toString()).getResultList();
        buckets.forEach(r -> differences.add(new LeaderboardViews.Difference("BUCKET", (UUID) r[0],
                ((Number) r[1]).intValue(), "people " + (r[2] == null ? 0 : r[2]), "people " + (r[3] == null ? 0 : r[3]))));
        Object[] counts = (Object[]) em.createNativeQuery("select count(distinct person_id), count(*) filter (where "
                + Standings.PENDING + ") from ledger_entry e where iso_week = :week")
                .setParameter("week", week.toString()).getSingleResult();
        return new LeaderboardViews.Check(week.toString(), ((Number) counts[0]).longValue(),
                ((Number) counts[1]).longValue(), differences.isEmpty(), differences.size(),
                differences.subList(0, Math.min(100, differences.size())));
    }
}
