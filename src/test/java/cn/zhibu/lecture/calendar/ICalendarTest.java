package cn.zhibu.lecture.calendar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.property.TextProperty;
import cn.zhibu.lecture.calendar.ICalendar.Event;
import cn.zhibu.lecture.calendar.ICalendar.Status;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/** The written calendar, read back by an independent parser (biweekly). */
class ICalendarTest {

    private static final Instant STAMP = Instant.parse("2026-03-01T08:00:00.123456Z");
    private static final Instant START = Instant.parse("2026-03-27T06:30:00Z");
    private static final Instant END = Instant.parse("2026-03-27T08:00:00Z");
    private static final Instant MODIFIED = Instant.parse("2026-02-28T10:15:30Z");

    private static Event event(String uid, String summary, String description, String location) {
        return new Event(uid, 0, START, END, summary, description, location, Status.CONFIRMED, MODIFIED);
    }

    @Test
    void everyFieldComesBackFromAParser() {
        Event first = new Event("party-day-2026q1-1@zhibu", 3, Instant.parse("2026-03-27T06:30:00.999Z"),
                Instant.parse("2026-03-27T07:00:00.5Z"), "微型党课：学习贯彻党的二十大精神",
                "主讲人：张三, 李四; 路径 C:\\党课\\课件\n第二行\n\n第四行", "三楼会议室, 东侧",
                Status.TENTATIVE, Instant.parse("2026-03-01T07:59:59.9Z"));
        Event second = new Event("party-day-2026q1-2@zhibu", 0, END, END.plusSeconds(1800), "第二讲", null, null,
                Status.CANCELLED, MODIFIED);
        Event third = new Event("party-day-2026q1-3@zhibu", 12, START, END, "第三讲", "", "", Status.CONFIRMED,
                MODIFIED);

        String text = ICalendar.write("第一党支部, 党日", STAMP, List.of(first, second, third));
        var calendar = parse(text);

        assertEquals(ICalVersion.V2_0, calendar.getVersion());
        assertEquals("-//zhibu//party days//ZH", calendar.getProductId().getValue());
        assertEquals("GREGORIAN", calendar.getCalendarScale().getValue());
        assertEquals("PUBLISH", calendar.getMethod().getValue());
        assertTrue(text.contains("\r\nX-WR-CALNAME:第一党支部\\, 党日\r\n"), text);
        List<VEvent> events = calendar.getEvents();
        assertEquals(3, events.size());

        VEvent one = events.get(0);
        assertEquals("party-day-2026q1-1@zhibu", one.getUid().getValue());
        assertEquals(3, one.getSequence().getValue());
        assertEquals(Instant.parse("2026-03-01T08:00:00Z"), one.getDateTimeStamp().getValue().toInstant());
        assertEquals(Instant.parse("2026-03-27T06:30:00Z"), one.getDateStart().getValue().toInstant());
        assertEquals(Instant.parse("2026-03-27T07:00:00Z"), one.getDateEnd().getValue().toInstant());
        assertEquals(first.summary(), one.getSummary().getValue());
        assertEquals(first.description(), one.getDescription().getValue());
        assertEquals(first.location(), one.getLocation().getValue());
        assertEquals("TENTATIVE", one.getStatus().getValue());
        assertEquals(Instant.parse("2026-03-01T07:59:59Z"), one.getLastModified().getValue().toInstant());
        assertTrue(text.contains("\r\nDTSTART:20260327T063000Z\r\n"), text);
        String unfolded = text.replace("\r\n ", "");
        assertTrue(unfolded.contains("\r\nDESCRIPTION:主讲人：张三\\, 李四\\; 路径 C:\\\\党课\\\\课件\\n第二行\\n\\n第四行\r\n"),
                unfolded);
        assertTrue(unfolded.contains("\r\nLOCATION:三楼会议室\\, 东侧\r\n"), unfolded);

        VEvent two = events.get(1);
        assertEquals("party-day-2026q1-2@zhibu", two.getUid().getValue());
        assertEquals(0, two.getSequence().getValue());
        assertEquals(END, two.getDateStart().getValue().toInstant());
        assertEquals(END.plusSeconds(1800), two.getDateEnd().getValue().toInstant());
        assertNull(two.getDescription());
        assertNull(two.getLocation());
        assertEquals("CANCELLED", two.getStatus().getValue());

        VEvent three = events.get(2);
        assertEquals("party-day-2026q1-3@zhibu", three.getUid().getValue());
        assertEquals(12, three.getSequence().getValue());
        assertNull(three.getDescription(), "an empty description is left out");
        assertEquals("CONFIRMED", three.getStatus().getValue());
        assertLinesAreShortAndEndWithCrlf(text);
    }

