package cn.zhibu.leaderboard;

import cn.zhibu.leaderboard.LeaderboardViews.Metric;
import cn.zhibu.leaderboard.LeaderboardViews.PersonRow;
import cn.zhibu.leaderboard.LeaderboardViews.UnitRow;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.IsoWeek;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads the weekly standings. Every read is one read-only REPEATABLE READ transaction of its own (the
 * resources call these outside any), so a page's rows and their ranks agree while credits arrive. A
 * rank is 1 + the people with more points, summed from the unit's buckets (one row per distinct total):
 * finding anyone's rank does not grow with the number of people.
 */
@ApplicationScoped
public class LeaderboardService {

    static final String ANONYMOUS = "匿名";
    /** Past this many cached units boards or headcounts, the expired ones are dropped. */
    private static final int CACHED_MOST = 1_000;

    private final EntityManager em;
    private final Clock clock;
    private final int minimumSize;
    private final java.time.Duration headcountTtl;
    private final java.time.Duration unitRankTtl;
    /*
     * Caches of this replica only, and their staleness is harmless and bounded: a units board's member counts are
     * at most zhibu.leaderboards.headcount-ttl old, the units board behind "my unit's rank" at most
     * zhibu.leaderboards.unit-rank-ttl; another replica may show slightly other figures within those times. Points
     * and ranks of people are never cached.
     */
    private final Map<UUID, Headcounts> headcounts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, RecentBoard> recentBoards = new java.util.concurrent.ConcurrentHashMap<>();

    LeaderboardService(EntityManager em, Clock clock, LeaderboardConfig settings) {
        this.em = em;
        this.clock = clock;
        this.unitRankTtl = settings.unitRankTtl();
        this.minimumSize = settings.minimumUnitSize();
        this.headcountTtl = settings.headcountTtl();
    }

    /** Whether the person appears as 匿名 on boards (no choice made: not). */
    public LeaderboardViews.Preference preference(UUID personId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select anonymous from leaderboard_preference where person_id = :p")
                .setParameter("p", personId).getResultList();
        return new LeaderboardViews.Preference(!rows.isEmpty() && (Boolean) rows.get(0));
    }

    /** Records the person's choice to appear as 匿名 on boards, or not. */
    @Transactional
    public LeaderboardViews.Preference choose(UUID personId, boolean anonymous) {
        em.createNativeQuery("""
                insert into leaderboard_preference (person_id, anonymous, updated_at) values (:p, :a, :at)
                on conflict (person_id) do update set anonymous = excluded.anonymous, updated_at = excluded.updated_at""")
                .setParameter("p", personId).setParameter("a", anonymous).setParameter("at", clock.instant())
                .executeUpdate();
        return new LeaderboardViews.Preference(anonymous);
    }

    /** A unit as boards need it. */
    record Unit(UUID id, String kind, UUID parentId) {
    }

    /** One page of the unit's people for the week, best first, as the caller may see them. */
    @Transactional
    public LeaderboardViews.PeopleBoard people(UUID unitId, IsoWeek week, PageRequest page, Seen seen) {
        snapshot();
        Ranks ranks = ranks(unitId, week);
        List<Tuple> rows = seen.listsAnyone()
                ? peopleRows(unit(unitId), week, page.after().orElse(null), page.fetchSize(), seen.onlyPerson())
                : List.of();
        Page<PersonRow> result = page.page(rows,
                r -> List.of(String.valueOf(Rows.integer(r, "points")), Rows.instant(r, "reached_at").toString(),
                        Rows.uuid(r, "person_id").toString()),
                r -> row(r, ranks, seen));
        return new LeaderboardViews.PeopleBoard(unitId, week.toString(), seen.people(), ranks.participants(),
                result.items(), result.nextCursor());
    }

    /** Every participant of the unit's board for the week the caller may see, best first (for exports). */
    @Transactional
    public List<PersonRow> everyone(UUID unitId, IsoWeek week, Seen seen) {
        snapshot();
        Ranks ranks = ranks(unitId, week);
        if (!seen.listsAnyone()) {
            return List.of();
        }
        return peopleRows(unit(unitId), week, null, null, seen.onlyPerson()).stream().map(r -> row(r, ranks, seen))
                .toList();
    }

