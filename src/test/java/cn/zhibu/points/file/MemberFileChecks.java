package cn.zhibu.points.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.time.IsoWeek;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Checks a member file (as its JSON reads) against the person's ledger entries read straight from the
 * database, each group recomputed here from the entries' business dates (the ISO week by {@link IsoWeek},
 * the month) rather than taken from what the ledger stored; and checks that the ledger kept a rule's caps.
 */
public final class MemberFileChecks {

    /** One ledger entry as the database holds it. */
    record Row(String activityType, LocalDate date, int points, boolean reversal, boolean reversed) {
    }

    /** A rule's caps (null: none) for one activity. */
    public record Caps(Integer dailyCap, Integer weeklyCap, Integer maxCount) {
    }

    private MemberFileChecks() {
    }

    /**
     * Asserts that each part of the file is what the ledger says: the year's total, and every group of the
     * sums by activity, by ISO week (the weeks with entries, in order) and by month (all twelve).
     * {@code file} is the member file's JSON as a map.
     */
    public static void assertTotalsMatchLedger(DataSource dataSource, String personId, int year,
            Map<String, Object> file) throws Exception {
        long total = 0;
        Map<String, Long> byActivity = new HashMap<>();
        Map<String, Long> byWeek = new TreeMap<>();
        Map<Integer, Long> byMonth = new TreeMap<>();
        for (int month = 1; month <= 12; month++) {
            byMonth.put(month, 0L);
        }
        for (Row row : rows(dataSource, personId)) {
            if (row.date().getYear() != year) {
                continue;
            }
            total += row.points();
            byActivity.merge(row.activityType(), (long) row.points(), Long::sum);
            byWeek.merge(IsoWeek.of(row.date()).toString(), (long) row.points(), Long::sum);
            byMonth.merge(row.date().getMonthValue(), (long) row.points(), Long::sum);
        }
        String who = personId + " in " + year;
        assertEquals(total, number(file.get("total")), "the year's total of " + who);
        assertEquals(byActivity, groups(file, "byActivity", "activityType"), "each activity's sum of " + who);
        Map<Object, Long> weeks = groups(file, "byWeek", "isoWeek");
        assertEquals(byWeek, weeks, "each week's sum of " + who);
        assertEquals(new ArrayList<>(byWeek.keySet()), new ArrayList<>(weeks.keySet()), "the weeks in order, " + who);
        Map<Object, Long> months = groups(file, "byMonth", "month");
        assertEquals(new ArrayList<>(byMonth.keySet()), new ArrayList<>(months.keySet()), "twelve months in order");
        assertEquals(byMonth, months, "each month's sum of " + who);
    }

    /**
     * Asserts that the person's ledger (every year) kept the caps: the net points of an activity on a day at
     * most its daily cap, in an ISO week at most its weekly cap, and at most {@code maxCount} credits that
     * earned points and were not reversed.
     */
    public static void assertCapsHeld(DataSource dataSource, String personId, Map<String, Caps> caps)
            throws Exception {
        Map<String, Long> daily = new HashMap<>();
        Map<String, Long> weekly = new HashMap<>();
        Map<String, Integer> counted = new HashMap<>();
        for (Row row : rows(dataSource, personId)) {
            daily.merge(row.activityType() + " on " + row.date(), (long) row.points(), Long::sum);
            weekly.merge(row.activityType() + " in " + IsoWeek.of(row.date()), (long) row.points(), Long::sum);
            if (!row.reversal() && !row.reversed() && row.points() > 0) {
                counted.merge(row.activityType(), 1, Integer::sum);
            }
        }
        daily.forEach((day, net) -> {
            Integer cap = caps.get(day.substring(0, day.indexOf(' '))).dailyCap();
            assertTrue(cap == null || net <= cap, personId + ": " + net + " points of " + day + ", daily cap " + cap);
        });
        weekly.forEach((week, net) -> {
            Integer cap = caps.get(week.substring(0, week.indexOf(' '))).weeklyCap();
            assertTrue(cap == null || net <= cap, personId + ": " + net + " points of " + week + ", weekly cap " + cap);
        });
        counted.forEach((activity, count) -> {
            Integer most = caps.get(activity).maxCount();
            assertTrue(most == null || count <= most, personId + ": " + count + " credits of " + activity
                    + " that earned points, most " + most);
        });
    }

    private static List<Row> rows(DataSource dataSource, String personId) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select e.activity_type, e.business_date, e.points, e.reverses is not null, "
                        + "exists (select 1 from ledger_entry r where r.reverses = e.id) "
                        + "from ledger_entry e where e.person_id = ?")) {
            s.setObject(1, UUID.fromString(personId));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getString(1), r.getObject(2, LocalDate.class), r.getInt(3), r.getBoolean(4),
                            r.getBoolean(5)));
                }
            }
        }
        return rows;
    }

    /** A part of the file as key to points, in the file's order. */
    @SuppressWarnings("unchecked")
    private static <K> Map<K, Long> groups(Map<String, Object> file, String part, String key) {
        Map<K, Long> groups = new LinkedHashMap<>();
        for (Object row : (List<?>) file.get(part)) {
            Map<?, ?> group = (Map<?, ?>) row;
            Long earlier = groups.put((K) group.get(key), number(group.get("points")));
            assertEquals(null, earlier, part + " names " + group.get(key) + " twice");
        }
        return groups;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
