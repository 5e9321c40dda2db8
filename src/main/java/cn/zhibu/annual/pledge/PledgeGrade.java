package cn.zhibu.annual.pledge;

/** How a member grades their own keeping of a standard: kept (践诺), partly kept, not kept. */
public enum PledgeGrade {
    KEPT, PARTLY, NOT_KEPT
}
