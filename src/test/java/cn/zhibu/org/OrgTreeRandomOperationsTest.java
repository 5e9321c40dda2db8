package cn.zhibu.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of creations, moves and archivings against a model of the tree: every
 * accepted operation does exactly what the model expects, every refused one changes nothing, and
 * the stored tree keeps its rules (paths, nesting, depth, no cycles) after every step.
 */
@QuarkusTest
class OrgTreeRandomOperationsTest {

    private static final OrgUnitKind[] KINDS = OrgUnitKind.values();

    @Inject
    OrgUnitService service;
    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theTreeKeepsItsRulesWhateverIsDone(long seed) throws Exception {
        Random random = new Random(seed);
        Map<UUID, UUID> parents = new HashMap<>(); // the model: unit -> parent (null at the top)
        Map<UUID, OrgUnitKind> kinds = new HashMap<>();
        List<UUID> units = new ArrayList<>();
        UUID top = service.create(new OrgUnitViews.Create(OrgUnitKind.COMMITTEE, "根" + UUID.randomUUID(), "根",
                null, 0)).id();
        parents.put(top, null);
        kinds.put(top, OrgUnitKind.COMMITTEE);
        units.add(top);
        int created = 0;
        int moved = 0;
        int refused = 0;
        for (int step = 0; step < 120; step++) {
            UUID target = units.get(random.nextInt(units.size()));
            int choice = random.nextInt(10);
            try {
                if (choice < 6) {
                    OrgUnitKind kind = KINDS[random.nextInt(KINDS.length)];
                    UUID id = service.create(new OrgUnitViews.Create(kind, "单位" + step, "u" + step, target,
                            random.nextInt(5))).id();
                    assertTrue(kinds.get(target).children().contains(kind), "accepted a " + kind + " under a "
                            + kinds.get(target));
                    parents.put(id, target);
                    kinds.put(id, kind);
                    units.add(id);
                    created++;
                } else if (choice < 9) {
                    UUID unit = units.get(random.nextInt(units.size()));
                    UUID parent = random.nextInt(8) == 0 ? null : target;
                    long version = fresh(unit).version();
                    service.move(unit, IfMatch.parse("\"" + version + "\""), parent);
                    assertTrue(parent == null || !isWithin(parent, unit, parents), "accepted a cycle");
                    parents.put(unit, parent);
                    moved++;
                } else if (!target.equals(top)) { // the top stays, so there is always somewhere to build
                    long version = fresh(target).version();
                    service.archive(target, IfMatch.parse("\"" + version + "\""));
                    units.remove(target);
                    assertTrue(parents.values().stream().noneMatch(target::equals) || units.stream()
                            .noneMatch(u -> target.equals(parents.get(u))), "archived a unit with active units");
                }
            } catch (ProblemException refusal) {
                refused++; // the checks below show that nothing changed
            }
            assertStoredTreeMatches(parents, units);
        }
        // the sequence really built and rearranged a tree, and really tried what the rules forbid
        assertTrue(created >= 15 && moved >= 5 && refused >= 15, created + " created, " + moved + " moved, "
                + refused + " refused");
    }

    /** Reads in a transaction of its own: the test's request-scoped session would serve cached units. */
    private OrgUnitViews.View fresh(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> service.find(id).orElseThrow());
    }

    private static boolean isWithin(UUID unit, UUID ancestor, Map<UUID, UUID> parents) {
        for (UUID at = unit; at != null; at = parents.get(at)) {
            if (at.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private void assertStoredTreeMatches(Map<UUID, UUID> parents, List<UUID> active) throws Exception {
        for (UUID unit : active) {
            OrgUnitViews.View view = fresh(unit);
            assertEquals(parents.get(unit), view.parentId(), "parent of " + unit);
            List<UUID> expected = new ArrayList<>();
            for (UUID at = parents.get(unit); at != null; at = parents.get(at)) {
                expected.add(0, at);
            }
            assertEquals(expected, view.ancestorIds(), "ancestors of " + unit);
            assertTrue(view.ancestorIds().size() < OrgUnitService.MAX_DEPTH);
            if (view.parentId() != null) {
                OrgUnitKind parentKind = fresh(view.parentId()).kind();
                assertTrue(parentKind.children().contains(view.kind()), view.kind() + " under " + parentKind);
            } else {
                assertTrue(view.kind().mayBeRoot());
            }
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     select count(*) from org_unit u left join org_unit p on p.id = u.parent_id
                     where u.path <> coalesce(p.path, '/') || u.id || '/'""")) {
            r.next();
            assertEquals(0, r.getLong(1), "units whose path does not follow their parent");
        }
    }
}
