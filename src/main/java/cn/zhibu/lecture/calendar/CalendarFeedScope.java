package cn.zhibu.lecture.calendar;

/** Whose sessions a calendar feed carries: one person's (their branches now) or one branch's. */
public enum CalendarFeedScope {
    PERSON,
    BRANCH
}
