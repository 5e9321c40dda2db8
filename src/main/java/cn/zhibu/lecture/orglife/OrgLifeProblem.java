package cn.zhibu.lecture.orglife;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of organisational life meetings' problem and rectification lists. */
public enum OrgLifeProblem implements ProblemKind {
    /** Problem and rectification lists are kept for organisational life meetings (ORG_LIFE_MEETING) only. */
    ORG_LIFE_NOT_A_MEETING(409),
    /** A member's problem names the member; the committee's names nobody. */
    ORG_LIFE_PROBLEM_PERSON(422),
    /** The person named is not a member of the session's branch. */
    ORG_LIFE_NOT_MEMBER(422),
    /** The problem named is not on the session's problem list. */
    ORG_LIFE_PROBLEM_NOT_FOUND(422),
    /** A rectification item is due on the session's day or later. */
    RECTIFICATION_DUE_BEFORE_SESSION(422),
    /** The item is not in a state that allows it (closing a DONE item, reopening an OPEN one, changing a DONE one). */
    RECTIFICATION_STATE_CONFLICT(409);

    private final int status;

    OrgLifeProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