    private static PersonRow row(Tuple r, Ranks ranks, Seen seen) {
        int points = Rows.integer(r, "points");
        UUID person = Rows.uuid(r, "person_id");
        boolean anonymous = seen.anonymous(Rows.bool(r, "anonymous"), person, Rows.uuid(r, "branch_id"));
        return new PersonRow(ranks.rankOf(points), anonymous ? null : person,
                anonymous ? ANONYMOUS : Rows.string(r, "name"), points);
    }

    /**
     * The board's rows after a position (points, reached at, person id), best first; all when no limit; only one
     * person's when {@code only} is given.
     */
    private List<Tuple> peopleRows(Unit unit, IsoWeek week, List<String> after, Integer limit, UUID only) {
        StringBuilder sql = new StringBuilder("""
                select s.person_id as person_id, p.name as name, s.points as points, s.reached_at as reached_at,
                    s.branch_id as branch_id, coalesce(f.anonymous, false) as anonymous
                from week_score s join person p on p.id = s.person_id
                left join leaderboard_preference f on f.person_id = s.person_id
                where s.iso_week = :week and s.entries > 0""");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("week", week.toString());
        if (only != null) {
            sql.append(" and s.person_id = :only");
            parameters.put("only", only);
        }
        switch (unit.kind()) {
            case "BRANCH" -> sql.append(" and s.branch_id = :unit");
            case "PARTY_GROUP", "DEPARTMENT" -> {
                sql.append(" and s.branch_id = :branch and s.unit_ids @> array[cast(:unit as uuid)]");
                parameters.put("branch", unit.parentId());
            }
            default -> sql.append(" and s.unit_ids @> array[cast(:unit as uuid)]");
        }
        parameters.put("unit", unit.id());
        if (after != null) {
            sql.append(" and (s.points < :p or (s.points = :p and (s.reached_at > :at or (s.reached_at = :at "
                    + "and s.person_id > :id))))");
            parameters.put("p", Integer.parseInt(after.get(0)));
            parameters.put("at", Instant.parse(after.get(1)));
            parameters.put("id", UUID.fromString(after.get(2)));
        }
        sql.append(" order by s.points desc, s.reached_at, s.person_id");
        if (limit != null) {
            sql.append(" limit ").append(limit);
        }
        var query = em.createNativeQuery(sql.toString(), Tuple.class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** Where the person stands on the unit's board for the week, and their unit among its siblings. */
    @Transactional
    public LeaderboardViews.Me me(UUID personId, UUID unitId, IsoWeek week, Metric metric,
            BoardVisibility.Shown shown) {
        snapshot();
        List<Tuple> own = em.createNativeQuery("select points as points, entries as entries, "
                + "cast(unit_ids as text) as unit_ids from week_score "
                + "where iso_week = :week and person_id = :person", Tuple.class).setParameter("week", week.toString())
                .setParameter("person", personId).getResultList();
        // read your own writes: the person's own figures from the ledger, their place among others from the
        // standings, which may not have taken in their latest entries yet (moved here from the total kept there)
        Tuple ledger = (Tuple) em.createNativeQuery("""
                select coalesce(sum(points), 0) as points,
                    coalesce(sum(case when reverses is null then 1 else -1 end), 0) as entries
                from ledger_entry where person_id = :person and iso_week = :week""", Tuple.class)
                .setParameter("person", personId).setParameter("week", week.toString()).getSingleResult();
        int points = Rows.integer(ledger, "points");
        boolean counted = Rows.longValue(ledger, "entries") > 0;
        // the units the week's row counts the person in; without one (no entry yet), their units now
        List<UUID> myUnits = own.isEmpty() ? myUnits(personId) : uuids(Rows.string(own.get(0), "unit_ids"));
        Ranks ranks = ranks(unitId, week);
        if (myUnits.contains(unitId)) {
            boolean kept = !own.isEmpty() && Rows.integer(own.get(0), "entries") > 0;
            ranks = ranks.moving(kept ? Rows.integer(own.get(0), "points") : null, counted ? points : null);
        }
        Integer above = ranks.nextAbove(points);
        long below = ranks.below(points);
        double percentile = ranks.participants() == 0 ? 0
                : Math.round(1000.0 * below / ranks.participants()) / 10.0;
        UnitRow mine = null;
        if (shown.unitsPublished()) {
            for (UnitRow row : recentUnits(unitId, week, metric).items()) {
                if (myUnits.contains(row.unitId())) {
                    mine = row.shownFor(metric);
                }
            }
        }
        boolean ranked = shown.personBoards() != VisibilityViews.PersonBoards.OFF;
        boolean published = shown.peoplePublished();
        return new LeaderboardViews.Me(unitId, week.toString(), personId, shown.personBoards(), points,
                ranked ? ranks.rankOf(points) : null, ranked ? ranks.participants() : null,
                published && above != null ? above - points : null, published ? percentile : null, mine);
    }

    /** The unit's child units for the week, ranked by the metric. */
    @Transactional
    public LeaderboardViews.UnitsBoard unitsBoard(UUID unitId, IsoWeek week, Metric metric) {
        snapshot();
        unit(unitId);
        LeaderboardViews.UnitsBoard board = units(unitId, week, metric);
        return new LeaderboardViews.UnitsBoard(unitId, board.isoWeek(), metric, board.minimumSize(),
                board.items().stream().map(u -> u.shownFor(metric)).toList());
    }

    /**
     * The units board as computed at most {@code zhibu.leaderboards.unit-rank-ttl} ago, for "me": ranking one
     * unit among thousands of siblings reads them all, too much for every app open.
     */
    private LeaderboardViews.UnitsBoard recentUnits(UUID unitId, IsoWeek week, Metric metric) {
        String key = unitId + "|" + week + "|" + metric;
        Instant now = clock.instant();
        RecentBoard recent = recentBoards.get(key);
        if (recent != null && fresh(recent.computedAt(), unitRankTtl, now)) {
            return recent.board();
        }
        LeaderboardViews.UnitsBoard board = units(unitId, week, metric);
        if (recentBoards.size() >= CACHED_MOST) { // boards of past weeks and rarely read units do not pile up
            recentBoards.values().removeIf(b -> !fresh(b.computedAt(), unitRankTtl, now));
        }
        recentBoards.put(key, new RecentBoard(now, board));
        return board;
    }

    /** Whether a figure made at {@code at} holds at {@code now}; one made later (the clock moved back) does not. */
    private static boolean fresh(Instant at, java.time.Duration ttl, Instant now) {
        return !at.isAfter(now) && at.plus(ttl).isAfter(now);
    }

    private record RecentBoard(Instant computedAt, LeaderboardViews.UnitsBoard board) {
    }

    LeaderboardViews.UnitsBoard units(UUID unitId, IsoWeek week, Metric metric) {
        return units(unitId, week, metric, headcounts(unitId));
    }

    /** The units board with its members counted in the calling transaction (a publication's snapshot), not cached. */
    LeaderboardViews.UnitsBoard unitsCountedNow(UUID unitId, IsoWeek week, Metric metric) {
        return units(unitId, week, metric, countHeadcounts(unitId));
    }

    private LeaderboardViews.UnitsBoard units(UUID unitId, IsoWeek week, Metric metric, Map<UUID, Long> headcounts) {
        List<Tuple> rows = em.createNativeQuery("""
                select c.id as id, c.name as name,
                    coalesce((select sum(b.people) from week_bucket b where b.iso_week = :week and b.unit_id = c.id), 0)
                        as participants,
                    coalesce((select sum(cast(b.points as bigint) * b.people) from week_bucket b
                              where b.iso_week = :week and b.unit_id = c.id), 0) as total
                from org_unit c where c.parent_id = :unit and c.archived_at is null""", Tuple.class)
                .setParameter("week", week.toString()).setParameter("unit", unitId).getResultList();
        List<UnitRow> units = new ArrayList<>();
        for (Tuple r : rows) {
            UUID id = Rows.uuid(r, "id");
            long members = headcounts.getOrDefault(id, 0L);
            long participants = Rows.longValue(r, "participants");
            long total = Rows.longValue(r, "total");
            units.add(new UnitRow(null, id, Rows.string(r, "name"), members, participants, total,
                    members == 0 ? 0 : Math.round(100.0 * total / members) / 100.0,
                    members == 0 ? 0 : Math.round(10000.0 * participants / members) / 10000.0,
                    members < minimumSize));
        }
        Comparator<UnitRow> byMetric = Comparator.comparingDouble((UnitRow u) -> -value(u, metric));
        units.sort(Comparator.comparing(UnitRow::belowMinimumSize).thenComparing(byMetric)
                .thenComparing(UnitRow::name).thenComparing(UnitRow::unitId));
        List<UnitRow> ranked = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < units.size(); i++) {
            UnitRow u = units.get(i);
            if (u.belowMinimumSize()) {
                ranked.add(u);
                continue;
            }
            if (i == 0 || value(units.get(i - 1), metric) != value(u, metric)) {
                rank = i + 1;
            }
            ranked.add(new UnitRow(rank, u.unitId(), u.name(), u.members(), u.participants(), u.total(),
                    u.perMember(), u.participationRate(), false));
        }
        return new LeaderboardViews.UnitsBoard(unitId, week.toString(), metric, minimumSize, ranked);
    }

    private static double value(UnitRow unit, Metric metric) {
        return switch (metric) {
            case POINTS_PER_MEMBER -> unit.members() == 0 ? 0 : (double) unit.total() / unit.members();
            case PARTICIPATION -> unit.members() == 0 ? 0 : (double) unit.participants() / unit.members();
            case TOTAL -> unit.total();
        };
    }

    /**
     * The members now of each child unit of the unit (people with an open membership in the child's subtree),
     * counted at most {@code zhibu.leaderboards.headcount-ttl} ago: counting reads every membership below the
     * unit, too much for every "me" on a large committee, and headcounts change slowly.
     */
    private Map<UUID, Long> headcounts(UUID unitId) {
        Headcounts cached = headcounts.get(unitId);
        Instant now = clock.instant();
        if (cached != null && fresh(cached.countedAt(), headcountTtl, now)) {
            return cached.members();
        }
        Map<UUID, Long> members = countHeadcounts(unitId);
        if (headcounts.size() >= CACHED_MOST) {
            headcounts.values().removeIf(h -> !fresh(h.countedAt(), headcountTtl, now));
        }
        headcounts.put(unitId, new Headcounts(now, members));
        return members;
    }

    private Map<UUID, Long> countHeadcounts(UUID unitId) {
        List<Tuple> rows = em.createNativeQuery("""
                select c.id as id, count(distinct m.person_id) as members
                from org_unit c
                join org_unit d on d.path like c.path || '%'
                join membership m on m.org_unit_id = d.id and m.end_date is null
                where c.parent_id = :unit
                group by c.id""", Tuple.class).setParameter("unit", unitId).getResultList();
        Map<UUID, Long> members = new HashMap<>();
        rows.forEach(r -> members.put(Rows.uuid(r, "id"), Rows.longValue(r, "members")));
        return Map.copyOf(members);
    }

    private record Headcounts(Instant countedAt, Map<UUID, Long> members) {
    }

    /** The units the person belongs to now, and every unit above them. */
    private List<UUID> myUnits(UUID personId) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select distinct cast(up.id as uuid) " + Standings.UNITS_NOW)
                .setParameter("person", personId).getResultList();
        return ids.stream().map(UUID.class::cast).toList();
    }

