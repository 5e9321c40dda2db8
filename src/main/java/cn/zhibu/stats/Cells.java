package cn.zhibu.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Small-cell suppression: a figure drawn from fewer than {@code min} people answers null with the reason
 * {@code FEWER_THAN_<min>}. A count of people is suppressed below the threshold (zero included); a rate, mean or
 * distribution when the people it is over (its denominator) are fewer.
 */
record Cells(int min) {

    String reason() {
        return "FEWER_THAN_" + min;
    }

    boolean small(long people) {
        return people < min;
    }

    /** A count of people. */
    StatsViews.Figure people(long count) {
        return small(count) ? new StatsViews.Figure(null, reason()) : new StatsViews.Figure(BigDecimal.valueOf(count),
                null);
    }

    /** A value drawn from {@code people} people. */
    StatsViews.Figure of(BigDecimal value, long people) {
        return small(people) || value == null ? new StatsViews.Figure(null, reason())
                : new StatsViews.Figure(value, null);
    }

    /**
     * The share {@code numerator / denominator} over a group of {@code people}: suppressed when the group is small, and
     * also when those counted or those not counted are 1 to min − 1 people, so that a share never gives a small group
     * away (3 of 40 members checked in, 38 of 40 attended).
     */
    StatsViews.Figure share(long numerator, long denominator, long people) {
        return smallPart(numerator) || smallPart(denominator - numerator) ? new StatsViews.Figure(null, reason())
                : of(rate(numerator, denominator), people);
    }

    private boolean smallPart(long part) {
        return part > 0 && part < min;
    }

    StatsViews.Point point(String period, BigDecimal value, long people) {
        return small(people) || value == null ? new StatsViews.Point(period, null, reason())
                : new StatsViews.Point(period, value, null);
    }

    StatsViews.Category category(String key, StatsViews.Label label, long count) {
        return small(count) ? new StatsViews.Category(key, label, null, reason())
                : new StatsViews.Category(key, label, BigDecimal.valueOf(count), null);
    }

    /** numerator / denominator to four decimals (null without a denominator). */
    static BigDecimal rate(long numerator, long denominator) {
        return denominator == 0 ? null : number(BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator),
                4, RoundingMode.HALF_UP));
    }

    /** A number read from the database, to at most four decimals, without trailing zeros beyond the integer. */
    static BigDecimal number(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        d = d.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }
}
