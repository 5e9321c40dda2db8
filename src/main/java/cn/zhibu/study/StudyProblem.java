package cn.zhibu.study;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of study materials. */
public enum StudyProblem implements ProblemKind {
    MATERIAL_UNIT_NOT_FOUND(422),
    MATERIAL_UNIT_ARCHIVED(422),
    MATERIAL_DATES_INCONSISTENT(422),
    MATERIAL_WITHDRAWN(409),
    MATERIAL_NOT_OPEN(422),
    /** Studying, opening materials and checking in are for a person's own account. */
    STUDY_NOT_A_PERSON(403);

    private final int status;

    StudyProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
