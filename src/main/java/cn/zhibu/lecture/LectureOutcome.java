package cn.zhibu.lecture;

/** Whether a micro lecture was given: not recorded yet, delivered, or not delivered. */
public enum LectureOutcome {
    PENDING,
    DELIVERED,
    NOT_DELIVERED
}
