package cn.zhibu.platform.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): the 2026 public holidays and adjusted working days,
 * so a newcomer sees the working calendar filled in. Days already set are left alone.
 */
@ApplicationScoped
public class CalendarDemoData {

    private static final Logger LOG = Logger.getLogger(CalendarDemoData.class);

    record Day(String date, CalendarDayKind kind, String name) {
    }

    static final List<Day> DAYS_2026 = List.of(
            new Day("2026-01-01", CalendarDayKind.HOLIDAY, "元旦"),
            new Day("2026-01-02", CalendarDayKind.HOLIDAY, "元旦"),
            new Day("2026-01-04", CalendarDayKind.WORKDAY, "元旦调休上班"),
            new Day("2026-02-16", CalendarDayKind.HOLIDAY, "春节"),
            new Day("2026-02-17", CalendarDayKind.HOLIDAY, "春节"),
            new Day("2026-02-18", CalendarDayKind.HOLIDAY, "春节"),
            new Day("2026-02-19", CalendarDayKind.HOLIDAY, "春节"),
            new Day("2026-02-20", CalendarDayKind.HOLIDAY, "春节"),
            new Day("2026-02-23", CalendarDayKind.HOLIDAY, "春节"),
            new Day("2026-02-14", CalendarDayKind.WORKDAY, "春节调休上班"),
            new Day("2026-02-28", CalendarDayKind.WORKDAY, "春节调休上班"),
            new Day("2026-04-06", CalendarDayKind.HOLIDAY, "清明节"),
            new Day("2026-05-01", CalendarDayKind.HOLIDAY, "劳动节"),
            new Day("2026-05-04", CalendarDayKind.HOLIDAY, "劳动节"),
            new Day("2026-05-05", CalendarDayKind.HOLIDAY, "劳动节"),
            new Day("2026-05-09", CalendarDayKind.WORKDAY, "劳动节调休上班"),
            new Day("2026-06-19", CalendarDayKind.HOLIDAY, "端午节"),
            new Day("2026-09-25", CalendarDayKind.HOLIDAY, "中秋节"),
            new Day("2026-09-20", CalendarDayKind.WORKDAY, "国庆节调休上班"),
            new Day("2026-10-01", CalendarDayKind.HOLIDAY, "国庆节"),
            new Day("2026-10-02", CalendarDayKind.HOLIDAY, "国庆节"),
            new Day("2026-10-05", CalendarDayKind.HOLIDAY, "国庆节"),
            new Day("2026-10-06", CalendarDayKind.HOLIDAY, "国庆节"),
            new Day("2026-10-07", CalendarDayKind.HOLIDAY, "国庆节"),
            new Day("2026-10-10", CalendarDayKind.WORKDAY, "国庆节调休上班"));

    private final CalendarDayService days;

    CalendarDemoData(CalendarDayService days) {
        this.days = days;
    }

    @Transactional
    public void load() {
        int added = 0;
        for (Day day : DAYS_2026) {
            LocalDate date = LocalDate.parse(day.date());
            if (CalendarDay.count("day", date) == 0) {
                days.create(new CalendarDayViews.Request(date, day.kind(), day.name()));
                added++;
            }
        }
        LOG.infof("Demo data: %d of %d calendar days of 2026 added (the others were already set)", added,
                DAYS_2026.size());
    }
}
