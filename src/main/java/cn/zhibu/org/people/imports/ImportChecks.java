package cn.zhibu.org.people.imports;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.people.Gender;
import cn.zhibu.org.people.PersonViews;
import cn.zhibu.org.people.PersonRules;
import cn.zhibu.org.people.PoliticalStatus;
import cn.zhibu.platform.csv.CsvFile;
import cn.zhibu.platform.csv.CsvProblem;
import cn.zhibu.platform.csv.LineError;
import cn.zhibu.platform.problem.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks each line of a file on its own, by the rules of creating a person through the API (the
 * constraints of {@link PersonViews.Create} and the checks of {@link PersonRules}), and that
 * no external id repeats. Each line gets at most one error per column.
 */
final class ImportChecks {

    private static final Map<String, PoliticalStatus> STATUSES = Map.of(
            "中共党员", PoliticalStatus.FULL, "正式党员", PoliticalStatus.FULL, "党员", PoliticalStatus.FULL,
            "预备党员", PoliticalStatus.PROBATIONARY, "中共预备党员", PoliticalStatus.PROBATIONARY,
            "入党积极分子", PoliticalStatus.ACTIVIST, "积极分子", PoliticalStatus.ACTIVIST, "群众", PoliticalStatus.NON_MEMBER);
    private static final Map<String, ImportColumn> FIELDS = Map.of(
            "externalId", ImportColumn.EXTERNAL_ID, "name", ImportColumn.NAME, "gender", ImportColumn.GENDER,
            "birthDate", ImportColumn.BIRTH_DATE, "politicalStatus", ImportColumn.POLITICAL_STATUS,
            "partyJoinDate", ImportColumn.PARTY_JOIN_DATE, "jobTitle", ImportColumn.JOB_TITLE,
            "phone", ImportColumn.PHONE, "branchId", ImportColumn.BRANCH, "groupIds", ImportColumn.GROUPS);

    private final Validator validator;
    private final ImportUnits units;
    private final Map<ImportColumn, Integer> columns;
    private final ImportRow.Presence present;
    private final Map<String, Integer> firstLines = new HashMap<>();

    ImportChecks(Validator validator, ImportUnits units, Map<ImportColumn, Integer> columns) {
        this.validator = validator;
        this.units = units;
        this.columns = columns;
        this.present = new ImportRow.Presence(columns.containsKey(ImportColumn.PARTY_JOIN_DATE),
                columns.containsKey(ImportColumn.JOB_TITLE), columns.containsKey(ImportColumn.LEADING_CADRE),
                columns.containsKey(ImportColumn.PHONE), columns.containsKey(ImportColumn.GROUPS));
    }

    /** The line as a row, or null when it has errors (added to {@code errors}). */
    ImportRow check(CsvFile.Line line, List<LineError> errors) {
        Cells cells = new Cells(line);
        String externalId = cells.required(ImportColumn.EXTERNAL_ID);
        String name = cells.required(ImportColumn.NAME);
        Gender gender = cells.parse(ImportColumn.GENDER, true, ImportChecks::gender);
        LocalDate birthDate = cells.parse(ImportColumn.BIRTH_DATE, true, CsvFile::date);
        PoliticalStatus status = cells.parse(ImportColumn.POLITICAL_STATUS, true, ImportChecks::status);
        LocalDate joined = cells.parse(ImportColumn.PARTY_JOIN_DATE, false, CsvFile::date);
        String jobTitle = cells.optional(ImportColumn.JOB_TITLE);
        Boolean cadre = present.leadingCadre()
                ? Boolean.TRUE.equals(cells.parse(ImportColumn.LEADING_CADRE, false, ImportChecks::yesNo)) : null;
        String phone = cells.optional(ImportColumn.PHONE);
        OrgUnit branch = cells.unit(ImportColumn.BRANCH, units::branch);
        List<OrgUnit> groups = present.groups() && branch != null ? cells.groups(branch) : null;

        if (externalId != null) {
            Integer first = firstLines.putIfAbsent(externalId, line.number());
            if (first != null) {
                cells.fail(ImportColumn.EXTERNAL_ID, ImportProblem.IMPORT_EXTERNAL_ID_REPEATED, externalId, first);
            }
        }
        PersonViews.Create request = new PersonViews.Create(externalId, name, gender, birthDate, status, joined,
                jobTitle, Boolean.TRUE.equals(cadre), phone, branch == null ? null : branch.id,
                groups == null ? null : groups.stream().map(g -> g.id).toList(), null);
        for (ConstraintViolation<PersonViews.Create> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().iterator().next().getName();
            ImportColumn column = FIELDS.get(field);
            if (column != null) {
                cells.fail(column, CsvProblem.IMPORT_VALUE_INVALID, cells.raw(column), column.english());
            }
        }
        if (branch != null) {
            // the branch itself too (a unit named by id may be a group, a committee or archived)
            try {
                PersonRules.checkJoinable(branch, List.of());
            } catch (ProblemException e) {
                cells.fail(ImportColumn.BRANCH, e);
            }
        }
        if (branch != null && groups != null && !cells.failed(ImportColumn.GROUPS) && !cells.failed(ImportColumn.BRANCH)) {
            try {
                PersonRules.checkJoinable(branch, groups);
            } catch (ProblemException e) {
                cells.fail(ImportColumn.GROUPS, e);
            }
        }
        if (present.partyJoinDate() && status != null && birthDate != null
                && !cells.failed(ImportColumn.PARTY_JOIN_DATE)) {
            try {
                PersonRules.checkPartyDates(status, joined, birthDate);
            } catch (ProblemException e) {
                cells.fail(ImportColumn.PARTY_JOIN_DATE, e);
            }
        }
        errors.addAll(cells.errors.values());
        if (!cells.errors.isEmpty()) {
            return null;
        }
        return new ImportRow(line.number(), externalId, name, gender, birthDate, status, joined, jobTitle, cadre, phone,
                branch, groups, present);
    }

