package cn.zhibu.platform.db;

import jakarta.persistence.Tuple;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The columns of a native query's row ({@code createNativeQuery(sql, Tuple.class)}) read by their aliases, as the Java
 * types the code works with, whatever the driver and Hibernate hand over (a {@code timestamptz} may come as an
 * OffsetDateTime, a count as a Long or a BigInteger). Null stays null.
 */
public final class Rows {

    private Rows() {
    }

    public static String string(Tuple row, String alias) {
        return (String) row.get(alias);
    }

    public static UUID uuid(Tuple row, String alias) {
        return (UUID) row.get(alias);
    }

    public static Boolean bool(Tuple row, String alias) {
        return (Boolean) row.get(alias);
    }

    public static byte[] bytes(Tuple row, String alias) {
        return (byte[]) row.get(alias);
    }

    public static Instant instant(Tuple row, String alias) {
        return instant(row.get(alias));
    }

    public static LocalDate localDate(Tuple row, String alias) {
        Object value = row.get(alias);
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        throw new IllegalArgumentException("Not a date: " + value.getClass().getName());
    }

    public static Integer integer(Tuple row, String alias) {
        Object value = row.get(alias);
        return value == null ? null : ((Number) value).intValue();
    }

    public static Long longValue(Tuple row, String alias) {
        Object value = row.get(alias);
        return value == null ? null : ((Number) value).longValue();
    }

    public static Double doubleValue(Tuple row, String alias) {
        Object value = row.get(alias);
        return value == null ? null : ((Number) value).doubleValue();
    }

    /** A {@code timestamptz} value (of a row, or a single-column result) as an instant. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + value.getClass().getName());
    }
}
