package cn.zhibu.leaderboard;

import cn.zhibu.testing.Sql;
import static cn.zhibu.points.PointsFixtures.rule;
import static cn.zhibu.testing.OrgFixtures.publishBoards;
import static cn.zhibu.testing.OrgFixtures.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.IsoWeek;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.PointsLedger;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.StandingsCaughtUp;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

/**
 * Publication racing credits: while a committee's and a branch's week are published, two writers keep crediting and
 * reversing entries of that same week, and the standings keep taking them in. Whatever the interleaving, each publication is one snapshot (its people board, its
 * units board and its record of each person agree), and the snapshot plus its revisions is the ledger's week, person
 * by person and child unit by child unit. Drawn with jqwik's generators in a session seeded by a number that a
 * failure reports.
 */
@QuarkusTest
class PublicationRacePropertyTest {

    static final int TRIES = 5;
    /** The most entries a writer makes while the publications run. */
    static final int MOST_WRITES = 300;
    static final LocalDate FIRST = LocalDate.of(2109, 3, 4).with(DayOfWeek.MONDAY);

    @Inject
    PublishedWeeks weeks;
    @Inject
    PointsLedger ledger;
    @Inject
    Pagination pagination;
    @Inject
    Standings standings;
    @Inject
    AgroalDataSource dataSource;

    record Step(int person, int points, int day, boolean reversal, int target) {
    }

