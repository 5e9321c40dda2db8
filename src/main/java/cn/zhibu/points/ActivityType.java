package cn.zhibu.points;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What earns points. More types come with later capabilities. */
@Schema(name = "ActivityType", description = "What earns points, each under its own scoring rule. CHECK_IN: a "
        + "credited check-in. QUIZ, QUIZ_FULL_MARKS: the day's first scored quiz attempt, passed or all right. "
        + "MAKE_UP_CHECK_IN: an approved make-up. LECTURE_DELIVERED: a micro lecture given. PARTY_DAY_ATTENDANCE: "
        + "attending a party day. MANUAL_AWARD: points awarded by hand. EXTERNAL_IMPORT: points from another study "
        + "platform. STUDY_TIME: off unless a branch makes a rule for itself; then a credited check-in on a material "
        + "(when made, when a reviewer clears it) that states its studySeconds (checked against the time since the "
        + "material was opened; a general study check-in has no such check and earns none) earns a second entry of its own: the rule's points "
        + "once per full block of zhibu.points.study-time-block (10 minutes unless the service is set otherwise; "
        + "under one block, no entry), at most 100000, lowered by the rule's daily cap, weekly cap and maximum count "
        + "as any activity is; reversing the check-in's credit reverses it too.")
public enum ActivityType {
    CHECK_IN,
    QUIZ,
    QUIZ_FULL_MARKS,
    MAKE_UP_CHECK_IN,
    LECTURE_DELIVERED,
    PARTY_DAY_ATTENDANCE,
    MANUAL_AWARD,
    EXTERNAL_IMPORT,
    /**
     * Time spent studying: off everywhere unless a branch turns it on with a rule of its own (DESIGN.md); then the rule's
     * points per full block of {@code zhibu.points.study-time-block} of a credited check-in's study seconds.
     */
    STUDY_TIME
}
