package cn.zhibu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.exports.ExportWorker;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestTime;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * One branch's year exported as the inspection ledger: 200 members (made in SQL) with a check-in and its ledger entry
 * on every working day, a manual award a week, 24 sessions with minutes, everyone's attendance and a 200 KiB photo
 * each, 36 lectures, 50 quiz attempts per member and some honours; then every section but the integrity figures
 * exported over HTTP and the worker run here. Prints the rows, the time the worker took, the ZIP's size and the peak
 * heap in use meanwhile (the heap pools' peaks, reset before the run; an upper bound, the service's other work
 * included). Goal: under 30 s and 256 MB. Asserts no timings. Run it with
 * {@code ./mvnw test -Dtest=ExportBenchmark -Dzhibu.bench=true -DargLine=-Xmx256m} (the whole test service in
 * a 256 MB heap: that it completes is the memory check).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "zhibu.bench", matches = "true")
class ExportBenchmark {

    private static final int MEMBERS = 200;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ExportWorker worker;

    @Test
    void aBranchsYearWith200Members() throws Exception {
        int year = TestTime.today().getYear() - 1;
        UUID committee = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        long rows = generate(committee, branch, year);
        String id = Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("unitId", branch.toString(), "year", year,
                "sections", List.of("SESSIONS", "LECTURES", "CHECK_INS_AND_POINTS", "QUIZZES",
                        "EVALUATIONS_AND_HONOURS"))).post("/v1/exports").then().statusCode(202).extract().path("id");
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        worker.pass();
        long millis = (System.nanoTime() - started) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        var job = Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/exports/" + id).then().statusCode(200).extract();
        assertEquals("DONE", job.path("state"));
        long bytes = ((Number) job.path("bytes")).longValue();
        System.out.printf("%nExport benchmark: one branch, %d members, %d rows in the year's tables; max heap %d MB%n",
                MEMBERS, rows, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("  the worker took %d ms (goal: under 30 s); the ZIP has %.1f MB%n", millis,
                bytes / 1048576.0);
        System.out.printf("  heap in use before %d MB; peak of the heap pools during the export %d MB "
                + "(goal: under 256 MB)%n", before >> 20, peak >> 20);
    }

