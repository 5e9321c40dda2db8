package cn.zhibu.leaderboard;

import static cn.zhibu.points.PointsFixtures.rule;
import static cn.zhibu.testing.OrgFixtures.publishBoards;
import static cn.zhibu.testing.OrgFixtures.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.platform.time.IsoWeek;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.PointsLedger;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.StandingsCaughtUp;
import cn.zhibu.testing.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

/**
 * For random sequences of credits (0 to 12 points, ties likely) and reversals in one week, for people in two
 * branches (one with two party groups of unequal size): every board (the committee's, each branch's, each
 * group's) lists exactly the participants the ledger gives, with their net points, in order, with competition
 * ranks recomputed from the ledger; the units boards' members, participants, totals and rates are right; each
 * person's "me" rank is right; and the check against the ledger finds no difference. Drawn with jqwik's
 * generators in a session seeded by a number that a failure reports.
 */
@QuarkusTest
class StandingsPropertyTest {

    static final int TRIES = 6;
    static final LocalDate MONDAY = LocalDate.of(2106, 3, 1).with(java.time.DayOfWeek.MONDAY);
    static final String WEEK = IsoWeek.of(MONDAY).toString();

    @Inject
    PointsLedger ledger;
    @Inject
    AgroalDataSource dataSource;

    record Step(int person, int points, int day, boolean reversal, int target) {
    }

