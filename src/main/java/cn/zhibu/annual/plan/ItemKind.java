package cn.zhibu.annual.plan;

/**
 * The kind of work a plan's item is. The recorded kinds count zhibu's records of the plan's unit in the plan's year,
 * live; OTHER items are ticked done by hand, with evidence.
 */
public enum ItemKind {
    /** Sessions of one kind (its sessionKind) held by the branch. */
    SESSIONS,
    /** Party lectures (党课) held by the branch. */
    PARTY_LECTURES,
    /** Micro lectures delivered at the branch's sessions. */
    LECTURES_DELIVERED,
    /** Quizzes of the unit opened, and quiz contests held at its sessions. */
    QUIZZES_HELD,
    /** Periodic conduct reviews recorded in the integrity files of the unit's people (counts only). */
    INTEGRITY_REVIEWS,
    /** Any other work: ticked done with its evidence. */
    OTHER;

    /** Whether its progress is counted from records (never ticked by hand). */
    public boolean recorded() {
        return this != OTHER;
    }
}
