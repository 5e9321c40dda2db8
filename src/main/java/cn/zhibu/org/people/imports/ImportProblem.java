package cn.zhibu.org.people.imports;

import cn.zhibu.platform.problem.ProblemKind;

/**
 * The problems of people imports found on a line of the file, reported in the import's errors (their
 * status is that of the import's outcome), and IMPORT_TOO_MANY, which refuses a request. The problems of
 * CSV files as such are {@link cn.zhibu.platform.csv.CsvProblem}.
 */
public enum ImportProblem implements ProblemKind {
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
