package cn.zhibu.org;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of the organisation tree. */
public enum OrgProblem implements ProblemKind {
    ORG_UNIT_PARENT_NOT_FOUND(422),
    ORG_TREE_BUSY(409),
    ORG_UNIT_NESTING_NOT_ALLOWED(422),
    ORG_UNIT_CYCLE(422),
    ORG_UNIT_TOO_DEEP(422),
    ORG_UNIT_NAME_TAKEN(409),
    ORG_UNIT_ARCHIVED(409),
    ORG_UNIT_NOT_EMPTY(409);

    private final int status;

    OrgProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
