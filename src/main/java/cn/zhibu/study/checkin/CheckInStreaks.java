package cn.zhibu.study.checkin;

import cn.zhibu.platform.calendar.CalendarDayKind;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.points.Streaks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Study streaks, for check-in receipts and the member file: runs of days with a credited check-in (made on
 * the day, cleared after review, or an approved make-up; flagged ones count once cleared). A working day
 * without a check-in ends a run; rest days (weekends and holidays of the business calendar, with its
 * adjusted working days) without one are passed over, and a check-in on a rest day counts as a day of the
 * run. The current run is the one still going: no working day missed between its last day and today
 * (today itself is not over yet).
 */
@ApplicationScoped
public class CheckInStreaks implements Streaks {

    /** No stretch of rest days is this long: a longer gap always holds a working day. */
    private static final int LONGEST_REST = 16;

    private final EntityManager em;
    private final BusinessCalendar calendar;

    CheckInStreaks(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    @Override
    public Streak of(UUID personId) {
        LocalDate today = calendar.today();
        // one statement (this runs on every check-in): the person's days, then the calendar's exceptions from
        // their first day to the later of their last day and today
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                with days as (select distinct business_date as day from check_in
                              where person_id = :person and status = 'CREDITED')
                select day as day, null as kind from days
                union all
                select c.day, c.kind from calendar_day c
                where c.day between (select min(day) from days) and greatest(:today, (select max(day) from days))
                order by 2 nulls first, 1""", Tuple.class).setParameter("person", personId).setParameter("today", today)
                .getResultList();
        List<LocalDate> days = new ArrayList<>();
        Map<LocalDate, CalendarDayKind> exceptions = new HashMap<>();
        for (Tuple row : rows) {
            LocalDate day = Rows.localDate(row, "day");
            String kind = Rows.string(row, "kind");
            if (kind == null) {
                days.add(day);
            } else {
                exceptions.put(day, CalendarDayKind.valueOf(kind));
            }
        }
        if (days.isEmpty()) {
            return Streak.NONE;
        }
        return of(days, today, day -> exceptions.containsKey(day) ? exceptions.get(day) == CalendarDayKind.WORKDAY
                : day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);
    }

    /** The streak as shown in check-in answers. */
    public CheckInViews.Streak view(UUID personId) {
        Streak streak = of(personId);
        return new CheckInViews.Streak(personId, streak.current(), streak.longest(), streak.lastDay());
    }

    /** The runs of these days (ascending, distinct), seen on {@code today}, given which days are working days. */
    static Streak of(List<LocalDate> days, LocalDate today, Predicate<LocalDate> workday) {
        if (days.isEmpty()) {
            return Streak.NONE;
        }
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate day : days) {
            run = previous == null || workdayBetween(previous, day, workday) ? 1 : run + 1;
            longest = Math.max(longest, run);
            previous = day;
        }
        boolean going = !workdayBetween(previous, today, workday);
        return new Streak(going ? run : 0, longest, previous);
    }

    /** Whether a working day lies strictly between the two days. */
    private static boolean workdayBetween(LocalDate from, LocalDate to, Predicate<LocalDate> workday) {
        if (ChronoUnit.DAYS.between(from, to) > LONGEST_REST) {
            return true;
        }
        for (LocalDate day = from.plusDays(1); day.isBefore(to); day = day.plusDays(1)) {
            if (workday.test(day)) {
                return true;
            }
        }
        return false;
    }
}