    @Test
    void anEventOfNoDurationHasNoEnd() {
        // RFC 5545 3.8.2.2: DTEND must be later than DTSTART; without DTEND the event ends when it starts
        Event instant = new Event("u", 0, START.plusMillis(100), START.plusMillis(900), "s", null, null,
                Status.CONFIRMED, MODIFIED);
        VEvent parsed = parse(ICalendar.write("c", STAMP, List.of(instant))).getEvents().get(0);
        assertEquals(START, parsed.getDateStart().getValue().toInstant());
        assertNull(parsed.getDateEnd());
    }

    @Test
    void lineBreaksOfAnyKindBecomeNewlinesAndOtherControlsAreLeftOut() {
        String text = ICalendar.write("c", STAMP, List.of(event("u", "a\r\nb\rc\nd", "x\u0000y\u0007z\u007Fw\tv", null)));
        VEvent parsed = parse(text).getEvents().get(0);
        assertEquals("a\nb\nc\nd", parsed.getSummary().getValue());
        assertEquals("xyzw\tv", parsed.getDescription().getValue());
        assertTrue(text.contains("\r\nSUMMARY:a\\nb\\nc\\nd\r\n"), text);
    }

    @Test
    void aLongChineseDescriptionFoldsBetweenCharactersAndUnfoldsExactly() {
        String description = "学习贯彻习近平新时代中国特色社会主义思想主题教育".repeat(12);
        String text = ICalendar.write("c", STAMP, List.of(event("u", "s", description, null)));

        List<String> lines = lines(text);
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("DESCRIPTION:")).findFirst().orElseThrow());
        // "DESCRIPTION:" is 12 octets, then 21 characters of 3 octets fill the 75; continuations hold 24 (1 + 72)
        assertEquals(75, octets(lines.get(at)));
        assertEquals("DESCRIPTION:" + description.substring(0, 21), lines.get(at));
        int continuations = 0;
        StringBuilder unfolded = new StringBuilder(lines.get(at));
        for (int i = at + 1; lines.get(i).startsWith(" "); i++, continuations++) {
            unfolded.append(lines.get(i).substring(1));
            if (lines.get(i + 1).startsWith(" ")) {
                assertEquals(73, octets(lines.get(i)), lines.get(i));
            }
        }
        assertEquals((description.length() - 21 + 23) / 24, continuations);
        assertEquals("DESCRIPTION:" + description, unfolded.toString());
        assertEquals(description, parse(text).getEvents().get(0).getDescription().getValue());
        assertLinesAreShortAndEndWithCrlf(text);
    }

    @Test
    void anEmptyCalendarParses() {
        String text = ICalendar.write("党日", STAMP, List.of());
        assertEquals("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//zhibu//party days//ZH\r\nCALSCALE:GREGORIAN\r\n"
                + "METHOD:PUBLISH\r\nX-WR-CALNAME:党日\r\nEND:VCALENDAR\r\n", text);
        List<List<ParseWarning>> warnings = new ArrayList<>();
        var calendar = Biweekly.parse(text).warnings(warnings).first();
        assertEquals(List.of(List.of()), warnings);
        assertTrue(calendar.getEvents().isEmpty());
        // RFC 5545's grammar asks for at least one component; clients read an empty feed as no events
        assertEquals("[ICalendar]: (4) An iCalendar object must have at least one component.",
                calendar.validate(ICalVersion.V2_0).toString().strip());
        assertEquals("-//zhibu//party days//ZH", calendar.getProductId().getValue());
    }

    @Test
    void eventsKeepTheirOrder() {
        List<Event> events = new ArrayList<>();
        for (int i = 9; i >= 0; i--) {
            events.add(event("u" + i, "s" + i, null, null));
        }
        List<String> uids = parse(ICalendar.write("c", STAMP, events)).getEvents().stream()
                .map(e -> e.getUid().getValue()).toList();
        assertEquals(events.stream().map(Event::uid).toList(), uids);
    }

    @Test
    void aUidOnMoreThanOneLineOrAnEndBeforeTheStartIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> event("a\r\nb", "s", null, null));
        assertThrows(IllegalArgumentException.class, () -> event("a\nb", "s", null, null));
        assertThrows(IllegalArgumentException.class, () -> event("a\rb", "s", null, null));
        assertThrows(IllegalArgumentException.class, () -> event(" ", "s", null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Event("u", 0, END, START, "s", null, null, Status.CONFIRMED, MODIFIED));
        assertThrows(IllegalArgumentException.class,
                () -> new Event("u", -1, START, END, "s", null, null, Status.CONFIRMED, MODIFIED));
        assertThrows(IllegalArgumentException.class,
                () -> new Event("u", 0, START, Instant.parse("+10000-01-01T00:00:00Z"), "s", null, null,
                        Status.CONFIRMED, MODIFIED));
        assertThrows(IllegalArgumentException.class, () -> ICalendar.write("c", Instant.MIN, List.of()));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Integer> character = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(3, Arbitraries.of((int) '\\', (int) ';', (int) ',', (int) '\n', (int) ':', (int) '"',
                        (int) '\t')),
                Tuple.of(1, Arbitraries.integers().between(0xA0, 0x7FF)),
                Tuple.of(4, Arbitraries.integers().between(0x4E00, 0x9FFF)),
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFD)),
                Tuple.of(2, Arbitraries.integers().between(0x1F300, 0x1FAFF)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return character.list().ofMaxSize(200).map(codePoints -> codePoints.stream()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
    }

    /** TEXT of RFC 5545 3.3.11: no CONTROL but HTAB, and backslash, semicolon and comma only escaped. */
    private static final Pattern TEXT = Pattern.compile("([^\\\\;,\\x00-\\x08\\x0A-\\x1F\\x7F]|\\\\[\\\\;,nN])*");

    @Property(tries = 300)
    void anyTextComesBackAndNoLineIsTooLong(@ForAll("texts") String summary, @ForAll("texts") String description,
            @ForAll("texts") String location, @ForAll("texts") String uid) {
        String id = uid.isBlank() ? "u" : uid.replace("\n", "");
        String text = ICalendar.write("c", STAMP, List.of(event(id, summary, description, location)));
        assertLinesAreShortAndEndWithCrlf(text);

        for (String line : text.replace("\r\n ", "").split("\r\n")) {
            if (line.matches("(UID|SUMMARY|DESCRIPTION|LOCATION):.*")) {
                assertTrue(TEXT.matcher(line.substring(line.indexOf(':') + 1)).matches(), line);
            }
        }

        VEvent parsed = parse(text).getEvents().get(0);
        assertEquals(id, parsed.getUid().getValue());
        assertEquals(summary, value(parsed.getSummary()));
        assertEquals(description.isEmpty() ? null : description, value(parsed.getDescription()));
        assertEquals(location.isEmpty() ? null : location, value(parsed.getLocation()));
    }

    private static String value(TextProperty property) {
        return property == null ? null : property.getValue();
    }

    /** Parses with biweekly, which must neither warn nor find the calendar invalid. */
    private static biweekly.ICalendar parse(String text) {
        List<List<ParseWarning>> warnings = new ArrayList<>();
        biweekly.ICalendar calendar = Biweekly.parse(text).warnings(warnings).first();
        assertEquals(List.of(List.of()), warnings, text);
        var validation = calendar.validate(ICalVersion.V2_0);
        assertTrue(validation.isEmpty(), validation + "\n" + text);
        return calendar;
    }

    private static List<String> lines(String text) {
        assertTrue(text.endsWith("\r\n"));
        return List.of(text.substring(0, text.length() - 2).split("\r\n", -1));
    }

    private static int octets(String line) {
        return line.getBytes(UTF_8).length;
    }

    /** Every physical line ends with CRLF, holds no other CR or LF, and is at most 75 octets of well-formed UTF-8. */
    private static void assertLinesAreShortAndEndWithCrlf(String text) {
        byte[] bytes = text.getBytes(UTF_8);
        assertTrue(text.endsWith("\r\n"));
        for (int from = 0, to; from < bytes.length; from = to + 2) {
            to = from;
            while (bytes[to] != '\r' && bytes[to] != '\n') {
                to++;
            }
            assertTrue(bytes[to] == '\r' && bytes[to + 1] == '\n', "a line ends with CRLF at octet " + to);
            assertTrue(to - from <= 75, (to - from) + " octets: " + new String(bytes, from, to - from, UTF_8));
            try { // a fold inside a character would leave both halves malformed
                UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, from, to - from));
            } catch (CharacterCodingException e) {
                throw new AssertionError("malformed UTF-8: " + new String(bytes, from, to - from, UTF_8), e);
            }
        }
    }
}
