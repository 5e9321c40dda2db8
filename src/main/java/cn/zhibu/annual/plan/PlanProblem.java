package cn.zhibu.annual.plan;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of annual plans, their items, summaries, submissions and reviews. */
public enum PlanProblem implements ProblemKind {
    /** The unit named is unknown or out of sight. */
    ANNUAL_PLAN_UNIT_NOT_FOUND(422),
    /** Annual plans are made by branches. */
    ANNUAL_PLAN_NOT_A_BRANCH(422),
    /** A personal plan is a member's of the branch committee. */
    ANNUAL_PLAN_OWNER_NOT_COMMITTEE(422),
    /** The unit has a plan of that year for that owner (or its own) already. */
    ANNUAL_PLAN_EXISTS(409),
    /** Submitted and approved plans do not change. */
    ANNUAL_PLAN_SUBMITTED(409),
    /** The plan is not in a state that allows it (submitting a submitted plan, reviewing an unsubmitted one). */
    ANNUAL_PLAN_STATE_CONFLICT(409),
    /** A plan is submitted with its year-end summary. */
    ANNUAL_PLAN_SUMMARY_MISSING(422),
    /** Only ANNUAL_MANAGE of the unit above reviews a plan. */
    ANNUAL_PLAN_NOT_REVIEWER(403),
    /** A returned plan says why. */
    ANNUAL_PLAN_NOTE_REQUIRED(422),
    /** A plan has at most 200 items. */
    ANNUAL_PLAN_ITEMS_TOO_MANY(422),
    /** An item has a target count or a target date, not both nor neither. */
    ANNUAL_PLAN_ITEM_TARGET(422),
    /** A target date lies in the plan's year. */
    ANNUAL_PLAN_ITEM_DATE_OUTSIDE_YEAR(422),
    /** SESSIONS items name a session kind; other kinds name none. */
    ANNUAL_PLAN_ITEM_SESSION_KIND(422),
    /** An item's owner is a current member of the plan's branch. */
    ANNUAL_PLAN_ITEM_OWNER_NOT_MEMBER(422),
    /** Recorded kinds count their records: they are not ticked by hand. */
    ANNUAL_PLAN_ITEM_RECORDED(422),
    /** The item is ticked done already, or is not ticked. */
    ANNUAL_PLAN_ITEM_STATE_CONFLICT(409);

    private final int status;

    PlanProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
