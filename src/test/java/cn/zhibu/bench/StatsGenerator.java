package cn.zhibu.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A committee's data for the figures, made in set-based SQL (one statement per table, from generate_series) over a
 * connection of the schema's owner, with the foreign keys' and triggers' checks off for the session
 * ({@code session_replication_role = replica}): every row is made consistent by construction, and only inserted.
 * Then every table is analysed.
 * <p>
 * {@code members} people (ids ordered by number) in branches of {@link #PER_BRANCH}, two departments each; branch
 * memberships since 2020, with 2 % transferred to the next branch during {@code year}, 2 % arriving during it and
 * 1 % leaving; per branch 20 sessions in the year (monthly themed party days, quarterly party lectures and member
 * assemblies, hosted by the departments in turn) with every member's attendance (85 % present) and two micro
 * lectures each; a credited check-in (and its ledger entry) on about one day in ten per person, a third of them on
 * one of 40 materials with study hours; a scored quiz attempt in one month in five per person; and an integrity
 * file for one person in 333 with five entries over {@code year} and the year before.
 */
final class StatsGenerator {

    static final int PER_BRANCH = 500;

    private StatsGenerator() {
    }

    /**
     * The tables of the steps that fill them by the million: their indexes other than the constraints' are dropped
     * before and built again after (from their definitions as read, in the same transaction), faster than millions
     * of random insertions into each.
     */
    private static final java.util.Map<String, List<String>> BULK = java.util.Map.of("attendance",
            List.of("attendance"), "check_in", List.of("ledger_entry", "check_in"));

    /** Drops the table's indexes that back no constraint; answers the statements that make them again. */
    private static List<String> dropSecondaryIndexes(Statement s, String table) throws SQLException {
        List<String[]> indexes = new ArrayList<>();
        try (var rows = s.executeQuery("select i.indexname, i.indexdef from pg_indexes i where i.schemaname = "
                + "'public' and i.tablename = '" + table + "' and not exists (select 1 from pg_constraint c where "
                + "c.conindid = cast(quote_ident(i.indexname) as regclass))")) {
            while (rows.next()) {
                indexes.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        List<String> definitions = new ArrayList<>();
        for (String[] index : indexes) {
            s.execute("drop index " + index[0]);
            definitions.add(index[1]);
        }
        return definitions;
    }

    /** A connection as the schema's owner (the embedded test database trusts local connections). */
    static Connection owner() throws SQLException {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getOptionalValue("quarkus.flyway.username", String.class).orElse("postgres");
        String password = config.getOptionalValue("quarkus.flyway.password", String.class).orElse("local");
        return DriverManager.getConnection(url, user, password);
    }

    /** Makes the committee; prints each step's time. */
    static void generate(UUID committee, int members, int year) throws SQLException {
        String c = committee.toString();
        String root = "/" + c + "/";
        int branches = members / PER_BRANCH;
        String y = String.valueOf(year);
        String prefix = "left(md5('" + c + "'), 8)";
        // ordered ids: people and check-ins go into their indexes in order
        String personId = "cast(" + prefix + " || '-0000-4000-8000-' || lpad(to_hex(n), 12, '0') as uuid)";
        String branchId = "cast(md5('" + c + "|b|' || %s) as uuid)";
        String department = "cast(md5('" + c + "|d|' || %s || '|' || %s) as uuid)";
        List<String[]> steps = new ArrayList<>();
        steps.add(new String[] {"org_unit", "insert into org_unit (id, parent_id, kind, name, short_name, sort_order, "
                + "path, version, created_at, updated_at) values ('" + c + "', null, 'COMMITTEE', '统计测试党委"
                + c.substring(0, 8) + "', '统计测试', 0, '" + root + "', 0, now(), now())",
                "insert into org_unit (id, parent_id, kind, name, short_name, sort_order, path, version, created_at, "
                        + "updated_at) select id, '" + c + "', 'BRANCH', '支部' || b, '支部' || b, b, '" + root
                        + "' || id || '/', 0, now(), now() from (select b, " + branchId.formatted("b")
                        + " as id from generate_series(0, " + (branches - 1) + ") b) x",
                "insert into org_unit (id, parent_id, kind, name, short_name, sort_order, path, version, created_at, "
                        + "updated_at) select " + department.formatted("b", "k") + ", " + branchId.formatted("b")
                        + ", 'DEPARTMENT', '科室' || b || '-' || k, '科室' || k, k, '" + root + "' || "
                        + branchId.formatted("b") + " || '/' || " + department.formatted("b", "k") + " || '/', 0, "
                        + "now(), now() from generate_series(0, " + (branches - 1) + ") b, generate_series(1, 2) k"});
        steps.add(new String[] {"person", "create temp table bench_people as select n, n / " + PER_BRANCH + " as b, "
                + personId + " as id, " + branchId.formatted("n / " + PER_BRANCH) + " as branch_id from "
                + "generate_series(0, " + (members - 1) + ") n",
                "create index on bench_people (n)", "analyze bench_people",
                "insert into person (id, name, gender, birth_date, political_status, leading_cadre, active, version, "
                        + "created_at, updated_at) select id, '统计' || n, case when n % 2 = 0 then 'MALE' else "
                        + "'FEMALE' end, date '1960-01-01' + (n * 37) % 15000, case when n % 10 < 6 then 'FULL' when "
                        + "n % 10 = 6 then 'PROBATIONARY' when n % 10 = 7 then 'ACTIVIST' else 'NON_MEMBER' end, "
                        + "n % 333 = 5, true, 0, now(), now() from bench_people order by n"});
        // n % 50 = 1: transferred to the next branch on a day of the year; n % 50 = 2: arrived; n % 100 = 3: left
        String day = "date '" + y + "-01-01' + (n * 7) % 360";
        steps.add(new String[] {"membership", "insert into membership (id, person_id, org_unit_id, is_branch, "
                + "start_date, end_date, created_at) select gen_random_uuid(), id, branch_id, true, case when n % 50 = 2 "
                + "then " + day + " else date '2020-01-01' end, case when n % 50 = 1 or n % 100 = 3 then " + day
                + " end, now() from bench_people order by n",
                "insert into membership (id, person_id, org_unit_id, is_branch, start_date, created_at) select "
                        + "gen_random_uuid(), id, " + branchId.formatted("(b + 1) % " + branches) + ", true, " + day
                        + " + 1, now() from bench_people where n % 50 = 1 order by n"});
        // per branch: m 0-11 monthly themed party days, 12-15 quarterly party lectures, 16-19 quarterly assemblies
        steps.add(new String[] {"party_day", "create temp table bench_sessions as select cast(md5('" + c
                + "|s|' || b || '|' || m) as uuid) as id, b, m, " + branchId.formatted("b") + " as branch_id, case "
                + "when m < 12 then 'THEMED_PARTY_DAY' when m < 16 then 'PARTY_LECTURE' else 'MEMBER_ASSEMBLY' end as "
                + "kind, case when m < 12 then make_date(" + y + ", m + 1, 10) when m < 16 then make_date(" + y
                + ", (m - 12) * 3 + 3, 20) else make_date(" + y + ", (m - 16) * 3 + 1, 25) end as held_on, case when "
                + "m = 15 and b % 10 = 0 then 'CANCELLED' else 'HELD' end as state from generate_series(0, "
                + (branches - 1) + ") b, generate_series(0, 19) m",
                "analyze bench_sessions",
                "insert into party_day (id, branch_id, kind, starts_at, ends_at, held_on, theme, host_unit_id, "
                        + "lecture_slots, state, version, created_at, updated_at) select id, branch_id, kind, held_on + "
                        + "time '06:30', held_on + time '08:30', held_on, '主题学习', " + department.formatted("b",
                                "1 + m % 2") + ", 2, state, 0, now(), now() from bench_sessions order by held_on, b"});
        steps.add(new String[] {"attendance", "insert into attendance (party_day_id, person_id, status, method, "
                + "recorded_at, recorded_by) select s.id, p.id, case when (p.n * 7 + s.m * 13) % 20 < 17 then "
                + "'PRESENT' when (p.n * 7 + s.m * 13) % 20 = 17 then 'LEAVE' else 'ABSENT' end, 'RECORDED', "
                + "s.held_on + time '09:00', 'bench' from bench_sessions s join bench_people p on p.b = s.b "
                + "order by s.held_on, s.b, p.n"});
        steps.add(new String[] {"micro_lecture", "insert into micro_lecture (id, party_day_id, slot, speaker_id, "
                + "pinned, outcome, version, created_at, updated_at) select gen_random_uuid(), s.id, k, p.id, false, "
                + "case when s.state = 'CANCELLED' then 'PENDING' when (s.m + k + s.b) % 7 = 0 then 'NOT_DELIVERED' "
                + "else 'DELIVERED' end, 0, now(), now() from bench_sessions s, generate_series(1, 2) k, bench_people p "
                + "where p.n = s.b * " + PER_BRANCH + " + ((s.m * 2 + k) * 37) % " + PER_BRANCH});
        steps.add(new String[] {"study_material", "insert into study_material (id, org_unit_id, kind, title, url, tags, "
                + "min_study_seconds, publish_from, created_by, version, created_at, updated_at, study_hours) select "
                + "cast(md5('" + c + "|m|' || i) as uuid), '" + c + "', 'ARTICLE', '学习资料' || i, "
                + "'https://example.org/' || i, '{}', 60, date '" + (year - 1) + "-12-01', 'bench', 0, now(), now(), "
                + "0.5 * (1 + i % 4) from generate_series(0, 39) i"});
        // check-ins: day j * 10 + (n + 7 j) % 10 of the year for j = 0..36, one in three on a material
        steps.add(new String[] {"check_in", "create temp table bench_check_ins as select cast(" + prefix
                + " || '-0001-4000-8000-' || lpad(to_hex(p.n * 40 + j), 12, '0') as uuid) as id, cast(" + prefix
                + " || '-0002-4000-8000-' || lpad(to_hex(p.n * 40 + j), 12, '0') as uuid) as entry_id, p.id as "
                + "person_id, p.branch_id, date '" + y + "-01-01' + j * 10 + (p.n + 7 * j) % 10 as day, case when "
                + "(p.n + j) % 3 = 0 then cast(md5('" + c + "|m|' || (p.n + j) % 40) as uuid) end as material_id "
                + "from bench_people p, generate_series(0, 36) j where j * 10 + (p.n + 7 * j) % 10 < 365",
                "insert into ledger_entry (id, person_id, activity_type, points, source_type, source_id, "
                        + "business_date, iso_week, created_by, created_at) select entry_id, person_id, 'CHECK_IN', 1, "
                        + "'CHECK_IN', cast(id as text), day, to_char(day, 'IYYY-\"W\"IW'), 'bench', day + time "
                        + "'12:00' from bench_check_ins order by day, id",
                "insert into check_in (id, person_id, branch_id, material_id, business_date, status, ledger_entry_id, "
                        + "created_by, created_at) select id, person_id, branch_id, material_id, day, 'CREDITED', "
                        + "entry_id, 'bench', day + time '12:00' from bench_check_ins order by day, id",
                // the entries are in the standings already: the applier need not read them
                "update standings_position set tx = pg_current_xact_id(), seq = (select max(seq) from ledger_entry)"});
        String month = "make_date(" + y + ", m, 15)";
        steps.add(new String[] {"quiz_attempt", "insert into quiz (id, org_unit_id, title, question_ids, "
                + "time_limit_seconds, publish_from, created_by, version, created_at, updated_at) values ('" + c
                + "', '" + c + "', '一学一测', array[cast('" + c + "' as uuid)], 600, now(), 'bench', 0, now(), now())",
                "insert into quiz_attempt (id, quiz_id, person_id, started_at, deadline, question_count, pass_score, "
                        + "submitted_at, business_date, score, late, practice, created_by, version, created_at, "
                        + "updated_at) select gen_random_uuid(), '" + c + "', p.id, " + month + " + time '02:00', "
                        + month + " + time '02:10', 10, 6, " + month + " + time '02:05', " + month + ", (p.n * 7 + m) "
                        + "% 11, false, false, 'bench', 0, now(), now() from bench_people p, generate_series(1, 12) m "
                        + "where (p.n + m * 3) % 5 = 0 order by m, p.n"});
        // integrity: a file for n % 333 = 5, entries: profile, then a review and a report in each of two years
        String file = "cast(md5('" + c + "|f|' || p.n) as uuid)";
        steps.add(new String[] {"integrity", "insert into integrity_file (id, person_id, unit_id, opened_reason, "
                + "appointed_on, profile_due, review_months, next_review_due, last_reviewed_on, last_report_year, state, "
                + "entry_count, opened_at, updated_at, version) select " + file + ", p.id, p.branch_id, 'APPOINTMENT', "
                + "date '" + (year - 3) + "-01-01' + p.n % 700, case when p.n % 3 = 0 then date '" + y + "-06-01' end, "
                + "12, date '" + y + "-03-01' + p.n % 500, date '" + (year - 1) + "-03-01', case when p.n % 4 = 0 then "
                + (year - 2) + " else " + (year - 1) + " end, case when p.n % 20 = 0 then 'CLOSED' else 'OPEN' end, "
                + "case when p.n % 2 = 0 then 5 else 4 end, "
                + "date '" + (year - 3) + "-01-01' + p.n % 700, now(), 0 from bench_people p where p.n % 333 = 5",
                "insert into integrity_entry (id, file_id, seq, type, recorded_at, prev_hash, hash) select "
                        + "cast(md5('" + c + "|e|' || p.n || '|' || k) as uuid), " + file + ", k, case k when 1 then "
                        + "'PROFILE' when 2 then 'PERSONAL_MATTERS' when 3 then 'CONDUCT_REVIEW' when 4 then "
                        + "'PERSONAL_MATTERS' else 'CONDUCT_REVIEW' end, case k when 1 then date '" + (year - 2)
                        + "-01-05' when 2 then date '" + (year - 1) + "-02-01' when 3 then date '" + (year - 1)
                        + "-06-01' + p.n % 150 when 4 then date '" + y + "-02-01' + p.n % 60 else date '" + y
                        + "-05-01' + p.n % 200 end + time '10:00', case when k > 1 then sha256(convert_to('" + c
                        + "' || p.n || '|' || (k - 1), 'UTF8')) end, sha256(convert_to('" + c + "' || p.n || '|' || k, "
                        + "'UTF8')) from bench_people p, generate_series(1, 5) k where p.n % 333 = 5 and (k < 5 or "
                        + "p.n % 2 = 0)"});
        try (Connection connection = owner(); Statement s = connection.createStatement()) {
            s.execute("set session_replication_role = replica");
            s.execute("set synchronous_commit = off");
            s.execute("set statement_timeout = 0");
            s.execute("set work_mem = '256MB'");
            s.execute("set maintenance_work_mem = '512MB'");
            for (String[] step : steps) {
                long began = System.nanoTime();
                connection.setAutoCommit(false);
                List<String> rebuilt = new ArrayList<>();
                for (String table : BULK.getOrDefault(step[0], List.of())) {
                    rebuilt.addAll(dropSecondaryIndexes(s, table));
                }
                for (int i = 1; i < step.length; i++) {
                    s.execute(step[i]);
                }
                for (String index : rebuilt) {
                    s.execute(index);
                }
                connection.commit();
                connection.setAutoCommit(true);
                System.out.printf("  generated %-15s in %6.1f s%n", step[0], (System.nanoTime() - began) / 1e9);
            }
            long began = System.nanoTime();
            for (String table : List.of("org_unit", "person", "membership", "party_day", "attendance", "micro_lecture",
                    "study_material", "ledger_entry", "check_in", "quiz_attempt", "integrity_file",
                    "integrity_entry")) {
                s.execute("vacuum analyze " + table);
            }
            System.out.printf("  vacuum analyze            in %6.1f s%n", (System.nanoTime() - began) / 1e9);
        }
    }
}
