package cn.zhibu.lecture.rotation;

/** Why a member does not lecture for a while: exempt (leave, illness, other) or unavailable on those days. */
public enum AbsenceKind {
    LEAVE,
    ILLNESS,
    OTHER,
    UNAVAILABLE
}
