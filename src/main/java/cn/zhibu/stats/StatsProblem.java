package cn.zhibu.stats;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of dashboard figures. */
public enum StatsProblem implements ProblemKind {
    /** The period ends before it starts. */
    STATS_PERIOD_REVERSED(400),
    /** The period is longer than zhibu.stats.max-period. */
    STATS_PERIOD_TOO_LONG(400),
    /** The period does not start on a month's first day, or ends neither on a month's last day nor today. */
    STATS_PERIOD_NOT_WHOLE_MONTHS(400);

    private final int status;

    StatsProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