    /** The branch's year in SQL; how many rows the export reads. */
    private long generate(UUID committee, UUID branch, int year) throws Exception {
        String y = Integer.toString(year);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            String[] statements = {
                "insert into org_unit (id, parent_id, kind, name, short_name, sort_order, path, version, created_at, "
                    + "updated_at) values ('" + committee + "', null, 'COMMITTEE', '导出测试党委" + committee.toString()
                    .substring(0, 8) + "', '导出测试', 0, '/" + committee + "/', 0, now(), now())",
                "insert into org_unit (id, parent_id, kind, name, short_name, sort_order, path, version, created_at, "
                    + "updated_at) values ('" + branch + "', '" + committee + "', 'BRANCH', '导出测试支部', '导出测试支部',"
                    + " 0, '/" + committee + "/" + branch + "/', 0, now(), now())",
                "create temporary table bench_people on commit drop as select gen_random_uuid() as id, n "
                    + "from generate_series(1, " + MEMBERS + ") n",
                "insert into person (id, name, gender, birth_date, political_status, leading_cadre, active, version, "
                    + "created_at, updated_at) select id, '党员' || n, 'MALE', date '1980-01-01', 'FULL', false, true, 0, "
                    + "now(), now() from bench_people",
                "insert into membership (id, person_id, org_unit_id, is_branch, start_date, created_at) select "
                    + "gen_random_uuid(), id, '" + branch + "', true, date '2020-01-01', now() from bench_people",
                "create temporary table bench_days on commit drop as select d::date as day from generate_series("
                    + "date '" + y + "-01-01', date '" + y + "-12-31', interval '1 day') d where extract(isodow from d) < 6",
                "create temporary table bench_entries on commit drop as select gen_random_uuid() as id, p.id as person_id,"
                    + " d.day from bench_people p cross join bench_days d",
                "insert into ledger_entry (id, person_id, activity_type, points, source_type, source_id, business_date, "
                    + "iso_week, created_by, created_at) select id, person_id, 'CHECK_IN', 1, 'BENCH', id::text, day, "
                    + "to_char(day, 'IYYY-\"W\"IW'), 'bench', day + time '08:00' from bench_entries",
                "insert into check_in (id, person_id, branch_id, business_date, note, status, ledger_entry_id, "
                    + "created_by, created_at) select gen_random_uuid(), person_id, '" + branch + "', day, '学习党章', "
                    + "'CREDITED', id, 'bench', day + time '08:00' from bench_entries",
                "insert into ledger_entry (id, person_id, activity_type, points, source_type, source_id, business_date, "
                    + "iso_week, created_by, created_at) select gen_random_uuid(), p.id, 'MANUAL_AWARD', 2, 'BENCH', "
                    + "gen_random_uuid()::text, d.day, to_char(d.day, 'IYYY-\"W\"IW'), 'bench', d.day + time '18:00' "
                    + "from bench_people p cross join bench_days d where extract(isodow from d.day) = 5",
                "create temporary table bench_sessions on commit drop as select gen_random_uuid() as id, m, k from "
                    + "generate_series(1, 12) m cross join (values ('THEMED_PARTY_DAY'), ('MEMBER_ASSEMBLY')) as k(k)",
                "insert into party_day (id, branch_id, kind, starts_at, ends_at, held_on, theme, lecture_slots, state, "
                    + "version, created_at, updated_at) select id, '" + branch + "', k, make_date(" + y + ", m, 20) + "
                    + "time '06:30', make_date(" + y + ", m, 20) + time '08:30', make_date(" + y + ", m, 20), "
                    + "'每月主题学习', case when k = 'THEMED_PARTY_DAY' then 3 else 0 end, 'HELD', 0, now(), now() "
                    + "from bench_sessions",
                "insert into minutes (party_day_id, host_id, recorder_id, topics, resolutions, version, written_by, "
                    + "written_at) select s.id, (select id from bench_people where n = 1), (select id from bench_people "
                    + "where n = 2), '[\"学习\", \"讨论\"]', '[]', 1, 'bench', now() from bench_sessions s",
                "insert into attendance (party_day_id, person_id, status, method, recorded_at, recorded_by) select s.id, "
                    + "p.id, case when p.n % 10 = 0 then 'LEAVE' else 'PRESENT' end, 'RECORDED', now(), 'bench' "
                    + "from bench_sessions s cross join bench_people p",
                "insert into micro_lecture (id, party_day_id, slot, speaker_id, pinned, outcome, version, created_at, "
                    + "updated_at) select gen_random_uuid(), s.id, slot, (select id from bench_people where n = s.m * 3 "
                    + "+ slot), false, 'DELIVERED', 0, now(), now() from bench_sessions s cross join generate_series(1, 3)"
                    + " slot where s.k = 'THEMED_PARTY_DAY'",
                "insert into minutes_attachment (party_day_id, id, position, purpose, file_name, content_type, size, "
                    + "sha256, content, uploaded_by, uploaded_at) select s.id, gen_random_uuid(), 1, 'PHOTO', "
                    + "'photo.jpg', 'image/jpeg', 204800, encode(sha256(b.c), 'hex'), b.c, 'bench', now() from "
                    + "bench_sessions s cross join lateral (select decode(repeat(md5(s.id::text), 12800), 'hex') as c) b",
                "insert into quiz (id, org_unit_id, title, question_ids, time_limit_seconds, pass_score, publish_from, "
                    + "created_by, version, created_at, updated_at) values ('" + committee + "', '" + branch + "', "
                    + "'党章测验', array[gen_random_uuid(), gen_random_uuid(), gen_random_uuid()], 600, 2, "
                    + "date '" + y + "-01-01', 'bench', 0, now(), now())",
                "insert into quiz_attempt (id, quiz_id, person_id, started_at, deadline, question_count, pass_score, "
                    + "submitted_at, business_date, score, late, practice, created_by, version, created_at, updated_at) "
                    + "select gen_random_uuid(), '" + committee + "', p.id, d.day + time '02:00', d.day + time '02:10', "
                    + "3, 2, d.day + time '02:05', d.day, 2, false, false, 'bench', 0, now(), now() from bench_people p "
                    + "cross join (select day from bench_days order by day limit 50) d",
                "insert into honour (id, person_id, title, level, year, awarded_by, version, created_by, created_at, "
                    + "updated_at) select gen_random_uuid(), id, '优秀共产党员', 'BRANCH', " + y + ", '机关党委', 0, "
                    + "'bench', now(), now() from bench_people where n <= 20"};
            try (var s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
            c.commit();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement count = c.prepareStatement("""
                select (select count(*) from check_in where branch_id = ?) + (select count(*) from ledger_entry l
                    join membership m on m.person_id = l.person_id and m.org_unit_id = ?)
                    + (select count(*) from attendance a join party_day d on d.id = a.party_day_id
                       where d.branch_id = ?)
                    + (select count(*) from quiz_attempt where quiz_id = ?)""")) {
            count.setObject(1, branch);
            count.setObject(2, branch);
            count.setObject(3, branch);
            count.setObject(4, committee);
            try (var r = count.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
