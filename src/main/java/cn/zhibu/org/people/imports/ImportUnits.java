package cn.zhibu.org.people.imports;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.OrgUnitKind;
import cn.zhibu.platform.problem.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The org units an import may name, by id or by exact name, read once per import. */
final class ImportUnits {

    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final Map<UUID, OrgUnit> byId;
    private final Map<String, List<OrgUnit>> branchesByName;

    ImportUnits(List<OrgUnit> units) {
        byId = units.stream().collect(Collectors.toMap(u -> u.id, Function.identity()));
        branchesByName = units.stream().filter(u -> u.kind == OrgUnitKind.BRANCH && !u.archived())
                .collect(Collectors.groupingBy(u -> u.name));
    }

    /** The branch a cell names: its id (checked later for kind and archiving), or the name of an unarchived branch. */
    OrgUnit branch(String cell) {
        if (UUID_TEXT.matcher(cell).matches()) {
            return byIdOrFail(cell);
        }
        return single(branchesByName.getOrDefault(cell, List.of()), cell);
    }

    /** A party group or department a cell names: its id, or the name of an unarchived unit of {@code branch}. */
    OrgUnit group(OrgUnit branch, String cell) {
        if (UUID_TEXT.matcher(cell).matches()) {
            return byIdOrFail(cell);
        }
        List<OrgUnit> named = byId.values().stream()
                .filter(u -> branch.id.equals(u.parentId) && !u.archived() && u.name.equals(cell)).toList();
        return single(named, cell);
    }

    private OrgUnit byIdOrFail(String cell) {
        OrgUnit unit = byId.get(UUID.fromString(cell));
        if (unit == null) {
            throw new ProblemException(ImportProblem.IMPORT_UNIT_NOT_FOUND, cell);
        }
        return unit;
    }

    private static OrgUnit single(List<OrgUnit> units, String cell) {
        if (units.isEmpty()) {
            throw new ProblemException(ImportProblem.IMPORT_UNIT_NOT_FOUND, cell);
        }
        if (units.size() > 1) {
            throw new ProblemException(ImportProblem.IMPORT_UNIT_AMBIGUOUS, cell);
        }
        return units.get(0);
    }
}
