package cn.zhibu.points;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of scoring rules and points. */
public enum PointsProblem implements ProblemKind {
    RULE_UNIT_NOT_FOUND(422),
    RULE_STARTS_IN_PAST(422),
    RULE_NOT_AFTER_LATEST(409),
    RULE_DATES_INCONSISTENT(422),
    RULE_CAPS_INCONSISTENT(422),
    RULE_STUDY_TIME_BRANCH_ONLY(422),
    POINTS_NO_RULE(422),
    POINTS_ALREADY_REVERSED(409),
    POINTS_REVERSAL_OF_REVERSAL(409);

    private final int status;

    PointsProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
