package cn.zhibu.lecture.rotation;

/** Why a member is excused from lecturing for a while. */
public enum ExemptionKind {
    LEAVE, ILLNESS, OTHER
}
