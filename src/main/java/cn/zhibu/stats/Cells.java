package cn.zhibu.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Small-cell suppression: a figure drawn from fewer than {@code min} people answers null with the reason
 * {@code FEWER_THAN_<min>}. A count of people is suppressed below the threshold (zero included); a rate, mean or
 * distribution when the people it is over (its denominator) are fewer. Each count, series point, category and
 * distribution made here remembers the people it is drawn from, for {@link Differencing} to weigh what a subtraction
 * of shown cells would give away; rates are not remembered (their denominators are never shown).
 */
final class Cells {

    private final int min;
    private final Map<Object, Long> people = new IdentityHashMap<>();
    private final Map<Object, long[]> shares = new IdentityHashMap<>();

    Cells(int min) {
        this.min = min;
    }

    int min() {
        return min;
    }

    String reason() {
        return "FEWER_THAN_" + min;
    }

    boolean small(long people) {
        return people < min;
    }

    /** How many cells were made here. */
    int count() {
        return people.size();
    }

    /** The people a cell made here is drawn from, or null for a cell not made here (a rate). */
    Long peopleOf(Object cell) {
        return people.get(cell);
    }

    /** The people counted and not counted of a share made here over people, or null. */
    long[] shareOf(Object cell) {
        return shares.get(cell);
    }

    /**
     * A share of people ({@link #share}) whose parts are people a subtraction could single out (coverage, weekly
     * participation, the share meeting the study hours): remembered for {@link Differencing} as those counted and
     * those not.
     */
    StatsViews.Figure shareOfPeople(long numerator, long denominator) {
        StatsViews.Figure share = share(numerator, denominator, denominator);
        shares.put(share, new long[] {numerator, denominator - numerator});
        return share;
    }

    /** {@link #shareOfPeople} as a point of a series. */
    StatsViews.Point sharePoint(String period, long numerator, long denominator) {
        StatsViews.Figure share = share(numerator, denominator, denominator);
        StatsViews.Point point = new StatsViews.Point(period, share.value(), share.suppressed());
        shares.put(point, new long[] {numerator, denominator - numerator});
        return point;
    }

    private <T> T kept(T cell, long drawnFrom) {
        people.put(cell, drawnFrom);
        return cell;
    }

    /** A count of people. */
    StatsViews.Figure people(long count) {
        return kept(small(count) ? new StatsViews.Figure(null, reason()) : new StatsViews.Figure(BigDecimal.valueOf(
                count), null), count);
    }

    /** A value drawn from {@code people} people (a count of their doings, a mean). */
    StatsViews.Figure of(BigDecimal value, long people) {
        return kept(unkept(value, people), people);
    }

    /**
     * A figure of the whole period (a count, or a mean over people) shown only when each of its months is drawn from no
     * one or at least min people ({@code months}: the people of each month): else the same figure of two periods a
     * month apart would give that month away.
     */
    StatsViews.Figure ofMonths(BigDecimal value, long people, Collection<Long> months) {
        return months.stream().anyMatch(this::smallPart) ? kept(hidden(StatsViews.Figure.class, null), people)
                : of(value, people);
    }

    private StatsViews.Figure unkept(BigDecimal value, long people) {
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
                : unkept(rate(numerator, denominator), people);
    }

    private boolean smallPart(long part) {
        return part > 0 && part < min;
    }

    StatsViews.Point point(String period, BigDecimal value, long people) {
        return kept(small(people) || value == null ? new StatsViews.Point(period, null, reason())
                : new StatsViews.Point(period, value, null), people);
    }

    StatsViews.Category category(String key, StatsViews.Label label, long count) {
        return kept(small(count) ? new StatsViews.Category(key, label, null, reason())
                : new StatsViews.Category(key, label, BigDecimal.valueOf(count), null), count);
    }

    /**
     * A distribution over {@code people} people, quartiles only (a mean beside them would give an outlier away when
     * the others are at the floor); with a requirement, the share meeting it. Suppressed when they are few.
     */
    StatsViews.Distribution distribution(long people, Object q1, Object median, Object q3, BigDecimal requirement,
            long meeting) {
        if (small(people)) {
            return kept(hidden(StatsViews.Distribution.class, null), people);
        }
        StatsViews.Distribution d = new StatsViews.Distribution((int) people, number(q1), number(median), number(q3),
                requirement, requirement == null ? null : share(meeting, people, people).value(), null);
        if (d.shareMeeting() != null) { // a share suppressed is no part shown: its people stay in what is left over
            shares.put(d, new long[] {meeting, people - meeting});
        }
        return kept(d, people);
    }

    /** The suppressed form of a cell (a figure, category, point or distribution). */
    @SuppressWarnings("unchecked")
    <T> T hidden(Class<T> type, T cell) {
        Object hidden;
        if (type == StatsViews.Figure.class) {
            hidden = new StatsViews.Figure(null, reason());
        } else if (type == StatsViews.Category.class) {
            StatsViews.Category c = (StatsViews.Category) cell;
            hidden = new StatsViews.Category(c.key(), c.label(), null, reason());
        } else if (type == StatsViews.Point.class) {
            hidden = new StatsViews.Point(((StatsViews.Point) cell).period(), null, reason());
        } else if (type == StatsViews.Distribution.class) {
            hidden = new StatsViews.Distribution(null, null, null, null, null, null, reason());
        } else {
            throw new IllegalArgumentException(type.getName());
        }
        return (T) hidden;
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
