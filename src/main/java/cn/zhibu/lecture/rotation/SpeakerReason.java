package cn.zhibu.lecture.rotation;

/** Why a speaker was given a slot. */
public enum SpeakerReason {
    /** A pinned slot, kept as it is. */
    KEPT,
    /** Did not deliver their last lecture (NOT_DELIVERED), so goes first at the next session they can attend. */
    RESCHEDULED,
    /** Has no lecture on record yet (本轮尚未讲授). */
    NEVER_LECTURED,
    /** The longest since their last lecture (最久未讲), which the assignment carries. */
    LONGEST_SINCE
}
