package cn.zhibu.platform.calendar;

/** What a calendar day is, against the Monday-to-Friday default. */
public enum CalendarDayKind {
    /** A public holiday on what would be a working day (法定节假日). */
    HOLIDAY,
    /** A working day on what would be a weekend (调休上班). */
    WORKDAY
}
