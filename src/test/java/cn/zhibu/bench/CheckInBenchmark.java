package cn.zhibu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.OrgFixtures;
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
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Check-ins per second and their latency, through HTTP with real JWTs, at 32 and 128 concurrent
 * clients, against a baseline measured in the same run on the same database: plain JDBC
 * single-row insert transactions at the same concurrency through the service's own connection
 * pool. Prints figures, asserts no timings (only that every check-in was credited once). Run it with
 * {@code ./mvnw test -Dtest=CheckInBenchmark -Dzhibu.bench=true -Dzhibu.rate-limit.requests-per-minute=1000000
 * -Dzhibu.check-ins.burst-count=1000000}: each client is one member checking in material after
 * material, far faster than a person, so the burst flag is raised out of the way (its query still runs). Add
 * {@code -Dzhibu.bench.wrk=true} to also load the service from another process ({@code wrk}, Debian's package).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "zhibu.bench", matches = "true")
class CheckInBenchmark {

    private static final int ROUNDS = Integer.getInteger("zhibu.bench.rounds", 60);
    private static final int[] CONCURRENCY = {32, 128};

    @Inject
    AgroalDataSource dataSource;

    @Inject
    org.hibernate.SessionFactory sessionFactory;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void checkInsAgainstPlainInserts() throws Exception {
        String committee = OrgFixtures.unit("COMMITTEE", null);
        String branch = OrgFixtures.unit("BRANCH", committee);
        StudyFixtures.rule(branch, "CHECK_IN", 1, 100, 1000);
        List<String> materials = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            materials.add(StudyFixtures.material(branch));
        }
        createBaselineTable();

        List<Run> runs = new ArrayList<>();
        runs.add(new Run("warm-up", 32));
        for (int clients : CONCURRENCY) {
            runs.add(new Run("measured", clients));
        }
        for (Run run : runs) {
            run.prepare(branch, materials);
        }
        Run external = new Run("wrk", 128); // members of the load from another process, when asked for
        if (Boolean.getBoolean("zhibu.bench.wrk")) {
            external.prepare(branch, materials);
        }
        System.out.printf("%nCheck-in benchmark: %d check-ins per client (each on another material), after a warm-up"
                + " round; the database: fsync %s, synchronous_commit %s, full_page_writes %s%n", ROUNDS,
                show("fsync"), show("synchronous_commit"), show("full_page_writes"));
        for (Run run : runs) {
            Load.Result baseline = Load.run(run.clients, ROUNDS, (c, round) -> insertOneRow());
            var statistics = sessionFactory.getStatistics();
            statistics.clear();
            WaitSampler waits = new WaitSampler();
            LagSampler lag = new LagSampler();
            Load.Result checkIns;
            try {
                checkIns = Load.run(run.clients, ROUNDS, (c, round) -> checkIn(run.tokens.get(c), materials.get(round)));
            } finally {
                waits.stop();
                lag.stop();
            }
            run.checkedIn = checkIns.operations() - checkIns.failures();
            double operations = checkIns.operations();
            String perCheckIn = String.format("  per check-in: %.1f statements, %.1f transactions, %.1f entities loaded, "
                    + "%.1f query plans found in the cache and %.1f made", statistics.getPrepareStatementCount() / operations,
                    statistics.getTransactionCount() / operations, statistics.getEntityLoadCount() / operations,
                    statistics.getQueryPlanCacheHitCount() / operations, statistics.getQueryPlanCacheMissCount() / operations);
            // for scale: what HTTP costs with a token and the caller's read, and without (a public read)
            Load.Result signedIn = Load.run(run.clients, ROUNDS, (c, round) -> get("/v1/me", run.tokens.get(c)));
            Load.Result meta = Load.run(run.clients, ROUNDS, (c, round) -> get("/v1/meta", null));
            if (run.label.equals("warm-up")) {
                System.out.printf("  warm-up: %s%n", checkIns);
                continue;
            }
            System.out.printf("  JDBC single-row insert  %s%n", baseline);
            System.out.printf("  POST /v1/check-ins      %s%n", checkIns);
            System.out.printf("  ratio of rates: %.2f (goal: at least 0.5)%n", checkIns.ratioTo(baseline));
            System.out.printf("  while checking in, the database's busy sessions were: %s%n", waits.shares());
            System.out.printf("  standings applier lag while checking in: %s%n", lag);
            System.out.printf("  for scale, GET /v1/me  %s (ratio %.2f): HTTP, the JWT and the caller's read alone%n",
                    signedIn, signedIn.ratioTo(baseline));
            System.out.printf("  check-ins / GET /v1/me at %d clients: %.2f (goal: at least 0.5)%n", run.clients,
                    checkIns.perSecond() / signedIn.perSecond());
            System.out.printf("  for scale, GET /v1/meta %s (ratio %.2f): HTTP and one read%n", meta, meta.ratioTo(baseline));
            if (statistics.isStatisticsEnabled()) { // -Dquarkus.hibernate-orm.statistics=true
                System.out.println(perCheckIn);
            }
            assertEquals(0, checkIns.failures(), "every check-in answered 201");
        }
        long credited = count("select count(*) from check_in c join ledger_entry e on e.id = c.ledger_entry_id "
                + "where c.branch_id = '" + branch + "' and c.status = 'CREDITED' and e.points = 1");
        long expected = runs.stream().mapToLong(r -> r.checkedIn).sum(); // every 201, the warm-up's included
        System.out.printf("  check-ins credited with their point: %d of %d%n", credited, expected);
        if (credited != expected) {
            System.out.println(rows("select c.status, c.flag_reason, e.points, count(*) from check_in c left join "
                    + "ledger_entry e on e.id = c.ledger_entry_id where c.branch_id = '" + branch + "' group by 1, 2, 3"));
        }
        assertEquals(expected, credited);
        if (Boolean.getBoolean("zhibu.bench.wrk")) {
            ExternalLoad.run(external.tokens, materials, RestAssured.baseURI + ":" + RestAssured.port);
        }
        // what a check-in costs on disk, for capacity plans (tables and their indexes; the tables hold nothing else
        // of this run's size): kept for good, its row, its ledger entry and the week rows; kept for a day, the
        // idempotency record
        long checkInRows = count("select count(*) from check_in");
        System.out.printf("  on disk per check-in (%,d check-ins), with indexes:", checkInRows);
        for (String table : List.of("check_in", "ledger_entry", "material_opening", "week_score", "idempotency_record")) {
            System.out.printf(" %s %,d B;", table, count("select pg_total_relation_size('" + table + "')") / checkInRows);
        }
        System.out.println();
    }

    /** Members of one run, each with a token, each having opened every material an hour ago. */
    private final class Run {
        final String label;
        final int clients;
        final List<String> tokens = new ArrayList<>();
        long checkedIn;

        Run(String label, int clients) {
            this.label = label;
            this.clients = clients;
        }

        void prepare(String branch, List<String> materials) throws SQLException {
            List<String> people = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                StudyFixtures.Member member = StudyFixtures.member(branch);
                people.add(member.personId());
                tokens.add(TestAccounts.token(UUID.fromString(member.accountId())));
            }
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            Timestamp openedAt = Timestamp.from(Instant.now().minusSeconds(3600));
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement("insert into material_opening "
                            + "(person_id, material_id, business_date, opened_at) values (?, ?, ?, ?)")) {
                for (String person : people) {
                    for (String material : materials) {
                        insert.setObject(1, UUID.fromString(person));
                        insert.setObject(2, UUID.fromString(material));
                        insert.setObject(3, today);
                        insert.setTimestamp(4, openedAt);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        }
    }

    private boolean checkIn(String token, String material) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + "/v1/check-ins")).header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"materialId\":\"" + material + "\",\"studySeconds\":600}"))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
    }

    private boolean get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + path)).header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    /** The baseline's table, made by the owner (the service's role makes no tables) and written by the service's. */
    private void createBaselineTable() {
        cn.zhibu.testing.EmbeddedPostgresResource.asOwner("create table if not exists bench_single_row_insert "
                + "(id uuid primary key, person_id uuid not null, material_id uuid not null, business_date date not null, "
                + "created_at timestamptz not null)");
        cn.zhibu.testing.EmbeddedPostgresResource.asOwner("grant select, insert, delete on bench_single_row_insert to "
                + cn.zhibu.platform.db.ServiceRole.EMBEDDED);
    }

    /** The baseline: one transaction that inserts one row, as plain as JDBC gets. */
    private boolean insertOneRow() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into bench_single_row_insert "
                    + "(id, person_id, material_id, business_date, created_at) values (?, ?, ?, ?, ?)")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, UUID.randomUUID());
                insert.setObject(3, UUID.randomUUID());
                insert.setObject(4, LocalDate.now());
                insert.setTimestamp(5, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            connection.commit();
            return true;
        }
    }

    private String rows(String sql) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    text.append(i > 1 ? " | " : "  ").append(rows.getString(i));
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    /**
     * Samples what the database's busy sessions do, every 20 ms on a connection of its own: running (on CPU or in
     * the kernel), waiting for a lock (rows other transactions hold), for I/O (the WAL flush of a commit), or else.
     */
    private static final class WaitSampler {
        private final java.util.Map<String, Long> seen = new java.util.concurrent.ConcurrentHashMap<>();
        private final Sampler sampler = new Sampler("wait sampler", 20, "select coalesce(wait_event_type, 'Running'), "
                + "count(*) from pg_stat_activity where state = 'active' and backend_type = 'client backend' and pid "
                + "<> pg_backend_pid() group by 1", rows -> seen.merge(rows.getString(1), rows.getLong(2), Long::sum));

        void stop() {
            sampler.stop();
        }

        String shares() {
            long all = seen.values().stream().mapToLong(Long::longValue).sum();
            return seen.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> String.format("%s %.0f %%", e.getKey(), 100.0 * e.getValue() / Math.max(1, all)))
                    .collect(java.util.stream.Collectors.joining(", "));
        }
    }

    private String show(String setting) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("show " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /**
     * Samples, every 50 ms on a connection of its own, how old the oldest ledger entry is that the standings have not
     * taken in yet (0 when none): the delay with which others see a check-in on their boards.
     */
    static final class LagSampler {
        private final List<Double> seconds = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Sampler sampler = new Sampler("lag sampler", 50, "select coalesce(extract(epoch from "
                + "clock_timestamp() - min(e.created_at)), 0) from ledger_entry e where "
                + "(e.tx, e.seq) > (select p.tx, p.seq from standings_position p)", rows -> seconds.add(rows.getDouble(1)));

        void stop() {
            sampler.stop();
        }

        @Override
        public String toString() {
            List<Double> sorted = new ArrayList<>(seconds);
            java.util.Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return "no samples";
            }
            return String.format("%d samples, p50 %.3f s, p99 %.3f s, max %.3f s (goal: p99 under 1 s)", sorted.size(),
                    sorted.get(sorted.size() / 2), sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))),
                    sorted.get(sorted.size() - 1));
        }
    }

    /** Runs a query every so many milliseconds on a connection of its own, handing each row on, until stopped. */
    private static final class Sampler {
        private final Thread thread;
        private volatile boolean running = true;

        interface Row {
            void take(ResultSet rows) throws SQLException;
        }

        Sampler(String name, long everyMillis, String sql, Row row) {
            String url = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue("quarkus.datasource.jdbc.url", String.class);
            String user = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue("quarkus.datasource.username", String.class);
            thread = new Thread(() -> {
                try (Connection connection = java.sql.DriverManager.getConnection(url, user, "");
                        Statement statement = connection.createStatement()) {
                    while (running) {
                        try (ResultSet rows = statement.executeQuery(sql)) {
                            while (rows.next()) {
                                row.take(rows);
                            }
                        }
                        Thread.sleep(everyMillis);
                    }
                } catch (SQLException | InterruptedException e) {
                    System.out.println("  " + name + " failed: " + e.getMessage());
                }
            }, name);
            thread.start();
        }

        void stop() {
            running = false;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
