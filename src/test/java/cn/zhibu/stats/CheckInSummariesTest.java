package cn.zhibu.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.time.IsoWeek;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The check-ins counted per branch and day and per branch and week ({@link CheckInSummaries}) are the check-ins' own
 * counts once the summariser has caught up, whatever is made, reversed and moved to another branch while it runs.
 */
@QuarkusTest
class CheckInSummariesTest {

    /** The days and weeks of some branches, without a note, whose kept counts are not their check-ins' (one query). */
    private static final String UNNOTED_AS_COUNTED = """
            select (select count(*) from (select branch_id, business_date, count(*) as n, count(distinct person_id) as p
                from check_in where status = 'CREDITED' and :these group by 1, 2) r
              full join (select * from check_in_day where :these) k using (branch_id, business_date)
              where not exists (select 1 from check_in_change c where c.branch_id = coalesce(r.branch_id, k.branch_id)
                and c.business_date = coalesce(r.business_date, k.business_date))
              and (r.n is distinct from k.check_ins or r.p is distinct from k.people))
            + (select count(*) from (select branch_id, cast(date_trunc('week', business_date) as date) as monday,
                count(distinct person_id) as p from check_in where status = 'CREDITED' and :these group by 1, 2) r
              full join (select * from check_in_week where :these) k using (branch_id, monday)
              where not exists (select 1 from check_in_change c where c.branch_id = coalesce(r.branch_id, k.branch_id)
                and c.business_date between coalesce(r.monday, k.monday) and coalesce(r.monday, k.monday) + 6)
              and r.p is distinct from k.people)""";

    @Inject
    CheckInSummaries summaries;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theKeptCountsAreTheCheckInsOwnWhateverChangesBesideTheSummariser() throws Exception {
        String committee = OrgFixtures.unit("COMMITTEE", null);
        List<String> branches = List.of(OrgFixtures.unit("BRANCH", committee), OrgFixtures.unit("BRANCH", committee));
        StatsData d = new StatsData();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            StatsData.Person p = d.person();
            d.member(p, branches.get(i % 2), LocalDate.of(2020, 1, 1), null);
            people.add(p.id());
        }
        d.write();
        LocalDate first = LocalDate.of(2032, 3, 1);
        String these = "branch_id in ('" + String.join("', '", branches) + "')";
        ExecutorService pool = Executors.newFixedThreadPool(5);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int writer = t;
                writers.add(pool.submit(() -> {
                    Random random = new Random(writer);
                    for (int i = writer; i < people.size(); i += 4) { // people of their own: one check-in a day
                        for (int day = 0; day < 21; day++) {
                            if (random.nextInt(3) > 0) {
                                continue;
                            }
                            // at either branch: people in both branches' counts in one week
                            String id = checkIn(people.get(i), branches.get(random.nextInt(2)), first.plusDays(day));
                            switch (random.nextInt(6)) {
                                case 0 -> Sql.execute("update check_in set status = 'REVERSED' where id = ?1", id);
                                case 1 -> Sql.execute("update check_in set branch_id = ?1 where id = ?2",
                                        branches.get(random.nextInt(2)), id);
                                case 2 -> Sql.execute("update check_in set business_date = business_date + 21 "
                                        + "where id = ?1", id); // to a day no check-in of this test is made on
                                default -> {
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            List<Long> wrong = new ArrayList<>();
            Future<Long> summariser = pool.submit(() -> {
                long taken = 0;
                while (writing.get()) {
                    taken += summaries.catchUp();
                    // what a reader sees, in one snapshot: a day or week without a note is kept as its check-ins are
                    wrong.add(Sql.count(UNNOTED_AS_COUNTED.replace(":these", these)));
                }
                return taken;
            });
            for (Future<?> w : writers) {
                w.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            assertTrue(summariser.get(120, TimeUnit.SECONDS) > 0, "the summariser ran while check-ins changed");
            assertTrue(wrong.size() > 1 && wrong.stream().allMatch(n -> n == 0), "kept counts unlike the check-ins' "
                    + "in some snapshot: " + wrong);
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        summaries.catchUp();
        assertEquals(0, Sql.count(UNNOTED_AS_COUNTED.replace(":these", these)));
        assertEquals(0, Sql.count("select count(*) from check_in_change where " + these));
        List<String> days = rows("select concat_ws(' ', branch_id, business_date, count(*), count(distinct person_id)) "
                + "from check_in where status = 'CREDITED' and " + these + " group by branch_id, business_date");
        assertTrue(days.size() > 20, "check-ins on many days: " + days.size());
        assertEquals(days, rows("select concat_ws(' ', branch_id, business_date, check_ins, people) from check_in_day "
                + "where " + these));
        assertEquals(rows("select concat_ws(' ', branch_id, date_trunc('week', business_date)::date, "
                + "count(distinct person_id)) from check_in where status = 'CREDITED' and " + these
                + " group by branch_id, date_trunc('week', business_date)"),
                rows("select concat_ws(' ', branch_id, monday, people) from check_in_week where " + these));
        assertEquals(List.of("0"), rows("select count(*) from (select distinct branch_id, person_id from check_in "
                + "where status = 'CREDITED' and " + these + " except select branch_id, person_id from "
                + "check_in_branch) missing"));
    }

    private List<String> rows(String sql) throws java.sql.SQLException {
        return Sql.rows(dataSource.getConnection(), sql + " order by 1");
    }

    /** A credited check-in with its ledger entry, in a transaction of its own; its id. */
    private static String checkIn(String person, String branch, LocalDate day) {
        String entry = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        Sql.execute("with e as (insert into ledger_entry (id, person_id, activity_type, points, source_type, "
                + "source_id, business_date, iso_week, created_by, created_at) values (?1, ?2, 'CHECK_IN', 1, 'TEST', "
                + "?1, ?3, ?4, 'test', now()) returning id) insert into check_in (id, person_id, branch_id, "
                + "business_date, status, ledger_entry_id, created_by, created_at) select ?5, ?2, ?6, ?3, 'CREDITED', "
                + "e.id, 'test', now() from e", entry, person, day, IsoWeek.of(day).toString(), id, branch);
        return id;
    }
}
