package cn.zhibu.org.people.imports;

import cn.zhibu.platform.problem.ProblemKind;

/**
 * The problems of people imports: the first two refuse a request; the others are found on a line
 * of the file and reported in the import's errors (their status is that of the import's outcome).
 */
public enum ImportProblem implements ProblemKind {
    IMPORT_NOT_CSV(415),
    IMPORT_FILE_EMPTY(400),
    IMPORT_ENCODING_INVALID(422),
    IMPORT_CSV_MALFORMED(422),
    IMPORT_FIELD_COUNT(422),
    IMPORT_COLUMN_MISSING(422),
    IMPORT_COLUMN_UNKNOWN(422),
    IMPORT_COLUMN_REPEATED(422),
    IMPORT_VALUE_REQUIRED(422),
    IMPORT_VALUE_INVALID(422),
    IMPORT_EXTERNAL_ID_REPEATED(422),
    IMPORT_UNIT_NOT_FOUND(422),
    IMPORT_TOO_MANY(429),
    IMPORT_PERSON_OUT_OF_REACH(422),
    IMPORT_UNIT_AMBIGUOUS(422);

    private final int status;

    ImportProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
