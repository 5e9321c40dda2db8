package cn.zhibu.lecture.rotation;

/** Why a unit hosts a session. */
public enum HostReason {
    /** A fixed session: its host is history. */
    KEPT,
    /** Has not hosted yet. */
    NEVER_HOSTED,
    /** The longest since it last hosted, which the assignment carries. */
    LONGEST_SINCE
}
