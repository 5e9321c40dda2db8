package cn.zhibu.platform.csv;

import cn.zhibu.platform.problem.ProblemKind;

/**
 * The problems of imported CSV files as such: the first two refuse a request; the others are
 * found on a line of the file (their status is that of the import's outcome).
 */
public enum CsvProblem implements ProblemKind {
    IMPORT_NOT_CSV(415),
    IMPORT_FILE_EMPTY(400),
    IMPORT_ENCODING_INVALID(422),
    IMPORT_CSV_MALFORMED(422),
    IMPORT_FIELD_COUNT(422),
    IMPORT_COLUMN_MISSING(422),
    IMPORT_COLUMN_UNKNOWN(422),
    IMPORT_COLUMN_REPEATED(422),
    IMPORT_VALUE_REQUIRED(422),
    IMPORT_VALUE_INVALID(422);

    private final int status;

    CsvProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
