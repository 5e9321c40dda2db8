package cn.zhibu.lecture;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of party days, rotations, micro lectures, attendance and calendar feeds. */
public enum LectureProblem implements ProblemKind {
    /** The branch named in a request is unknown or out of sight. */
    PARTY_DAY_BRANCH_NOT_FOUND(422),
    /** Party days are held by branches. */
    PARTY_DAY_NOT_A_BRANCH(422),
    /** A session ends after it starts, within a day. */
    PARTY_DAY_TIMES_INCONSISTENT(422),
    /** A host is an active party group or department of the session's branch. */
    PARTY_DAY_HOST_NOT_IN_BRANCH(422),
    /** The host unit cannot host on that day. */
    PARTY_DAY_HOST_BLACKED_OUT(422),
    /** A party group meeting names one active party group of the branch; other kinds name none. */
    PARTY_DAY_GROUP_INVALID(422),
    /** Field teaching names its place: the education base. */
    PARTY_DAY_PLACE_REQUIRED(422),
    /** A session's own study hours are 0 to its length, in half hours. */
    PARTY_DAY_STUDY_HOURS_INVALID(422),
    /** A session with attendance, deliveries, problems, rectifications or lecturers keeps its kind and group. */
    PARTY_DAY_KIND_IN_USE(409),
    /** Held and cancelled sessions do not change. */
    PARTY_DAY_CLOSED(409),
    /** The state cannot change that way (e.g. hold a cancelled session). */
    PARTY_DAY_STATE_CONFLICT(409),
    /** Dropping slots that have a recorded or pinned speaker. */
    PARTY_DAY_SLOTS_IN_USE(409),
    /** A session that has started, or has deliveries or attendance recorded, keeps its time and is not cancelled. */
    PARTY_DAY_STARTED(409),
    /** The session has not started yet. */
    PARTY_DAY_NOT_STARTED(409),
    /** The speaker cannot lecture at that session (not a member then, exempt, unavailable, newcomer...). */
    SPEAKER_NOT_ELIGIBLE(422),
    /** The person has another slot of the same session. */
    SPEAKER_ALREADY_IN_SESSION(409),
    /** Only the slot's speaker asks for a swap, only its colleague answers. */
    SWAP_NOT_YOURS(403),
    /** A slot has one open swap request at a time. */
    SWAP_PENDING(409),
    /** The swap request was answered already. */
    SWAP_DECIDED(409),
    /** A lecture without a speaker is not delivered by anyone. */
    LECTURE_NO_SPEAKER(409),
    /** A delivered lecture has a topic. */
    LECTURE_TOPIC_REQUIRED(422),
    /** A lecture's delivery is recorded once. */
    LECTURE_RECORDED(409),
    /** Ratings are for delivered lectures. */
    LECTURE_NOT_DELIVERED(409),
    /** Only attendees rate, and not their own lecture. */
    RATING_NOT_ALLOWED(403),
    /** A lecture is rated once per attendee. */
    RATING_EXISTS(409),
    /** Sign-in with a code is for a person's own account. */
    LECTURE_NOT_A_PERSON(403),
    /** An account has at most ten live calendar feeds; revoke one to make another. */
    CALENDAR_FEEDS_TOO_MANY(422),
    /** The person is not a member of the session's branch. */
    ATTENDEE_NOT_MEMBER(422),
    /** The session does not expect the person: a committee meeting expects its committee, a group meeting its group. */
    ATTENDEE_NOT_EXPECTED(422),
    /** Codes are used while the session is open for sign-in. */
    SIGN_IN_OUTSIDE_WINDOW(422),
    /** No code like it was shown for the session. */
    SIGN_IN_CODE_WRONG(422),
    /** The code was shown but has expired. */
    SIGN_IN_CODE_EXPIRED(422),
    /** The code signed in another member already. */
    SIGN_IN_CODE_USED(409),
    /** Too many wrong codes for the session; the secretary records attendance. */
    SIGN_IN_CODE_LOCKED(429),
    /** The rotation plan changed since it was previewed. */
    ROTATION_PLAN_CHANGED(412),
    /** A member marks at most a month unavailable at a time. */
    UNAVAILABLE_TOO_LONG(422),
    /** A date range ends before it begins, or is too long. */
    LECTURE_DATES_INCONSISTENT(422);

    private final int status;

    LectureProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
