package cn.zhibu.org.people;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of people and their memberships. */
public enum PeopleProblem implements ProblemKind {
    PERSON_UNIT_NOT_FOUND(422),
    PERSON_UNIT_KIND_WRONG(422),
    PERSON_UNIT_ARCHIVED(409),
    PERSON_EXTERNAL_ID_TAKEN(409),
    PERSON_HAS_LEFT(409),
    /** The retention purge erased the person after they left: their details are not written again. */
    PERSON_ERASED(409),
    PERSON_DATE_TOO_EARLY(422),
    PERSON_DATE_IN_FUTURE(422),
    PERSON_DATES_INCONSISTENT(422),
    DATE_RANGE_TOO_LONG(400);

    private final int status;

    PeopleProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
