package cn.zhibu.annual.honour;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of honours (荣誉). */
public enum HonourProblem implements ProblemKind {
    /** An honour is a unit's or a person's: exactly one of unitId and personId. */
    HONOUR_HOLDER(422),
    /** The unit or person named is unknown or out of sight. */
    HONOUR_HOLDER_NOT_FOUND(422),
    /** An honour is recorded once won: not for a year to come. */
    HONOUR_YEAR_IN_FUTURE(422),
    /** A star's honour, entered by the closing of its selection, stands as the campaign decided. */
    HONOUR_FROM_CAMPAIGN(409);

    private final int status;

    HonourProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