    static Arbitrary<List<Step>> steps(int people, int most) {
        return Combinators.combine(Arbitraries.integers().between(0, people - 1), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 6), Arbitraries.of(false, false, false, true),
                Arbitraries.integers().between(0, 1000)).as(Step::new).list().ofMinSize(0).ofMaxSize(most);
    }

    @Test
    void theSnapshotPlusItsRevisionsIsTheLedgersWeek() throws Exception {
        String seed = Long.toString(new Random().nextLong());
        String committee = unit("COMMITTEE", null);
        publishBoards(committee); // named boards (the default shows each member their own)
        String big = unit("BRANCH", committee);
        String small = unit("BRANCH", committee);
        String g1 = unit("PARTY_GROUP", big);
        String g2 = unit("PARTY_GROUP", big);
        rule(committee, ActivityType.MANUAL_AWARD, FIRST.minusDays(7), 1, null, null, null);
        List<UUID> people = new ArrayList<>();
        Map<UUID, String> branchOf = new HashMap<>();
        Map<UUID, List<String>> units = new HashMap<>(); // person -> the units whose boards count them
        for (int i = 0; i < 8; i++) {
            String branch = i < 6 ? big : small;
            String group = i < 3 ? g1 : i < 6 ? g2 : null;
            UUID person = UUID.fromString((group == null ? StudyFixtures.member(branch)
                    : StudyFixtures.member(branch, group)).personId());
            people.add(person);
            branchOf.put(person, branch);
            units.put(person, group == null ? List.of(committee, branch) : List.of(committee, branch, group));
        }
        for (int hidden : new int[] {1, 6}) { // anonymous on boards: their revisions count all the same
            Sql.execute("insert into leaderboard_preference (person_id, anonymous, updated_at) "
                    + "values (?1, true, now())", people.get(hidden));
        }
        JqwikSession.start(seed);
        try {
            for (int attempt = 0; attempt < TRIES; attempt++) {
                LocalDate monday = FIRST.plusWeeks(attempt);
                List<Step> before = steps(people.size(), 8).sample();
                List<Step> one = steps(people.size(), 12).sample();
                List<Step> two = steps(people.size(), 12).sample();
                try {
                    List<UUID> credits = Collections.synchronizedList(new ArrayList<>());
                    for (Step step : before) {
                        apply(step, monday, people, branchOf, credits);
                    }
                    CyclicBarrier start = new CyclicBarrier(4);
                    AtomicBoolean published = new AtomicBoolean();
                    // the standings take entries in as they come, as every replica's applier does (only faster)
                    var applier = CompletableFuture.runAsync(() -> {
                        await(start);
                        while (!published.get()) {
                            standings.apply();
                        }
                    });
                    var writerOne = CompletableFuture.runAsync(() -> race(start, published, one, monday, people,
                            branchOf, credits));
                    var writerTwo = CompletableFuture.runAsync(() -> race(start, published, two, monday, people,
                            branchOf, credits));
                    IsoWeek week = IsoWeek.of(monday);
                    start.await(30, TimeUnit.SECONDS);
                    try {
                        for (String scope : List.of(committee, big)) {
                            weeks.publish(UUID.fromString(scope), week, "test",
                                    pagination.request("1", null, "published-week"), Duration.ofSeconds(30), Seen.EVERYTHING);
                        }
                    } finally {
                        published.set(true);
                    }
                    applier.get(60, TimeUnit.SECONDS);
                    writerOne.get(60, TimeUnit.SECONDS);
                    writerTwo.get(60, TimeUnit.SECONDS);
                    StandingsCaughtUp.await();
                    Map<UUID, int[]> expected = fromLedger(week, people);
                    assertPublication(committee, List.of(big, small), week, expected, units);
                    assertPublication(big, List.of(g1, g2), week, expected, units);
                } catch (AssertionError | Exception e) {
                    throw new AssertionError("seed " + seed + ", try " + attempt + ", before " + before + ", racing "
                            + one + " and " + two, e);
                }
                JqwikSession.finishTry();
            }
        } finally {
            JqwikSession.finish();
        }
    }

    /**
     * A writer racing the publications: its steps over and over (each credit of a new source) until both are
     * published, so that entries commit before, during and after their snapshots.
     */
    private void race(CyclicBarrier start, AtomicBoolean published, List<Step> steps, LocalDate monday,
            List<UUID> people, Map<UUID, String> branchOf, List<UUID> credits) {
        await(start);
        for (int i = 0; !steps.isEmpty() && !published.get() && i < MOST_WRITES; i++) {
            apply(steps.get(i % steps.size()), monday, people, branchOf, credits);
        }
    }

    private static void await(CyclicBarrier start) {
        try {
            start.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void apply(Step step, LocalDate monday, List<UUID> people, Map<UUID, String> branchOf,
            List<UUID> credits) {
        if (step.reversal() && !credits.isEmpty()) {
            try {
                ledger.reverse(credits.get(step.target() % credits.size()), "冲销", "test");
            } catch (ProblemException alreadyReversed) {
                // reversed once already: nothing changes
            }
            return;
        }
        UUID person = people.get(step.person());
        credits.add(ledger.credit(new PointsLedger.Credit(person, UUID.fromString(branchOf.get(person)),
                ActivityType.MANUAL_AWARD, "RACE", UUID.randomUUID().toString(), monday.plusDays(step.day()),
                step.points(), "测试", "test")).id());
    }

    /**
     * One publication: its parts agree with each other (one snapshot), and what it held plus its revisions is the
     * ledger's week for every person of the board and every child unit.
     */
    private void assertPublication(String scope, List<String> children, IsoWeek week, Map<UUID, int[]> expected,
            Map<UUID, List<String>> units) throws SQLException {
        PublishedRevisions.Changes changes = weeks.revisions(UUID.fromString(scope), week);
        UUID id = changes.publishedWeekId();
        Map<UUID, int[]> held = new HashMap<>();
        for (Object[] r : rows("select person_id, points, entries from published_standing where published_week_id = ?",
                id)) {
            held.put((UUID) r[0], new int[] {((Number) r[1]).intValue(), ((Number) r[2]).intValue()});
        }
        // one snapshot: the people board is what it held of each person, and so is each child unit's row
        List<Integer> board = rows("select points from published_person where published_week_id = ? order by position",
                id).stream().map(r -> ((Number) r[0]).intValue()).toList();
        assertEquals(held.values().stream().map(v -> v[0]).sorted(Collections.reverseOrder()).toList(), board,
                "people board of " + scope);
        assertEquals((long) held.size(), ((Number) rows("select participants from published_week where id = ?", id)
                .get(0)[0]).longValue(), "participants of " + scope);
        Map<UUID, long[]> unitRows = new HashMap<>();
        for (Object[] r : rows("select unit_id, participants, total from published_unit where published_week_id = ?",
                id)) {
            unitRows.put((UUID) r[0], new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()});
        }
        for (String child : children) {
            UUID unit = UUID.fromString(child);
            long[] published = unitRows.get(unit);
            assertEquals(held.entrySet().stream().filter(e -> units.get(e.getKey()).contains(child)).count(),
                    published[0], "participants of " + child + " as published");
            assertEquals(held.entrySet().stream().filter(e -> units.get(e.getKey()).contains(child))
                    .mapToLong(e -> e.getValue()[0]).sum(), published[1], "total of " + child + " as published");
        }
        // the snapshot plus its revisions: the ledger's week, person by person
        Map<UUID, int[]> revised = new HashMap<>();
        held.forEach((person, v) -> revised.put(person, v.clone()));
        for (PublishedRevisions.PersonChange change : changes.people()) {
            int[] v = revised.computeIfAbsent(change.personId(), p -> new int[2]);
            v[0] += change.points();
            v[1] += change.entries();
        }
        revised.values().removeIf(v -> v[0] == 0 && v[1] == 0);
        Map<UUID, List<Integer>> want = new HashMap<>();
        expected.forEach((person, v) -> {
            if (v[1] > 0 && units.get(person).contains(scope)) {
                want.put(person, List.of(v[0], v[1]));
            }
        });
        Map<UUID, List<Integer>> got = new HashMap<>();
        revised.forEach((person, v) -> got.put(person, List.of(v[0], v[1])));
        assertEquals(want, got, "people of " + scope + " as published plus revisions");
        // and child unit by child unit
        for (String child : children) {
            UUID unit = UUID.fromString(child);
            long[] total = unitRows.get(unit).clone();
            changes.units().stream().filter(c -> c.unitId().equals(unit)).forEach(c -> {
                total[0] += c.participants();
                total[1] += c.total();
            });
            assertEquals(want.entrySet().stream().filter(e -> units.get(e.getKey()).contains(child)).count(), total[0],
                    "participants of " + child + " as published plus revisions");
            assertEquals(want.entrySet().stream().filter(e -> units.get(e.getKey()).contains(child))
                    .mapToLong(e -> e.getValue().get(0)).sum(), total[1],
                    "total of " + child + " as published plus revisions");
        }
    }

    /** Each person's net points and counted entries of the week, from the ledger rows. */
    private Map<UUID, int[]> fromLedger(IsoWeek week, List<UUID> people) throws SQLException {
        Map<UUID, int[]> sums = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select person_id, sum(points), sum(case when reverses is null then 1 else -1 end) from ledger_entry "
                        + "where iso_week = ? and person_id = any(?) group by person_id")) {
            s.setString(1, week.toString());
            s.setArray(2, c.createArrayOf("uuid", people.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sums.put(r.getObject(1, UUID.class), new int[] {r.getInt(2), r.getInt(3)});
                }
            }
        }
        return sums;
    }

    private List<Object[]> rows(String sql, UUID id) throws SQLException {
        List<Object[]> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = r.getObject(i + 1);
                    }
                    found.add(row);
                }
            }
        }
        return found;
    }
}
