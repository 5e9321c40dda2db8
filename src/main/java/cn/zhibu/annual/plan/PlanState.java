package cn.zhibu.annual.plan;

/** Where an annual plan stands: edited (DRAFT, RETURNED), with the unit above (SUBMITTED), or final (APPROVED). */
public enum PlanState {
    DRAFT, SUBMITTED, RETURNED, APPROVED;

    /** Whether its items and summary may change. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
