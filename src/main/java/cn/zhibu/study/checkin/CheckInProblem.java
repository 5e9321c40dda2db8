package cn.zhibu.study.checkin;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of check-ins and make-ups. */
public enum CheckInProblem implements ProblemKind {
    /** Already checked in that day (on that material, or for general study); the answer carries it as {@code existing}. */
    CHECK_IN_EXISTS(409),
    /** The person's other check-ins hold their lock just now: retry after a second. */
    CHECK_IN_BUSY(409),
    CHECK_IN_NOTE_REQUIRED(422),
    CHECK_IN_NOT_FLAGGED(409),
    MAKE_UP_OUT_OF_WINDOW(422),
    MAKE_UP_LIMIT_REACHED(422),
    /** The person was not a member of the branch on the missed day. */
    MAKE_UP_BEFORE_MEMBERSHIP(422),
    MAKE_UP_EXISTS(409),
    MAKE_UP_ALREADY_DECIDED(409),
    /** A reviewer never decides their own check-in or make-up. */
    REVIEW_OF_OWN(403);

    private final int status;

    CheckInProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
