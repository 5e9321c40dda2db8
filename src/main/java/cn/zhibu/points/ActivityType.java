package cn.zhibu.points;

/** What earns points. More types come with later capabilities. */
public enum ActivityType {
    CHECK_IN,
    QUIZ,
    QUIZ_FULL_MARKS,
    MAKE_UP_CHECK_IN,
    LECTURE_DELIVERED,
    PARTY_DAY_ATTENDANCE,
    MANUAL_AWARD,
    EXTERNAL_IMPORT,
    /** Time spent studying: off everywhere unless a branch turns it on with a rule of its own (DESIGN.md). */
    STUDY_TIME
}
