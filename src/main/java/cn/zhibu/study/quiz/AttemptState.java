package cn.zhibu.study.quiz;

/** Where an attempt stands. */
public enum AttemptState {
    /** Started, not submitted, still within its deadline (and the grace). */
    IN_PROGRESS,
    /** Not submitted, past its deadline and the grace: submitting it now scores zero. */
    EXPIRED,
    /** Submitted and scored. */
    SUBMITTED
}
