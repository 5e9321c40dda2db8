package cn.zhibu.lecture.calendar;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Writes events as an RFC 5545 iCalendar object, for calendar apps to subscribe to.
 *
 * <p>The result has CRLF line endings, TEXT values escaped, and content lines folded so that none exceeds
 * 75 octets once encoded as UTF-8 (folds never split a character). Serve it as
 * {@code text/calendar; charset=UTF-8}. Instants are written in UTC, truncated to the second. A calendar of no
 * events is written without components, which calendar apps read as empty although RFC 5545's grammar asks
 * for at least one.
 */
public final class ICalendar {

    /** One event of the calendar. {@code description} and {@code location} may be null. */
    public record Event(String uid, long sequence, Instant start, Instant end, String summary,
            String description, String location, Status status, Instant lastModified) {

        public Event {
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(lastModified, "lastModified");
            if (uid.isBlank() || uid.chars().anyMatch(ICalendar::isControl)) {
                throw new IllegalArgumentException("A uid must be one line of text, not blank");
            }
            if (sequence < 0) {
                throw new IllegalArgumentException("A sequence is never negative: " + sequence);
            }
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("An event ends at " + end + ", before its start at " + start);
            }
            for (Instant instant : new Instant[] {start, end, lastModified}) {
                checkWritable(instant);
            }
        }
    }

    /** The STATUS values of RFC 5545 for events. */
    public enum Status { TENTATIVE, CONFIRMED, CANCELLED }

    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** DATE-TIME has a four-digit year. */
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z");

    private ICalendar() {}

    /** The calendar {@code calendarName} of {@code events} in their order, stamped (DTSTAMP) {@code stamp}. */
    public static String write(String calendarName, Instant stamp, List<Event> events) {
        Objects.requireNonNull(calendarName, "calendarName");
        checkWritable(Objects.requireNonNull(stamp, "stamp"));
        String dtstamp = dateTime(stamp);
        StringBuilder out = new StringBuilder(256 + 512 * events.size());
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//zhibu//party days//ZH");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(calendarName));
        for (Event event : events) {
            String start = dateTime(event.start());
            String end = dateTime(event.end());
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + text(event.uid()));
            line(out, "SEQUENCE:" + event.sequence());
            line(out, "DTSTAMP:" + dtstamp);
            line(out, "DTSTART:" + start);
            if (!end.equals(start)) { // DTEND must be later than DTSTART; without it the event is an instant
                line(out, "DTEND:" + end);
            }
            line(out, "SUMMARY:" + text(event.summary()));
            optional(out, "DESCRIPTION:", event.description());
            optional(out, "LOCATION:", event.location());
            line(out, "STATUS:" + event.status().name());
            line(out, "LAST-MODIFIED:" + dateTime(event.lastModified()));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static void optional(StringBuilder out, String name, String value) {
        if (value != null && !value.isEmpty()) {
            line(out, name + text(value));
        }
    }

    private static void checkWritable(Instant instant) {
        if (instant.isBefore(FIRST) || !instant.isBefore(AFTER_LAST)) {
            throw new IllegalArgumentException("An iCalendar date has years 0000 to 9999: " + instant);
        }
    }

    private static String dateTime(Instant instant) {
        return UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** CONTROL of RFC 5545: not allowed in TEXT, except HTAB. */
    private static boolean isControl(int c) {
        return c < 0x20 && c != '\t' || c == 0x7F;
    }

    /**
     * A TEXT value: backslash, semicolon and comma escaped, line breaks (LF, CRLF or CR) as {@code \n}; other
     * control characters and unpaired surrogates, which UTF-8 cannot carry, are left out.
     */
    static String text(String value) {
        StringBuilder b = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> {
                    b.append("\\n");
                    if (i < value.length() && value.charAt(i) == '\n') {
                        i++;
                    }
                }
                default -> {
                    if (!isControl(c) && Character.getType(c) != Character.SURROGATE) {
                        b.appendCodePoint(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Appends a content line folded at 75 octets of UTF-8, continuation lines starting with a space. */
    private static void line(StringBuilder out, String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int c = line.codePointAt(i);
            i += Character.charCount(c);
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(c);
            octets += size;
        }
        out.append("\r\n");
    }
}
