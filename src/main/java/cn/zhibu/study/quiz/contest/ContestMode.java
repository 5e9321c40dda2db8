package cn.zhibu.study.quiz.contest;

/** How a contest is ranked: per person only, or per person and per party group. */
public enum ContestMode {
    /** Each person who answers is ranked. */
    INDIVIDUAL,
    /** Each person, and each party group of the branch as a team. */
    TEAMS
}
