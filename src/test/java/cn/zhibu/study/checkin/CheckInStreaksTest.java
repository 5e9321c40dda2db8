package cn.zhibu.study.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.points.Streaks.Streak;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Streaks: runs of check-in days where only a missed working day breaks a run. */
class CheckInStreaksTest {

    private static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
            && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private static List<LocalDate> days(String... dates) {
        return java.util.Arrays.stream(dates).map(LocalDate::parse).toList();
    }

    @Example
    void nothingIsNoStreak() {
        assertEquals(Streak.NONE, CheckInStreaks.of(List.of(), MONDAY, WEEKDAYS));
    }

    @Example
    void aWeekendWithoutCheckInsDoesNotBreakARun() {
        // Thursday, Friday, then Monday: three days in a row of work
        Streak streak = CheckInStreaks.of(days("2026-11-19", "2026-11-20", "2026-11-23"), MONDAY, WEEKDAYS);
        assertEquals(new Streak(3, 3, MONDAY), streak);
        // seen on Tuesday, today not over yet: still going
        assertEquals(3, CheckInStreaks.of(days("2026-11-19", "2026-11-20", "2026-11-23"), MONDAY.plusDays(1),
                WEEKDAYS).current());
        // seen on Wednesday, Tuesday was missed: over
        assertEquals(new Streak(0, 3, MONDAY), CheckInStreaks.of(days("2026-11-19", "2026-11-20", "2026-11-23"),
                MONDAY.plusDays(2), WEEKDAYS));
    }

    @Example
    void aCheckInOnARestDayCountsAndAMissedWorkdayEndsARun() {
        // Friday, Saturday, Monday (4 days back: Tuesday and Wednesday missed), then Thursday and Friday
        Streak streak = CheckInStreaks.of(days("2026-11-13", "2026-11-14", "2026-11-16", "2026-11-19", "2026-11-20"),
                LocalDate.of(2026, 11, 22), WEEKDAYS);
        assertEquals(new Streak(2, 3, LocalDate.of(2026, 11, 20)), streak);
    }

    @Example
    void holidaysAndAdjustedWorkdaysFollowTheCalendar() {
        // National Day 2026: 1-7 October off, Saturday 10 October a working day
        Set<LocalDate> off = new TreeSet<>();
        for (int d = 1; d <= 7; d++) {
            off.add(LocalDate.of(2026, 10, d));
        }
        Predicate<LocalDate> workday = d -> !off.contains(d) && (WEEKDAYS.test(d) || d.equals(LocalDate.of(2026, 10, 10)));
        assertEquals(new Streak(2, 2, LocalDate.of(2026, 10, 8)),
                CheckInStreaks.of(days("2026-09-30", "2026-10-08"), LocalDate.of(2026, 10, 9), workday));
        // 9 October (Friday) checked in, 10 October (an adjusted working day) missed: seen on the 12th, over
        assertEquals(0, CheckInStreaks.of(days("2026-09-30", "2026-10-08", "2026-10-09"), LocalDate.of(2026, 10, 12),
                workday).current());
    }

    @Property
    void whenEveryDayIsAWorkingDayARunIsConsecutiveDays(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 60) Integer> offsets,
            @ForAll @IntRange(min = 0, max = 70) int todayOffset) {
        LocalDate start = LocalDate.of(2026, 1, 1);
        TreeSet<LocalDate> set = new TreeSet<>();
        offsets.forEach(o -> set.add(start.plusDays(o)));
        set.removeIf(d -> d.isAfter(start.plusDays(todayOffset)));
        List<LocalDate> days = new ArrayList<>(set);
        LocalDate today = start.plusDays(todayOffset);
        Streak streak = CheckInStreaks.of(days, today, d -> true);
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate day : days) {
            run = previous != null && previous.plusDays(1).equals(day) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = day;
        }
        assertEquals(longest, streak.longest());
        boolean going = previous != null && !previous.plusDays(1).isBefore(today);
        assertEquals(going ? run : 0, streak.current());
    }

    @Property
    void restDaysOnlyEverLengthenRuns(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 60) Integer> offsets) {
        LocalDate start = LocalDate.of(2026, 3, 2);
        List<LocalDate> days = new ArrayList<>(new TreeSet<>(offsets.stream().map(start::plusDays).toList()));
        LocalDate today = start.plusDays(61);
        Streak everyDay = CheckInStreaks.of(days, today, d -> true);
        Streak weekdays = CheckInStreaks.of(days, today, WEEKDAYS);
        assertTrue(weekdays.longest() >= everyDay.longest());
        assertTrue(weekdays.current() >= everyDay.current());
        assertTrue(weekdays.longest() <= days.size());
    }
}
