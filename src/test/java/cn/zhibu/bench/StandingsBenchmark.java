package cn.zhibu.bench;

import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.TestAccounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * "Me" and the top-50 page of a committee's board through HTTP with a real JWT, at 10,000, 100,000 and
 * 1,000,000 members (a week filled by {@link StandingsGenerator}), against the naive SQL in the same run:
 * {@code rank() over (order by points desc)} over the week's rows of the committee, for one member. Prints
 * p50/p99 and ratios; asserts no timings. Run it with {@code ./mvnw test -Dtest=StandingsBenchmark
 * -Dzhibu.bench=true -Dzhibu.rate-limit.requests-per-minute=1000000} (optional
 * {@code -Dzhibu.bench.sizes=10000,100000}).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "zhibu.bench", matches = "true")
class StandingsBenchmark {

    static final String WEEK = "2020-W10"; // a past week no test or demo credits
    static final int REQUESTS = Integer.getInteger("zhibu.bench.requests", 300);
    static final int NAIVE_RUNS = 15;

    @Inject
    AgroalDataSource dataSource;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void meAndTopFiftyAgainstTheNaiveRank() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("zhibu.bench.sizes", "10000,100000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        StandingsGenerator generator = new StandingsGenerator(dataSource, WEEK);
        Map<Integer, double[]> results = new LinkedHashMap<>();
        String token = null;
        UUID person = null;
        System.out.printf("%nStandings benchmark: one committee, %d members per branch, week %s; %d sequential "
                + "requests per case after a warm-up of 50%n", StandingsGenerator.PER_BRANCH, WEEK, REQUESTS);
        for (int size : sizes) {
            long began = System.nanoTime();
            generator.growTo(size);
            double generated = (System.nanoTime() - began) / 1e9;
            if (token == null) {
                StudyFixtures.Member member = StudyFixtures.member(generator.branchId(0).toString());
                // a member sees their branch's board; the committee's needs a role there
                StudyFixtures.grant(member, "SECRETARY", generator.committee.toString());
                person = UUID.fromString(member.personId());
                token = TestAccounts.token(UUID.fromString(member.accountId()));
                placeOnBoard(person, generator);
            }
            String me = "/v1/leaderboards/me?week=" + WEEK + "&unitId=" + generator.committee;
            String top = "/v1/leaderboards/" + generator.committee + "/people?limit=50&week=" + WEEK;
            double[] meTimes = percentiles(timeRequests(me, token));
            double[] topTimes = percentiles(timeRequests(top, token));
            double[] naive = percentiles(timeNaive(person, generator.committee));
            results.put(size, new double[] {meTimes[0], meTimes[1], topTimes[0], topTimes[1], naive[0], naive[1]});
            System.out.printf("  %,9d members (%,d branches, generated in %.0f s)%n", size, generator.branches(),
                    generated);
            System.out.printf("    GET me           p50 %8.2f ms  p99 %8.2f ms%n", meTimes[0], meTimes[1]);
            System.out.printf("    GET top 50       p50 %8.2f ms  p99 %8.2f ms%n", topTimes[0], topTimes[1]);
            System.out.printf("    naive rank() SQL p50 %8.2f ms  p99 %8.2f ms   naive p50 / me p50: %.1fx%n",
                    naive[0], naive[1], naive[0] / meTimes[0]);
        }
        // publication of the largest week: the committee's boards frozen into a snapshot, over HTTP
        HttpRequest publish = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + "/v1/leaderboards/" + generator.committee + "/weeks/" + WEEK + "/publish"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        long began = System.nanoTime();
        int status = client.send(publish, HttpResponse.BodyHandlers.discarding()).statusCode();
        System.out.printf("  publishing the committee's week of %,d members: %d in %.1f s (goal: under 60 s)%n",
                sizes[sizes.length - 1], status, (System.nanoTime() - began) / 1e9);
        double[] first = results.get(sizes[0]);
        double[] last = results.get(sizes[sizes.length - 1]);
        System.out.printf("  me p99 at %,d members / at %,d: %.2f (goal: at most 2)%n", sizes[sizes.length - 1],
                sizes[0], last[1] / first[1]);
        System.out.printf("  naive p50 / me p50 at %,d members: %.1fx (goal: at least 100x)%n", sizes[sizes.length - 1],
                last[4] / last[0]);
    }

    /** The member's own week row (17 points), counted in the buckets of their branch and the committee. */
    private void placeOnBoard(UUID person, StandingsGenerator generator) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("insert into week_score (iso_week, person_id, branch_id, "
                    + "unit_ids, points, entries, reached_at) values (?, ?, ?, array[?, ?], 17, 3, now())")) {
                s.setString(1, WEEK);
                s.setObject(2, person);
                s.setObject(3, generator.branchId(0));
                s.setObject(4, generator.committee);
                s.setObject(5, generator.branchId(0));
                s.executeUpdate();
            }
            for (UUID unit : List.of(generator.committee, generator.branchId(0))) {
                try (PreparedStatement s = c.prepareStatement("insert into week_bucket as b (iso_week, unit_id, "
                        + "points, people) values (?, ?, 17, 1) on conflict (iso_week, unit_id, points, shard) do update "
                        + "set people = b.people + 1")) {
                    s.setString(1, WEEK);
                    s.setObject(2, unit);
                    s.executeUpdate();
                }
            }
        }
    }

    private List<Long> timeRequests(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < REQUESTS + 50; i++) {
            long began = System.nanoTime();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException(path + " answered " + status);
            }
            if (i >= 50) {
                nanos.add(System.nanoTime() - began);
            }
        }
        return nanos;
    }

    /** The naive way: rank every participant of the committee's week, keep the member's row. */
    private List<Long> timeNaive(UUID person, UUID committee) throws SQLException {
        List<Long> nanos = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                select r from (select person_id, rank() over (order by points desc) as r from week_score
                               where iso_week = ? and unit_ids @> array[cast(? as uuid)] and entries > 0) x
                where person_id = ?""")) {
            for (int i = 0; i < NAIVE_RUNS + 2; i++) {
                s.setString(1, WEEK);
                s.setObject(2, committee);
                s.setObject(3, person);
                long began = System.nanoTime();
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                }
                if (i >= 2) {
                    nanos.add(System.nanoTime() - began);
                }
            }
        }
        return nanos;
    }

    private static double[] percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {sorted[(int) Math.ceil(0.50 * sorted.length) - 1] / 1e6,
                sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6};
    }
}
