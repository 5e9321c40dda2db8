package cn.zhibu.annual.campaign;

/** A stage of a campaign's timetable. */
public enum StageKind {
    /** Candidates are nominated: by themselves, with a self-evaluation and deeds, or by a unit. */
    NOMINATION,
    /** The reporters submit their reports (述职报告). */
    REPORTING,
    /** Each ratee rates themself (自评). */
    SELF_EVALUATION,
    /** Members (and, where the campaign says so, units) rate the ratees (互评); never themselves. */
    PEER_EVALUATION,
    /** The committee decides each ratee's outcome, with a reason, within the quota. */
    DECISION,
    /** The decisions are shown (公示); members may object, and every objection is answered before closing. */
    PUBLICITY;

    /** Whether a ballot of this stage is the ratee's own (and only the ratee's). */
    public boolean isSelf() {
        return this == SELF_EVALUATION;
    }

    /** Whether raters cast ballots in this stage. */
    public boolean takesBallots() {
        return this == SELF_EVALUATION || this == PEER_EVALUATION;
    }
}
