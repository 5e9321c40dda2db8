package cn.zhibu.bench;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.stats.CheckInSummaries;
import cn.zhibu.stats.StatsService;
import cn.zhibu.testing.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The dashboard figures of a committee of 100,000 members (200 branches of 500, two departments each) with a year
 * of sessions and attendance, check-ins and their ledger entries, quiz attempts, micro lectures, transfers and
 * integrity files, made in set-based SQL ({@link StatsGenerator}): each stats endpoint over HTTP with a real JWT,
 * without and with the children side by side, measured three ways:
 * <ul>
 * <li>cold: the first call after the service's answers are forgotten, on freshly generated data (PostgreSQL's buffer
 * cache holds what the generation and its analyse left there, and the plans are not yet prepared);
 * <li>query warm: every call after the service's answers are forgotten ({@code StatsService.clear()}), so that the
 * queries run each time on a warm PostgreSQL (p50/p99 over {@code stats-query-requests} calls, fewer when a row's
 * calls pass {@code stats-query-seconds});
 * <li>answer cached: the service's kept answer (JSON and HTTP only; p50/p99 over {@code stats-requests} calls).
 * </ul>
 * Prints a table; asserts no timings. Run it with {@code ./mvnw test -Dtest=StatsBenchmark -Dzhibu.bench=true
 * -Dzhibu.rate-limit.requests-per-minute=1000000} (optional {@code -Dzhibu.bench.stats-members=100000
 * -Dzhibu.bench.stats-requests=200 -Dzhibu.bench.stats-query-requests=50 -Dzhibu.bench.stats-query-seconds=30
 * -Dzhibu.bench.stats-areas=members,study}).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "zhibu.bench", matches = "true")
class StatsBenchmark {

    static final int MEMBERS = Integer.getInteger("zhibu.bench.stats-members", 100_000);
    static final int REQUESTS = Integer.getInteger("zhibu.bench.stats-requests", 200);
    static final int QUERY_REQUESTS = Integer.getInteger("zhibu.bench.stats-query-requests", 50);
    static final int QUERY_SECONDS = Integer.getInteger("zhibu.bench.stats-query-seconds", 30);
    static final List<String> AREAS = List.of(System.getProperty("zhibu.bench.stats-areas",
            "members,org-life,study,lectures,integrity").split(","));
    static final int YEAR = 2025;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StatsService caches;

    @Inject
    CheckInSummaries summaries;

    private final List<String> failures = new ArrayList<>();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theFiguresOfAYearOfAHundredThousandMembers() throws Exception {
        UUID committee = UUID.randomUUID();
        long began = System.nanoTime();
        StatsGenerator.generate(committee, MEMBERS, YEAR);
        System.out.printf("%nStats benchmark: a committee of %,d members (%d branches), year %d, generated in %.0f s%n",
                MEMBERS, MEMBERS / StatsGenerator.PER_BRANCH, YEAR, (System.nanoTime() - began) / 1e9);
        printCounts();
        // the generation wrote check-ins with triggers off: the summariser's first run notes every day and counts it
        long summarised = System.nanoTime();
        long notes = summaries.catchUp();
        System.out.printf("  %,d branch days of check-ins counted by the summariser in %.1f s%n", notes,
                (System.nanoTime() - summarised) / 1e9);
        String slow = System.getProperty("zhibu.bench.stats-log-ms");
        if (slow != null) { // the statements slower than this go to the database's log, with their parameters
            try (Connection owner = StatsGenerator.owner(); Statement s = owner.createStatement()) {
                s.execute("alter system set log_min_duration_statement = " + Integer.parseInt(slow));
                s.execute("select pg_reload_conf()");
            }
        }
        String token = Api.token("stats-bench-admin", Roles.ORG_ADMIN);
        List<String> table = new ArrayList<>();
        table.add(String.format("| %-9s | %-8s | %9s | %-23s | %-21s |", "area", "children", "cold ms",
                "query warm p50/p99 ms", "answer cached p50/p99"));
        table.add("| --- | --- | ---: | --- | --- |");
        for (String children : List.of("false", "true")) {
            for (String area : AREAS) {
                String path = "/v1/stats/org-units/" + committee + "/" + area + "?from=" + YEAR + "-01-01&to=" + YEAR
                        + "-12-31&children=" + children;
                caches.clear();
                long cold = System.nanoTime();
                get(path, token);
                double coldMs = (System.nanoTime() - cold) / 1e6;
                List<Long> queried = new ArrayList<>();
                long rowBegan = System.nanoTime();
                while (queried.size() < QUERY_REQUESTS
                        && (queried.size() < 3 || System.nanoTime() - rowBegan < QUERY_SECONDS * 1_000_000_000L)) {
                    caches.clear();
                    long at = System.nanoTime();
                    get(path, token);
                    queried.add(System.nanoTime() - at);
                }
                List<Long> cached = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    long at = System.nanoTime();
                    get(path, token);
                    cached.add(System.nanoTime() - at);
                }
                double[] q = percentiles(queried);
                double[] p = percentiles(cached);
                String row = String.format("| %-9s | %-8s | %9.0f | %7.0f / %7.0f (n=%d) | %6.2f / %6.2f |", area,
                        children, coldMs, q[0], q[1], queried.size(), p[0], p[1]);
                System.out.println(row);
                table.add(row);
            }
        }
        System.out.println();
        table.forEach(System.out::println);
        failures.stream().distinct().forEach(f -> System.out.println("failed: " + f));
        System.out.println("goals: query warm p99 under 200 ms, cold under 2 s (PostgreSQL's buffer cache warm from the "
                + "generation)");
    }

    private void get(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            failures.add(path + " answered " + status);
        }
    }

    private void printCounts() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            for (String table : List.of("person", "membership", "party_day", "attendance", "check_in", "ledger_entry",
                    "quiz_attempt", "micro_lecture", "integrity_file", "integrity_entry")) {
                try (var rows = s.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    System.out.printf("  %-14s %,12d rows%n", table, rows.getLong(1));
                }
            }
        }
    }

    private static double[] percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {sorted[(int) Math.ceil(0.50 * sorted.length) - 1] / 1e6,
                sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6};
    }
}
