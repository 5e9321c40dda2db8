package cn.zhibu.lecture.minutes;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of minutes, their addenda and attachments. */
public enum MinutesProblem implements ProblemKind {
    /** Archived minutes never change, nor do the session's attachments; addenda correct them. */
    MINUTES_ARCHIVED(409),
    /** Minutes are archived once the session is held. */
    MINUTES_SESSION_NOT_HELD(409),
    /** A cancelled session has no minutes. */
    MINUTES_SESSION_CANCELLED(409),
    /** There are no minutes yet to archive. */
    MINUTES_NOT_WRITTEN(409),
    /** Addenda correct archived minutes; until then the minutes themselves are rewritten. */
    MINUTES_NOT_ARCHIVED(409),
    /** The minutes have as many addenda as they may. */
    MINUTES_ADDENDA_TOO_MANY(422),
    /** The host, the recorder and the owners of resolutions are members of the branch on the session's day. */
    MINUTES_PERSON_NOT_MEMBER(422),
    /** The body is the file, and it is empty. */
    ATTACHMENT_EMPTY(400),
    /** The bytes are not a well-formed file of the declared type. */
    ATTACHMENT_NOT_AS_DECLARED(422),
    /** The file also carries markup, another format or active PDF content. */
    ATTACHMENT_ACTIVE_CONTENT(422),
    /** The session has as many attachments as it may. */
    ATTACHMENT_TOO_MANY(422);

    private final int status;

    MinutesProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
