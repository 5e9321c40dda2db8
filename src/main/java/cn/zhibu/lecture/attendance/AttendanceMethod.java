package cn.zhibu.lecture.attendance;

/** How attendance was taken: the member signed in with a code shown on site, or a secretary recorded it. */
public enum AttendanceMethod {
    CODE, RECORDED
}
