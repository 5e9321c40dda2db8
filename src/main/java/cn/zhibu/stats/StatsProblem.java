package cn.zhibu.stats;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of dashboard figures. */
public enum StatsProblem implements ProblemKind {
    /** The period ends before it starts. */
    STATS_PERIOD_REVERSED(400),
    /** The period is longer than zhibu.stats.max-period. */
    STATS_PERIOD_TOO_LONG(400);

    private final int status;

    StatsProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
