package cn.zhibu.points.imports;

import cn.zhibu.platform.csv.CsvFile;
import cn.zhibu.platform.csv.CsvProblem;
import cn.zhibu.platform.csv.LineError;
import cn.zhibu.platform.problem.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads the records of an import: from a JSON request (already validated), or from a CSV file whose
 * cells are checked by the same constraints as JSON items, each problem a line error.
 */
final class ImportLines {

    /** The records read, and the problems found; a record with problems is left out. */
    record Read(List<ImportLine> lines, LineErrors errors) {
    }

    private ImportLines() {
    }

    static List<ImportLine> of(PointsImportViews.Request request) {
        List<ImportLine> lines = new ArrayList<>(request.items().size());
        for (int i = 0; i < request.items().size(); i++) {
            PointsImportViews.Item item = request.items().get(i);
            lines.add(new ImportLine(i + 1, item.externalId(), item.personId(), item.personExternalId(), item.points(),
                    item.date(), item.reason()));
        }
        return lines;
    }

    /** Reads a CSV file (its bytes, and the charset its Content-Type names, if any). */
    static Read of(byte[] file, String charset, Validator validator) {
        Optional<Charset> declared = CsvFile.declared(charset);
        if (file.length == 0) {
            throw new ProblemException(CsvProblem.IMPORT_FILE_EMPTY);
        }
        CsvFile.Contents<PointsImportColumn> contents = CsvFile.read(file, CsvFile.charset(file, declared),
                PointsImportColumn.class);
        LineErrors errors = LineErrors.of(contents.errors());
        if (!contents.readable()) {
            return new Read(List.of(), errors);
        }
        if (!contents.columns().containsKey(PointsImportColumn.PERSON_EXTERNAL_ID)
                && !contents.columns().containsKey(PointsImportColumn.PERSON_ID)) {
            errors.add(LineError.of(1, PointsImportColumn.PERSON_EXTERNAL_ID, CsvProblem.IMPORT_COLUMN_MISSING,
                    "personExternalId / personId"));
            return new Read(List.of(), errors);
        }
        if (contents.total() > PointsImportViews.MAX_CSV_LINES) {
            throw new ProblemException(PointsImportProblem.POINTS_IMPORT_TOO_MANY_LINES, contents.total(),
                    PointsImportViews.MAX_CSV_LINES);
        }
        if (contents.total() == 0 && errors.isEmpty()) {
            throw new ProblemException(PointsImportProblem.POINTS_IMPORT_EMPTY); // a header alone
        }
        LineErrors cellErrors = new LineErrors(); // a source of its own, in line order
        List<ImportLine> lines = new ArrayList<>(contents.lines().size());
        for (CsvFile.Line line : contents.lines()) {
            Cells cells = new Cells(line, contents.columns());
            String externalId = cells.required(PointsImportColumn.EXTERNAL_ID);
            UUID personId = cells.parse(PointsImportColumn.PERSON_ID, false, ImportLines::uuid);
            String personExternalId = cells.optional(PointsImportColumn.PERSON_EXTERNAL_ID);
            Integer points = cells.parse(PointsImportColumn.POINTS, true, Integer::valueOf);
            LocalDate date = cells.parse(PointsImportColumn.DATE, true, CsvFile::date);
            String reason = cells.optional(PointsImportColumn.REASON);
            PointsImportViews.Item item = new PointsImportViews.Item(externalId, personId, personExternalId, points,
                    date, reason);
            for (ConstraintViolation<PointsImportViews.Item> violation : validator.validate(item)) {
                PointsImportColumn column = column(violation.getPropertyPath().toString());
                if (column != null && cells.value(column) != null) {
                    cells.fail(column, CsvProblem.IMPORT_VALUE_INVALID, cells.value(column), column.english());
                }
            }
            cells.errors.values().forEach(cellErrors::add);
            if (cells.errors.isEmpty()) {
                lines.add(new ImportLine(line.number(), externalId, personId, personExternalId, points, date, reason));
            }
        }
        return new Read(lines, errors.and(cellErrors));
    }

    private static final java.util.regex.Pattern UUID_TEXT =
            java.util.regex.Pattern.compile("^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$");

    private static UUID uuid(String value) {
        if (!UUID_TEXT.matcher(value).matches()) {
            throw new IllegalArgumentException(value);
        }
        return UUID.fromString(value);
    }

    private static PointsImportColumn column(String property) {
        for (PointsImportColumn column : PointsImportColumn.values()) {
            if (column.english().equals(property)) {
                return column;
            }
        }
        return null;
    }

    /** One line's cells, trimmed (empty is none), and its errors, one per column. */
    private static final class Cells {

        private final CsvFile.Line line;
        private final Map<PointsImportColumn, Integer> columns;
        private final Map<PointsImportColumn, LineError> errors = new EnumMap<>(PointsImportColumn.class);

        Cells(CsvFile.Line line, Map<PointsImportColumn, Integer> columns) {
            this.line = line;
            this.columns = columns;
        }

        String value(PointsImportColumn column) {
            Integer index = columns.get(column);
            String value = index == null ? "" : line.values().get(index).trim();
            return value.isEmpty() ? null : value;
        }

        String optional(PointsImportColumn column) {
            return value(column);
        }

        String required(PointsImportColumn column) {
            String value = value(column);
            if (value == null) {
                fail(column, CsvProblem.IMPORT_VALUE_REQUIRED);
            }
            return value;
        }

        <T> T parse(PointsImportColumn column, boolean required, Function<String, T> parser) {
            String value = required ? required(column) : optional(column);
            if (value == null) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) { // NumberFormatException and bad UUIDs too
                fail(column, CsvProblem.IMPORT_VALUE_INVALID, value, column.english());
                return null;
            }
        }

        void fail(PointsImportColumn column, cn.zhibu.platform.problem.ProblemKind kind, Object... args) {
            errors.putIfAbsent(column, LineError.of(line.number(), column, kind, args));
        }
    }
}
