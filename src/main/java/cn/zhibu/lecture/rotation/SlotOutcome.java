package cn.zhibu.lecture.rotation;

/** What became of a lecture slot: not held yet, given, or not given (the speaker is then owed a new turn). */
public enum SlotOutcome {
    PENDING, DELIVERED, NOT_DELIVERED
}
