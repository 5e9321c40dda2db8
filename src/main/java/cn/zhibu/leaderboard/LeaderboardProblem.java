package cn.zhibu.leaderboard;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of weekly boards. */
public enum LeaderboardProblem implements ProblemKind {
    /** "Me" and the anonymity choice are for a person's own account. */
    LEADERBOARD_NOT_A_PERSON(403),
    /** A person with no branch now has no board of their own. */
    LEADERBOARD_NO_BRANCH(404),
    /** The unit's week has no published snapshot. */
    LEADERBOARD_WEEK_NOT_PUBLISHED(404),
    /** Only weeks that have begun can be published. */
    LEADERBOARD_WEEK_IN_FUTURE(422),
    /** The standings have not yet taken in every ledger entry of the week: publish a moment later. */
    LEADERBOARD_STANDINGS_PENDING(409),
    /** The unit's standings of the week disagree with the ledger: it is not frozen so. */
    LEADERBOARD_STANDINGS_DISAGREE(409),
    /** A week's study leaders are confirmed once. */
    STUDY_LEADERS_CONFIRMED(409),
    /** A study leader is a participant of that week on the unit's board. */
    STUDY_LEADER_NOT_ELIGIBLE(422),
    /** The unit's boards of people are off (its board visibility). */
    LEADERBOARD_PEOPLE_OFF(404),
    /** The unit's boards of units and its study leaders are off (its board visibility). */
    LEADERBOARD_UNITS_OFF(404),
    /** Units are ranked by participation (a usage rate) only where the unit chose that metric. */
    LEADERBOARD_METRIC_NOT_CHOSEN(422),
    /** What boards show is chosen by a branch or a committee; the units below them follow it. */
    BOARD_VISIBILITY_NOT_A_BRANCH(422);

    private final int status;

    LeaderboardProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
