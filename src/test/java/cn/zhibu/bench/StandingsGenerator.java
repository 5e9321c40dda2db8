package cn.zhibu.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Fills one ISO week's standings for many members, in SQL, fast: a committee with one branch per
 * {@link #PER_BRANCH} members, the people with their branch memberships, and for about seven in ten of them
 * a week row (points skewed low, as real weeks are: many small totals, few large ones) and the buckets.
 * It grows: each call adds people up to the total asked. It writes the standings directly, with one ledger entry per
 * week row that they agree with (a publication checks that), and moves the standings applier's position past those
 * entries in the same transaction: it measures reading and publishing boards, not crediting. Run it with nothing
 * else crediting.
 */
final class StandingsGenerator {

    static final int PER_BRANCH = 200;

    private final DataSource dataSource;
    private final String week;
    final UUID committee = UUID.randomUUID();
    private int people;
    private int branches;

    StandingsGenerator(DataSource dataSource, String week) throws SQLException {
        this.dataSource = dataSource;
        this.week = week;
        execute("insert into org_unit (id, parent_id, kind, name, short_name, sort_order, path, version, created_at, "
                + "updated_at) values ('" + committee + "', null, 'COMMITTEE', '规模测试党委" + committee.toString()
                .substring(0, 8) + "', '规模测试', 0, '/" + committee + "/', 0, now(), now())");
    }

    /** A branch's id: the MD5 of the committee's id and the branch's number, as the SQL below makes it. */
    UUID branchId(int branch) {
        try {
            byte[] md5 = java.security.MessageDigest.getInstance("MD5")
                    .digest((committee + "|" + branch).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(md5);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds people (and branches) until there are {@code total}; then recounts the week's buckets. */
    void growTo(int total) throws SQLException {
        int wantBranches = (total + PER_BRANCH - 1) / PER_BRANCH;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement units = c.prepareStatement("""
                    insert into org_unit (id, parent_id, kind, name, short_name, sort_order, path, version, created_at,
                        updated_at)
                    select b.id, ?, 'BRANCH', '支部' || b.n, '支部' || b.n, b.n, ? || b.id || '/', 0, now(), now()
                    from (select n, cast(md5(? || '|' || n) as uuid) as id from generate_series(?, ?) n) b""")) {
                units.setObject(1, committee);
                units.setString(2, "/" + committee + "/");
                units.setString(3, committee.toString());
                units.setInt(4, branches);
                units.setInt(5, wantBranches - 1);
                units.executeUpdate();
            }
            try (PreparedStatement persons = c.prepareStatement("""
                    with p as (select n, gen_random_uuid() as id from generate_series(?, ?) n),
                    made as (
                        insert into person (id, name, gender, birth_date, political_status, leading_cadre, active,
                            version, created_at, updated_at)
                        select id, '党员' || n, case when n % 2 = 0 then 'MALE' else 'FEMALE' end, date '1980-01-01',
                            'FULL', false, true, 0, now(), now() from p returning id),
                    numbered as (select id, row_number() over () + ? - 1 as n from made),
                    joined as (
                        insert into membership (id, person_id, org_unit_id, is_branch, start_date, created_at)
                        select gen_random_uuid(), id, cast(md5(? || '|' || (n / ?)) as uuid), true,
                            date '2020-01-01', now() from numbered returning person_id, org_unit_id)
                    scored as (
                        insert into week_score (iso_week, person_id, branch_id, unit_ids, points, entries, reached_at)
                        select ?, person_id, org_unit_id, array[cast(? as uuid), org_unit_id],
                            floor(power(random(), 2) * 60)::int, 1, now() - random() * interval '6 days'
                        from joined where random() < 0.7 returning person_id, points, reached_at, iso_week)
                    insert into ledger_entry (id, person_id, activity_type, points, source_type, source_id,
                        business_date, iso_week, created_by, created_at)
                    select gen_random_uuid(), person_id, 'MANUAL_AWARD', points, 'GENERATOR', cast(person_id as text),
                        cast(? as date), iso_week, 'generator', reached_at from scored""")) {
                persons.setInt(1, people);
                persons.setInt(2, total - 1);
                persons.setInt(3, people);
                persons.setString(4, committee.toString());
                persons.setInt(5, PER_BRANCH);
                persons.setString(6, week);
                persons.setObject(7, committee);
                persons.setObject(8, cn.zhibu.platform.time.IsoWeek.parse(week).monday());
                persons.executeUpdate();
            }
            try (Statement statement = c.createStatement()) {
                // the entries just made are in the standings already
                statement.execute("update standings_position set tx = pg_current_xact_id(), "
                        + "seq = (select max(seq) from ledger_entry)");
                statement.execute("delete from week_bucket where iso_week = '" + week + "' and unit_id in (select id "
                        + "from org_unit where path like '/" + committee + "/%')");
                // spread over the 16 shards as the service's credits spread them (by person)
                statement.execute("insert into week_bucket (iso_week, unit_id, points, shard, people) select "
                        + "s.iso_week, u.id, s.points, abs(hashtext(cast(s.person_id as text))) % 16, count(*) "
                        + "from week_score s cross join lateral unnest(s.unit_ids) as u(id) "
                        + "where s.iso_week = '" + week + "' and s.unit_ids[1] = '" + committee + "' and s.entries > 0 "
                        + "group by 1, 2, 3, 4");
                statement.execute("analyze week_score");
                statement.execute("analyze ledger_entry");
                statement.execute("analyze week_bucket");
                statement.execute("analyze membership");
                statement.execute("analyze org_unit");
            }
            c.commit();
        }
        people = total;
        branches = wantBranches;
    }

    int branches() {
        return branches;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
