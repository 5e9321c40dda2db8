package cn.zhibu.points.imports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Whom an import may name: a branch counts as seen when the caller may see its people, not merely the unit. */
class PermitTest {

    /** A caller allowed exactly these actions on every unit. */
    static Access allowing(Set<Action> actions) {
        return new Access() {
            @Override
            public void require(Action action, UUID unitId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void requireEverywhere(Action action) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean allows(Action action, UUID unitId) {
                return actions.contains(action);
            }

            @Override
            public Reach reach(Action action) {
                return actions.contains(action) ? Reach.EVERYWHERE : Reach.NOWHERE;
            }

            @Override
            public Optional<UUID> personId() {
                return Optional.empty();
            }

            @Override
            public Optional<UUID> branchId() {
                return Optional.empty();
            }
        };
    }

    @Test
    void peopleAreSeenWhereTheCallerReadsPeopleNotWhereTheySeeOnlyUnits() {
        UUID branch = UUID.randomUUID();
        PointsImportService.Permit units = PointsImportService.Permit.of(allowing(Set.of(Action.ORG_READ)));
        assertFalse(units.seen().test(branch), "seeing the unit is not seeing its people");
        assertFalse(units.allowed().test(branch));
        PointsImportService.Permit people = PointsImportService.Permit.of(allowing(Set.of(Action.ORG_READ,
                Action.PEOPLE_READ)));
        assertTrue(people.seen().test(branch));
        assertFalse(people.allowed().test(branch));
        assertTrue(PointsImportService.Permit.of(allowing(Set.of(Action.POINTS_IMPORT))).allowed().test(branch));
    }
}
