package cn.zhibu.exports;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of the inspection ledger's exports. */
public enum ExportProblem implements ProblemKind {
    /** The year is in the future or further back than zhibu.exports.years-back. */
    EXPORT_YEAR_OUT_OF_RANGE(400),
    /** INTEGRITY_COUNTS asked for by a caller who does not read integrity figures there. */
    EXPORT_INTEGRITY_FORBIDDEN(403),
    /** The download of an export that is not DONE yet (or FAILED). */
    EXPORT_NOT_READY(409),
    /** The download of an export whose file was deleted after zhibu.exports.keep-for. */
    EXPORT_EXPIRED(410);

    private final int status;

    ExportProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
