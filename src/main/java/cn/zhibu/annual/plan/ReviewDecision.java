package cn.zhibu.annual.plan;

/** What the unit above decides of a submitted plan. */
public enum ReviewDecision {
    /** Final: the plan is APPROVED. */
    APPROVED,
    /** Back to its editors, with a note: the plan is RETURNED and editable again. */
    RETURNED
}