    static Arbitrary<List<Step>> sequences(int people) {
        return Combinators.combine(Arbitraries.integers().between(0, people - 1), Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 6), Arbitraries.of(false, false, false, false, true),
                Arbitraries.integers().between(0, 1000)).as(Step::new).list().ofMinSize(1).ofMaxSize(20);
    }

    @Test
    void everyBoardIsTheLedgerRankedAfresh() throws Exception {
        String seed = Long.toString(new Random().nextLong());
        String committee = unit("COMMITTEE", null);
        publishBoards(committee); // named boards (the default shows each member their own)
        String big = unit("BRANCH", committee);
        String small = unit("BRANCH", committee);
        String g1 = unit("PARTY_GROUP", big);
        String g2 = unit("PARTY_GROUP", big);
        rule(committee, ActivityType.MANUAL_AWARD, MONDAY.minusDays(7), 1, null, null, null);
        List<StudyFixtures.Member> people = new ArrayList<>();
        Map<String, List<String>> units = new LinkedHashMap<>(); // person -> the units whose boards count them
        for (int i = 0; i < 9; i++) {
            String branch = i < 7 ? big : small;
            String group = i < 4 ? g1 : i < 7 ? g2 : null;
            StudyFixtures.Member member = group == null ? StudyFixtures.member(branch)
                    : StudyFixtures.member(branch, group);
            people.add(member);
            units.put(member.personId(), group == null ? List.of(committee, branch) : List.of(committee, branch, group));
        }
        List<UUID> credits = new ArrayList<>();
        JqwikSession.start(seed);
        try {
            for (int attempt = 0; attempt < TRIES; attempt++) {
                List<Step> steps = sequences(people.size()).sample();
                try {
                    for (Step step : steps) {
                        apply(step, people, big, small, credits);
                    }
                    StandingsCaughtUp.await(); // boards take the ledger in a moment later
                    Map<String, int[]> expected = fromLedger(people);
                    for (String scope : List.of(committee, big, small, g1, g2)) {
                        assertBoard(scope, expected, units);
                    }
                    assertUnits(big, List.of(g1, g2), expected, units);
                    assertUnits(committee, List.of(big, small), expected, units);
                    for (StudyFixtures.Member member : people) {
                        long rank = 1 + expected.entrySet().stream().filter(e -> units.get(e.getKey()).contains(big))
                                .filter(e -> e.getValue()[1] > 0 && e.getValue()[0] > points(expected, member))
                                .count();
                        if (units.get(member.personId()).contains(big)) {
                            assertEquals(rank, ((Number) member.api().get("/v1/leaderboards/me?week=" + WEEK)
                                    .then().statusCode(200).extract().path("rank")).longValue(), "me " + member);
                        }
                    }
                    Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/leaderboards/weeks/" + WEEK + "/check").then()
                            .statusCode(200).body("consistent", org.hamcrest.Matchers.equalTo(true));
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("seed " + seed + ", try " + attempt + ", steps " + steps, e);
                }
                JqwikSession.finishTry();
            }
        } finally {
            JqwikSession.finish();
        }
    }

    private void apply(Step step, List<StudyFixtures.Member> people, String big, String small, List<UUID> credits) {
        if (step.reversal() && !credits.isEmpty()) {
            try {
                ledger.reverse(credits.get(step.target() % credits.size()), "冲销", "test");
            } catch (ProblemException alreadyReversed) {
                // reversed once already: nothing changes
            }
            return;
        }
        StudyFixtures.Member member = people.get(step.person());
        String branch = step.person() < 7 ? big : small;
        credits.add(ledger.credit(new PointsLedger.Credit(UUID.fromString(member.personId()), UUID.fromString(branch),
                ActivityType.MANUAL_AWARD, "PROPERTY", UUID.randomUUID().toString(), MONDAY.plusDays(step.day()),
                step.points(), "测试", "test")).id());
    }

    private static int points(Map<String, int[]> expected, StudyFixtures.Member member) {
        return expected.getOrDefault(member.personId(), new int[] {0, 0})[0];
    }

    /** Each person's net points and counted entries of the week, from the ledger rows. */
    private Map<String, int[]> fromLedger(List<StudyFixtures.Member> people) throws Exception {
        Map<String, int[]> sums = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select person_id, sum(points), sum(case when reverses is null then 1 else -1 end) from ledger_entry "
                        + "where iso_week = ? and person_id = any(?) group by person_id")) {
            s.setString(1, WEEK);
            s.setArray(2, c.createArrayOf("uuid", people.stream().map(m -> UUID.fromString(m.personId())).toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sums.put(r.getString(1), new int[] {r.getInt(2), r.getInt(3)});
                }
            }
        }
        return sums;
    }

    /** The board of a scope, read page by page, against the ledger's participants ranked afresh. */
    private void assertBoard(String scope, Map<String, int[]> expected, Map<String, List<String>> units) {
        List<Map<String, Object>> want = new ArrayList<>();
        expected.forEach((person, sums) -> {
            if (sums[1] > 0 && units.get(person).contains(scope)) {
                long rank = 1 + expected.entrySet().stream().filter(e -> e.getValue()[1] > 0
                        && units.get(e.getKey()).contains(scope) && e.getValue()[0] > sums[0]).count();
                want.add(Map.of("personId", person, "points", sums[0], "rank", (int) rank));
            }
        });
        List<Map<String, Object>> got = new ArrayList<>();
        String cursor = null;
        do {
            var request = Api.as("org-admin", Roles.ORG_ADMIN).queryParam("week", WEEK).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/v1/leaderboards/" + scope + "/people").then().statusCode(200)
                    .body("participants", org.hamcrest.Matchers.equalTo(want.size())).extract();
            List<Map<String, Object>> items = page.path("items");
            items.forEach(i -> got.add(Map.of("personId", i.get("personId"), "points", i.get("points"), "rank",
                    i.get("rank"))));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        for (int i = 1; i < got.size(); i++) {
            assertEquals(true, (Integer) got.get(i - 1).get("points") >= (Integer) got.get(i).get("points"),
                    "best first on " + scope + ": " + got);
        }
        Comparator<Map<String, Object>> byPerson = Comparator.comparing(m -> (String) m.get("personId"));
        want.sort(byPerson);
        List<Map<String, Object>> sorted = new ArrayList<>(got);
        sorted.sort(byPerson);
        assertEquals(want, sorted, "board of " + scope);
    }

    /** The units board of a scope: members, participants and totals of its children from the ledger. */
    private void assertUnits(String scope, List<String> children, Map<String, int[]> expected,
            Map<String, List<String>> units) {
        var board = Api.as("org-admin", Roles.ORG_ADMIN).queryParam("week", WEEK).queryParam("metric", "TOTAL")
                .get("/v1/leaderboards/" + scope + "/units").then().statusCode(200).extract();
        List<Map<String, Object>> items = board.path("items");
        for (String child : children) {
            long members = units.values().stream().filter(u -> u.contains(child)).count();
            long participants = expected.entrySet().stream().filter(e -> e.getValue()[1] > 0
                    && units.get(e.getKey()).contains(child)).count();
            long total = expected.entrySet().stream().filter(e -> e.getValue()[1] > 0
                    && units.get(e.getKey()).contains(child)).mapToLong(e -> e.getValue()[0]).sum();
            Map<String, Object> row = items.stream().filter(i -> child.equals(i.get("unitId"))).findFirst()
                    .orElseThrow();
            assertEquals(members, ((Number) row.get("members")).longValue(), "members of " + child);
            assertEquals(participants, ((Number) row.get("participants")).longValue(), "participants of " + child);
            assertEquals(total, ((Number) row.get("total")).longValue(), "total of " + child);
            // the participation rate is shown only on a board ranked by it (where the unit chose that metric)
            assertNull(row.get("participationRate"), "rate of " + child + " on a board ranked by TOTAL");
        }
    }
}
