package cn.zhibu.lecture.attendance;

/** Whether a member attended a session, was on leave (请假) or was absent. */
public enum AttendanceStatus {
    PRESENT, LEAVE, ABSENT
}
