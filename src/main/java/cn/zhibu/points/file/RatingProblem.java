package cn.zhibu.points.file;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of rating bands. */
public enum RatingProblem implements ProblemKind {
    RATING_BAND_NAMES_REPEATED(422),
    RATING_BANDS_NOT_DESCENDING(422);

    private final int status;

    RatingProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
