package cn.zhibu.org.people;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.OrgUnitKind;
import cn.zhibu.platform.problem.ProblemException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The rules a person's record keeps, for one person (the API) or many (imports) alike. */
public final class PersonRules {

    private PersonRules() {
    }

    /**
     * The units a person joins: {@code branch} (a branch) and then {@code groups} (units of it);
     * 422 when one is not of the right kind, 409 when one is archived.
     */
    public static List<OrgUnit> checkJoinable(OrgUnit branch, List<OrgUnit> groups) {
        if (branch.archived()) {
            throw new ProblemException(PeopleProblem.PERSON_UNIT_ARCHIVED, branch.name);
        }
        if (branch.kind != OrgUnitKind.BRANCH) {
            throw new ProblemException(PeopleProblem.PERSON_UNIT_KIND_WRONG, branch.name, "BRANCH");
        }
        List<OrgUnit> units = new ArrayList<>();
        units.add(branch);
        for (OrgUnit group : groups) {
            if (group.archived()) {
                throw new ProblemException(PeopleProblem.PERSON_UNIT_ARCHIVED, group.name);
            }
            if (!branch.id.equals(group.parentId)) {
                throw new ProblemException(PeopleProblem.PERSON_UNIT_KIND_WRONG, group.name,
                        "PARTY_GROUP / DEPARTMENT of " + branch.name);
            }
            units.add(group);
        }
        return units;
    }

    /** 422 unless party members (only they) have a party join date, at 18 or later. */
    public static void checkPartyDates(PoliticalStatus status, LocalDate joined, LocalDate born) {
        boolean member = status.isPartyMember();
        if (member != (joined != null) || (joined != null && joined.isBefore(born.plusYears(18)))) {
            throw new ProblemException(PeopleProblem.PERSON_DATES_INCONSISTENT, status.name());
        }
    }
}
