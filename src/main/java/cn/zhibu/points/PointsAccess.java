package cn.zhibu.points;

import cn.zhibu.org.people.PersonService;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who may read a person's points (their ledger and member file): the person themselves, and whoever may
 * read points in the person's branch or in one of the party groups or departments they belong to now (a
 * group leader is granted on their group). Refused: 403 when the caller sees any of those units, else 404.
 */
@ApplicationScoped
public class PointsAccess {

    private final PersonService people;
    private final Access access;

    PointsAccess(PersonService people, Access access) {
        this.people = people;
        this.access = access;
    }

    /** The person's branch (or last branch), when the caller may read their points; 404 for an unknown person. */
    public UUID readable(UUID personId) {
        UUID branch = people.homeUnit(personId).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        if (access.personId().map(personId::equals).orElse(false) || access.allows(Action.POINTS_READ, branch)) {
            return branch;
        }
        Set<UUID> units = new LinkedHashSet<>();
        units.add(branch);
        units.addAll(people.currentUnits(personId));
        for (UUID unit : units) {
            if (!unit.equals(branch) && access.allows(Action.POINTS_READ, unit)) {
                return branch;
            }
        }
        for (UUID unit : units) {
            try {
                access.require(Action.POINTS_READ, unit);
                return branch; // allowed after all (a grant made a moment ago)
            } catch (ProblemException refused) {
                if (refused.code() != ProblemCode.NOT_FOUND) {
                    throw refused; // seen but not allowed: 403
                }
            }
        }
        throw new ProblemException(ProblemCode.NOT_FOUND);
    }
}
