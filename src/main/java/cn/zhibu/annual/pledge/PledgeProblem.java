package cn.zhibu.annual.pledge;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of pledges (承诺书), their signatures and their year-end reviews (践诺). */
public enum PledgeProblem implements ProblemKind {
    /** The unit named in a request is unknown or out of sight. */
    PLEDGE_UNIT_NOT_FOUND(422),
    /** Pledges are a branch's. */
    PLEDGE_NOT_A_BRANCH(422),
    /** The unit has its pledge of that year already; the answer names it. */
    PLEDGE_EXISTS(409),
    /** A pledge someone signed never changes. */
    PLEDGE_SIGNED(409),
    /** Signing and assessing are a person's own: the caller's account has no person. */
    PLEDGE_NOT_A_PERSON(403),
    /** Only current members of the pledge's unit sign it. */
    PLEDGE_NOT_A_MEMBER(403),
    /** A member signs a pledge once; the answer names the signature. */
    PLEDGE_ALREADY_SIGNED(409),
    /** The member has not signed the pledge. */
    PLEDGE_NOT_SIGNED(409),
    /** A self-assessment is written by the member themself. */
    PLEDGE_REVIEW_NOT_YOURS(403),
    /** The signed pledge has no standard of that number. */
    PLEDGE_STANDARD_NOT_FOUND(422),
    /** A self-assessment assesses every standard of the signed pledge once. */
    PLEDGE_ASSESSMENT_INCOMPLETE(422),
    /** The secretary has commented: the self-assessment stands. */
    PLEDGE_REVIEW_COMMENTED(409),
    /** The secretary comments on a self-assessment, once there is one. */
    PLEDGE_NOT_ASSESSED(409);

    private final int status;

    PledgeProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