    private static Gender gender(String value) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "MALE", "男" -> Gender.MALE;
            case "FEMALE", "女" -> Gender.FEMALE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static PoliticalStatus status(String value) {
        PoliticalStatus chinese = STATUSES.get(value);
        return chinese != null ? chinese : PoliticalStatus.valueOf(value.toUpperCase(Locale.ROOT));
    }

    private static Boolean yesNo(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "是" -> Boolean.TRUE;
            case "false", "否" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private interface Parser<T> {
        T parse(String value);
    }

    /** One line's cells, trimmed (empty is none), and its errors, one per column. */
    private final class Cells {

        private final CsvFile.Line line;
        private final Map<ImportColumn, LineError> errors = new java.util.EnumMap<>(ImportColumn.class);

        Cells(CsvFile.Line line) {
            this.line = line;
        }

        String raw(ImportColumn column) {
            Integer index = columns.get(column);
            return index == null ? "" : line.values().get(index).trim();
        }

        String optional(ImportColumn column) {
            String value = raw(column);
            return value.isEmpty() ? null : value;
        }

        String required(ImportColumn column) {
            String value = optional(column);
            if (value == null) {
                fail(column, CsvProblem.IMPORT_VALUE_REQUIRED);
            }
            return value;
        }

        <T> T parse(ImportColumn column, boolean required, Parser<T> parser) {
            String value = required ? required(column) : optional(column);
            if (value == null) {
                return null;
            }
            try {
                return parser.parse(value);
            } catch (IllegalArgumentException e) {
                fail(column, CsvProblem.IMPORT_VALUE_INVALID, value, column.english());
                return null;
            }
        }

        OrgUnit unit(ImportColumn column, Parser<OrgUnit> find) {
            String value = required(column);
            if (value == null) {
                return null;
            }
            try {
                return find.parse(value);
            } catch (ProblemException e) {
                fail(column, e);
                return null;
            }
        }

        /** The groups of the cell ({@code ;}-separated, also the full-width {@code ；}), without repeats. */
        List<OrgUnit> groups(OrgUnit branch) {
            String value = optional(ImportColumn.GROUPS);
            if (value == null) {
                return List.of();
            }
            Set<OrgUnit> groups = new LinkedHashSet<>();
            for (String part : value.split("[;；]")) {
                if (!part.isBlank()) {
                    try {
                        groups.add(units.group(branch, part.trim()));
                    } catch (ProblemException e) {
                        fail(ImportColumn.GROUPS, e);
                        return null;
                    }
                }
            }
            return new ArrayList<>(groups);
        }

        boolean failed(ImportColumn column) {
            return errors.containsKey(column);
        }

        void fail(ImportColumn column, ProblemException e) {
            if (!failed(column)) {
                errors.put(column, LineError.of(line.number(), column, e.code(), e.args()));
            }
        }

        void fail(ImportColumn column, cn.zhibu.platform.problem.ProblemKind kind, Object... args) {
            if (!failed(column)) {
                errors.put(column, LineError.of(line.number(), column, kind, args));
            }
        }
    }

}
