package cn.zhibu.lecture.lecturers;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of sessions' lecturers. */
public enum LecturerProblem implements ProblemKind {
    /** Lecturers are for party lectures, integrity education and field teaching sessions. */
    LECTURER_WRONG_KIND(409),
    /** A lecturer is either a person of zhibu or a named guest, not both and not neither. */
    LECTURER_PERSON_OR_GUEST(422),
    /** The person is unknown, no longer active, or out of the caller's sight. */
    LECTURER_PERSON_NOT_FOUND(422),
    /** The person lectures at the session already. */
    LECTURER_ALREADY_LISTED(409),
    /** A session has at most five lecturers. */
    LECTURERS_TOO_MANY(422),
    /** Once the session is held, only a lecturer's topic and materials change. */
    LECTURER_SESSION_HELD(409);

    private final int status;

    LecturerProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
