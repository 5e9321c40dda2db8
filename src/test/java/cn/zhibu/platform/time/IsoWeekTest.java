package cn.zhibu.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

class IsoWeekTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static LocalDate day(long epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }

    @Property
    void everyDateLiesInItsWeekFromMondayToSunday(@ForAll @LongRange(min = -200_000, max = 2_900_000) long epochDay) {
        LocalDate date = day(epochDay);
        IsoWeek week = IsoWeek.of(date);
        assertEquals(DayOfWeek.MONDAY, week.monday().getDayOfWeek());
        assertTrue(!date.isBefore(week.monday()) && !date.isAfter(week.sunday()));
    }

    @Property
    void writingAndParsingAgree(@ForAll @LongRange(min = -200_000, max = 2_900_000) long epochDay) {
        IsoWeek week = IsoWeek.of(day(epochDay));
        assertEquals(week, IsoWeek.parse(week.toString()));
        assertTrue(week.toString().matches(IsoWeek.PATTERN));
    }

    @Property
    void weeksFollowOneAnother(@ForAll @LongRange(min = -200_000, max = 2_900_000) long epochDay) {
        IsoWeek week = IsoWeek.of(day(epochDay));
        assertEquals(week.monday().plusWeeks(1), week.next().monday());
        assertEquals(week, week.next().previous());
        assertTrue(week.compareTo(week.next()) < 0);
    }

    @Property
    void garbageIsRefused(@ForAll @StringLength(max = 12) String text) {
        if (!text.matches(IsoWeek.PATTERN)) {
            assertThrows(DateTimeParseException.class, () -> IsoWeek.parse(text));
        }
    }

    @Property
    void theCalendarSplitsWeeksAtMondayMidnightInShanghai(
            @ForAll @LongRange(min = 0, max = 4_102_444_800L) long epochSecond) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        BusinessCalendar calendar = new BusinessCalendar(java.time.Clock.fixed(instant, SHANGHAI), SHANGHAI);
        IsoWeek week = calendar.currentWeek();
        assertTrue(!instant.isBefore(calendar.weekStart(week)) && instant.isBefore(calendar.weekEnd(week)));
        assertEquals(calendar.weekEnd(week), calendar.weekStart(week.next()));
    }

    @Example
    void knownWeeks() {
        assertEquals("2026-W48", IsoWeek.of(LocalDate.of(2026, 11, 28)).toString());
        assertEquals("2026-W53", IsoWeek.of(LocalDate.of(2027, 1, 3)).toString());
        assertEquals("2025-W01", IsoWeek.of(LocalDate.of(2024, 12, 30)).toString());
        assertEquals(LocalDate.of(2026, 11, 23), IsoWeek.parse("2026-W48").monday());
        assertThrows(DateTimeParseException.class, () -> IsoWeek.parse("2025-W53")); // 2025 has 52 weeks
        assertThrows(DateTimeParseException.class, () -> IsoWeek.parse("2026-W00"));
        assertThrows(DateTimeParseException.class, () -> IsoWeek.parse(null));
    }
}
