package cn.zhibu.org.committee;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of branch committees. */
public enum CommitteeProblem implements ProblemKind {
    /** Committees are of branches. */
    COMMITTEE_NOT_A_BRANCH(422),
    /** A committee member is a current member of the branch, named once. */
    COMMITTEE_MEMBER_INVALID(422),
    /** A committee has one secretary at most. */
    COMMITTEE_ONE_SECRETARY(422),
    /** Someone else changes the committee right now. */
    COMMITTEE_BUSY(409);

    private final int status;

    CommitteeProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
