package cn.zhibu.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 week, written {@code 2026-W48}: Monday to Sunday, in the week-based year. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

    public static final String PATTERN = "^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$";
    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    public IsoWeek {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        int weeks = weeksIn(year);
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException(year + " has weeks 1 to " + weeks + ", not " + week);
        }
    }

    public static IsoWeek of(LocalDate date) {
        return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Parses {@code 2026-W48}; anything else, including week 53 of a 52-week year, is refused. */
    public static IsoWeek parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            throw new DateTimeParseException("not an ISO week (expected like 2026-W48)", String.valueOf(text), 0);
        }
        int year = Integer.parseInt(text.substring(0, 4));
        int week = Integer.parseInt(text.substring(6));
        try {
            return new IsoWeek(year, week);
        } catch (IllegalArgumentException e) {
            throw new DateTimeParseException(e.getMessage(), text, 6);
        }
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    public IsoWeek next() {
        return of(monday().plusWeeks(1));
    }

    public IsoWeek previous() {
        return of(monday().minusWeeks(1));
    }

    static int weeksIn(int year) {
        return LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR); // 28 December is in the last week
    }

    @Override
    public int compareTo(IsoWeek other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(week, other.week);
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }
}
