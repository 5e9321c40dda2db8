package cn.zhibu.points.imports;

import cn.zhibu.platform.problem.ProblemKind;

/**
 * The problems of points imports: POINTS_IMPORT_INVALID refuses a request whose lines have problems
 * (each one a line error with one of the other codes, or a CSV or POINTS_NO_RULE code); POINTS_IMPORT_BUSY
 * refuses one that waited too long for the import running before it; POINTS_IMPORT_PEOPLE_BUSY stops one whose
 * people's points were being changed for too long (what was credited before stays: sending it again finishes it);
 * POINTS_IMPORT_EMPTY one that holds no records (a CSV header alone, or JSON {@code items: []}).
 */
public enum PointsImportProblem implements ProblemKind {
    POINTS_IMPORT_INVALID(422),
    POINTS_IMPORT_EMPTY(400),
    POINTS_IMPORT_TOO_MANY_LINES(422),
    POINTS_IMPORT_EXTERNAL_ID_REPEATED(422),
    POINTS_IMPORT_PERSON_REQUIRED(422),
    POINTS_IMPORT_PERSON_NOT_FOUND(422),
    POINTS_IMPORT_DATE_IN_FUTURE(422),
    POINTS_IMPORT_DATE_TOO_OLD(422),
    POINTS_IMPORT_CONFLICT(422),
    POINTS_IMPORT_EXTERNAL_ID_TAKEN(422),
    POINTS_IMPORT_BUSY(409),
    POINTS_IMPORT_PEOPLE_BUSY(409);

    private final int status;

    PointsImportProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
