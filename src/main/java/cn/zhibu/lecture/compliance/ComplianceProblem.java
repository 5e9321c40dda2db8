package cn.zhibu.lecture.compliance;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of organisational life requirements and the compliance view. */
public enum ComplianceProblem implements ProblemKind {
    /** Requirements are a branch's; the compliance view is a branch's or a committee's. */
    ORG_LIFE_UNIT_NOT_SUPPORTED(422),
    /** A kind is named once in a branch's requirements. */
    ORG_LIFE_KIND_REPEATED(422);

    private final int status;

    ComplianceProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
