package cn.zhibu.bench;

import cn.zhibu.platform.security.Roles;
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
 * of sessions and attendance, check-ins and their ledger entries, quiz attempts and micro lectures, made in bulk SQL
 * (generate_series): each stats endpoint over HTTP with a real JWT, cold (the first call after the service's answers
 * are forgotten) and warm (p50/p99 over many calls), without and with the children side by side. Prints the
 * figures; asserts no timings. Run it with {@code ./mvnw test -Dtest=StatsBenchmark -Dzhibu.bench=true
 * -Dzhibu.rate-limit.requests-per-minute=1000000} (optional {@code -Dzhibu.bench.stats-members=100000
 * -Dzhibu.bench.stats-requests=200}).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "zhibu.bench", matches = "true")
class StatsBenchmark {

    static final int MEMBERS = Integer.getInteger("zhibu.bench.stats-members", 100_000);
    static final int PER_BRANCH = 500;
    static final int REQUESTS = Integer.getInteger("zhibu.bench.stats-requests", 200);
    static final String YEAR = "2025";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StatsService caches;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theFiguresOfAYearOfAHundredThousandMembers() throws Exception {
        UUID committee = UUID.randomUUID();
        long began = System.nanoTime();
        generate(committee);
        System.out.printf("%nStats benchmark: a committee of %,d members (%d branches), year %s, generated in %.0f s%n",
                MEMBERS, MEMBERS / PER_BRANCH, YEAR, (System.nanoTime() - began) / 1e9);
        printCounts(committee);
        String token = Api.token("stats-bench-admin", Roles.ORG_ADMIN);
        for (String children : List.of("false", "true")) {
            for (String area : List.of("members", "org-life", "study", "lectures", "integrity")) {
                String path = "/v1/stats/org-units/" + committee + "/" + area + "?from=" + YEAR + "-01-01&to=" + YEAR
                        + "-12-31&children=" + children;
                caches.clear();
                long cold = System.nanoTime();
                get(path, token);
                double coldMs = (System.nanoTime() - cold) / 1e6;
                List<Long> warm = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    long at = System.nanoTime();
                    get(path, token);
                    warm.add(System.nanoTime() - at);
                }
                double[] p = percentiles(warm);
                System.out.printf("  %-9s children=%-5s cold %8.0f ms   warm p50 %6.2f ms  p99 %6.2f ms%n", area,
                        children, coldMs, p[0], p[1]);
            }
        }
        System.out.println("  goals: cold under 2 s, warm p99 under 200 ms");
    }

    private void get(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IllegalStateException(path + " answered " + status);
        }
    }

    private void generate(UUID committee) throws SQLException {
        String c = committee.toString();
        String root = "/" + c + "/";
        String branch = "cast(md5('" + c + "|' || (n / " + PER_BRANCH + ")) as uuid)";
        List<String> statements = List.of("set local statement_timeout = 0",
                "insert into org_unit (id, parent_id, kind, name, short_name, sort_order, path, version, created_at, "
                        + "updated_at) values ('" + c + "', null, 'COMMITTEE', '统计测试党委" + c.substring(0, 8)
                        + "', '统计测试', 0, '" + root + "', 0, now(), now())",
                "insert into org_unit (id, parent_id, kind, name, short_name, sort_order, path, version, created_at, "
                        + "updated_at) select b.id, '" + c + "', 'BRANCH', '支部' || b.n, '支部' || b.n, b.n, '" + root
                        + "' || b.id || '/', 0, now(), now() from (select n, cast(md5('" + c + "|' || n) as uuid) as id "
                        + "from generate_series(0, " + (MEMBERS / PER_BRANCH - 1) + ") n) b",
                "insert into org_unit (id, parent_id, kind, name, short_name, sort_order, path, version, created_at, "
                        + "updated_at) select x.id, b.id, 'DEPARTMENT', '科室' || x.k, '科室' || x.k, x.k, "
                        + "b.path || x.id || '/', 0, now(), now() from org_unit b, lateral (select gen_random_uuid() "
                        + "as id, k from generate_series(1, 2) k where b.id is not null) x where b.parent_id = '" + c + "'",
                "create temp table bench_people on commit drop as select n, gen_random_uuid() as id, " + branch
                        + " as branch_id from generate_series(0, " + (MEMBERS - 1) + ") n",
                "insert into person (id, name, gender, birth_date, political_status, leading_cadre, active, version, "
                        + "created_at, updated_at) select id, '统计' || n, case when n % 2 = 0 then 'MALE' else "
                        + "'FEMALE' end, date '1960-01-01' + (n * 37) % 15000, case when n % 10 < 6 then 'FULL' when "
                        + "n % 10 = 6 then 'PROBATIONARY' when n % 10 = 7 then 'ACTIVIST' else 'NON_MEMBER' end, false, "
                        + "true, 0, now(), now() from bench_people",
                "insert into membership (id, person_id, org_unit_id, is_branch, start_date, created_at) select "
                        + "gen_random_uuid(), id, branch_id, true, date '2020-01-01', now() from bench_people",
                // a themed party day each month (hosted by a department) and a party lecture each quarter
                "create temp table bench_sessions on commit drop as select gen_random_uuid() as id, b.id as branch_id, "
                        + "case when m % 3 = 0 then 'PARTY_LECTURE' else 'THEMED_PARTY_DAY' end as kind, "
                        + "make_date(" + YEAR + ", 1 + m % 12, 10 + m / 12) as held_on, (select d.id from org_unit d "
                        + "where d.parent_id = b.id order by d.sort_order limit 1 offset m % 2) as host from org_unit b, "
                        + "generate_series(0, 15) m where b.parent_id = '" + c + "'",
                "insert into party_day (id, branch_id, kind, starts_at, ends_at, held_on, theme, host_unit_id, "
                        + "lecture_slots, state, version, created_at, updated_at) select id, branch_id, kind, "
                        + "held_on + time '06:30', held_on + time '08:30', held_on, '主题学习', host, 2, 'HELD', 0, now(), "
                        + "now() from bench_sessions",
                "insert into attendance (party_day_id, person_id, status, method, recorded_at, recorded_by) select "
                        + "s.id, p.id, case when random() < 0.85 then 'PRESENT' else 'ABSENT' end, 'RECORDED', now(), "
                        + "'bench' from bench_sessions s join bench_people p on p.branch_id = s.branch_id",
                "insert into micro_lecture (id, party_day_id, slot, speaker_id, pinned, outcome, version, created_at, "
                        + "updated_at) select gen_random_uuid(), s.id, k, (select p.id from bench_people p where "
                        + "p.branch_id = s.branch_id offset (k * 37 + extract(doy from s.held_on)::int) % " + PER_BRANCH
                        + " limit 1), false, 'DELIVERED', 0, now(), now() from bench_sessions s, generate_series(1, 2) k",
                // a check-in on about one day in ten, each with its ledger entry
                "create temp table bench_check_ins on commit drop as select gen_random_uuid() as id, "
                        + "gen_random_uuid() as entry_id, p.id as person_id, p.branch_id, d as day from bench_people p, "
                        + "generate_series(date '" + YEAR + "-01-01', date '" + YEAR + "-12-31', interval '1 day') d "
                        + "where random() < 0.1",
                "insert into ledger_entry (id, person_id, activity_type, points, source_type, source_id, business_date, "
                        + "iso_week, created_by, created_at) select entry_id, person_id, 'CHECK_IN', 1, 'CHECK_IN', "
                        + "cast(id as text), day, to_char(day, 'IYYY-\"W\"IW'), 'bench', now() from bench_check_ins",
                "insert into check_in (id, person_id, branch_id, business_date, status, ledger_entry_id, created_by, "
                        + "created_at) select id, person_id, branch_id, day, 'CREDITED', entry_id, 'bench', now() from "
                        + "bench_check_ins",
                "insert into quiz (id, org_unit_id, title, question_ids, time_limit_seconds, publish_from, created_by, "
                        + "version, created_at, updated_at) values ('" + c + "', '" + c + "', '一学一测', array[cast('"
                        + c + "' as uuid)], 600, now(), 'bench', 0, now(), now())",
                "insert into quiz_attempt (id, quiz_id, person_id, started_at, deadline, question_count, pass_score, "
                        + "submitted_at, business_date, score, late, practice, created_by, version, created_at, "
                        + "updated_at) select gen_random_uuid(), '" + c + "', p.id, make_date(" + YEAR + ", m, 15) + "
                        + "time '02:00', make_date(" + YEAR + ", m, 15) + time '02:10', 10, 6, make_date(" + YEAR
                        + ", m, 15) + time '02:05', make_date(" + YEAR + ", m, 15), floor(random() * 11), false, false, "
                        + "'bench', 0, now(), now() from bench_people p, generate_series(1, 12) m where random() < 0.2",
                // the entries are in the standings already: the applier need not read them
                "update standings_position set tx = pg_current_xact_id(), seq = (select max(seq) from ledger_entry)");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                for (String table : List.of("org_unit", "person", "membership", "party_day", "attendance",
                        "micro_lecture", "ledger_entry", "check_in", "quiz_attempt")) {
                    s.execute("analyze " + table);
                }
            }
        }
    }

    private void printCounts(UUID committee) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            for (String table : List.of("party_day", "attendance", "check_in", "ledger_entry", "quiz_attempt",
                    "micro_lecture")) {
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