    /** A uuid[] read as text ({@code {a,b}}). */
    private static List<UUID> uuids(String array) {
        String inner = array.substring(1, array.length() - 1);
        return inner.isEmpty() ? List.of() : java.util.Arrays.stream(inner.split(",")).map(UUID::fromString).toList();
    }

    Unit unit(UUID unitId) {
        List<Tuple> rows = em.createNativeQuery("select id as id, kind as kind, parent_id as parent_id from org_unit "
                + "where id = :id", Tuple.class).setParameter("id", unitId).getResultList();
        if (rows.isEmpty()) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        Tuple row = rows.get(0);
        return new Unit(Rows.uuid(row, "id"), Rows.string(row, "kind"), Rows.uuid(row, "parent_id"));
    }

    /** The unit's buckets for the week: how many participants have each total. */
    Ranks ranks(UUID unitId, IsoWeek week) {
        List<Tuple> rows = em.createNativeQuery("select points as points, sum(people) as people from week_bucket "
                + "where iso_week = :week and unit_id = :unit group by points having sum(people) > 0", Tuple.class)
                .setParameter("week", week.toString())
                .setParameter("unit", unitId).getResultList();
        TreeMap<Integer, Long> people = new TreeMap<>();
        rows.forEach(r -> people.put(Rows.integer(r, "points"), Rows.longValue(r, "people")));
        return new Ranks(people);
    }

    /** Makes the calling transaction one consistent, read-only snapshot (its first statement). */
    private void snapshot() {
        em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
    }
}
