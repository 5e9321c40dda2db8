package cn.zhibu.leaderboard;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of weekly boards. */
public enum LeaderboardProblem implements ProblemKind {
    /** "Me" and the anonymity choice are for a person's own account. */
    LEADERBOARD_NOT_A_PERSON(403),
    /** A person with no branch now has no board of their own. */
    LEADERBOARD_NO_BRANCH(404);

    private final int status;

    LeaderboardProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
