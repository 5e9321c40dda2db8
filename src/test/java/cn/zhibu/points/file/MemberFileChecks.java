package cn.zhibu.points.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Checks a member file (as its JSON reads) against the person's ledger entries read straight from the
 * database: the year's total, and the sums by activity, by week and by month, all equal the entries' sum.
 */
public final class MemberFileChecks {

    private MemberFileChecks() {
    }

    /** Asserts that the file's totals are those of the ledger; {@code file} is the member file's JSON as a map. */
    public static void assertTotalsMatchLedger(DataSource dataSource, String personId, int year,
            Map<String, Object> file) throws Exception {
        Map<String, Long> byActivity = new HashMap<>();
        long total = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select activity_type, points from ledger_entry where person_id = ? "
                        + "and extract(year from business_date) = ?")) {
            s.setObject(1, UUID.fromString(personId));
            s.setInt(2, year);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    total += r.getInt(2);
                    byActivity.merge(r.getString(1), (long) r.getInt(2), Long::sum);
                }
            }
        }
        String who = personId + " in " + year;
        assertEquals(total, number(file.get("total")), "the year's total of " + who);
        assertEquals(total, sum(file, "byActivity"), "the sum by activity of " + who);
        assertEquals(total, sum(file, "byWeek"), "the sum by week of " + who);
        assertEquals(total, sum(file, "byMonth"), "the sum by month of " + who);
        assertEquals(12, ((List<?>) file.get("byMonth")).size(), "twelve months");
        Map<String, Long> filed = new HashMap<>();
        for (Object row : (List<?>) file.get("byActivity")) {
            Map<?, ?> activity = (Map<?, ?>) row;
            filed.put((String) activity.get("activityType"), number(activity.get("points")));
        }
        assertEquals(byActivity, filed, "each activity's total of " + who);
    }

    private static long sum(Map<String, Object> file, String part) {
        return ((List<?>) file.get(part)).stream().mapToLong(row -> number(((Map<?, ?>) row).get("points"))).sum();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
