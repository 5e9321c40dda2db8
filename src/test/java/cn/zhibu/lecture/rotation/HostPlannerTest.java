package cn.zhibu.lecture.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The host planner: examples, and properties over random units, blackouts and sessions. */
class HostPlannerTest {

    static final UUID X = new UUID(2, 1);
    static final UUID Y = new UUID(2, 2);
    static final UUID Z = new UUID(2, 3);

    static SessionInput session(int n, String date, boolean fixed, UUID host) {
        return new SessionInput(new UUID(1, n), LocalDate.parse(date), 1, fixed, false, host, List.of());
    }

    static HostAssignment h(int n, UUID unit, HostReason reason, String last) {
        return new HostAssignment(new UUID(1, n), unit, reason, last == null ? null : LocalDate.parse(last));
    }

    @Example
    void whoHostedMostRecentlyGoesLastAndABlackoutIsSkipped() {
        List<UnitInput> units = List.of(new UnitInput(X, "办公室", List.of()), new UnitInput(Y, "干部科", List.of()),
                new UnitInput(Z, "组织科", List.of(new Blackout(LocalDate.parse("2026-04-01"),
                        LocalDate.parse("2026-04-30")))));
        List<SessionInput> sessions = List.of(session(1, "2025-10-15", true, Z), session(2, "2026-01-15", true, X),
                session(3, "2026-04-15", false, Z), session(4, "2026-07-15", false, null),
                session(5, "2026-10-15", false, null));
        // April: Z is blacked out and X hosted in this cycle: Y, which never hosted. July: every unit has hosted,
        // a new cycle, Z hosted longest ago. October: X (January) before Y (April).
        assertEquals(List.of(h(1, Z, HostReason.KEPT, null), h(2, X, HostReason.KEPT, null),
                h(3, Y, HostReason.NEVER_HOSTED, null), h(4, Z, HostReason.LONGEST_SINCE, "2025-10-15"),
                h(5, X, HostReason.LONGEST_SINCE, "2026-01-15")), HostPlanner.plan(units, sessions));
    }

    @Example
    void nobodyHostsWhenEveryUnitIsBlackedOut() {
        List<UnitInput> units = List.of(new UnitInput(X, "办公室", List.of(new Blackout(LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-01-31")))));
        assertEquals(List.of(h(1, null, null, null)), HostPlanner.plan(units, List.of(session(1, "2026-01-15",
                false, X))));
    }

    record Case(List<UnitInput> units, List<SessionInput> sessions) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<Integer>> days = Branches.sessionDays();
        return days.flatMap(d -> Combinators.combine(Arbitraries.longs(), Arbitraries.strings().withCharRange('a', 'c')
                        .ofMaxLength(2), Arbitraries.integers().between(0, d.get(d.size() - 1) + 30)
                        .list().ofMaxSize(2)).as((bits, name, from) -> new UnitInput(new UUID(bits, 0), name, from
                        .stream().map(f -> new Blackout(Branches.BASE.plusDays(f), Branches.BASE.plusDays(f + 20)))
                        .toList())).list().ofMinSize(1).ofMaxSize(8).map(us -> {
                            List<UnitInput> units = new ArrayList<>();
                            for (int i = 0; i < us.size(); i++) {
                                UnitInput u = us.get(i);
                                units.add(new UnitInput(new UUID(u.unitId().getMostSignificantBits(), i), u.name(),
                                        u.blackouts()));
                            }
                            List<SessionInput> sessions = new ArrayList<>();
                            for (int i = 0; i < d.size(); i++) {
                                sessions.add(new SessionInput(new UUID(i * 31L, 1000 + i), Branches.BASE.plusDays(
                                        d.get(i)), 1, false, false, null, List.of()));
                            }
                            return new Case(units, sessions);
                        }));
    }

    /**
     * Among units never blacked out on a session day, over every prefix of sessions the numbers of hostings differ
     * by at most one (each hosts once before any hosts twice); nobody hosts while blacked out; a session has no
     * host only when every unit is blacked out; and the plan does not depend on the order units and sessions are
     * given in.
     */
    @Property(tries = 1000)
    void hostsTakeTurnsAroundBlackouts(@ForAll("cases") Case c, @ForAll long seed) {
        List<HostAssignment> plan = HostPlanner.plan(c.units(), c.sessions());
        Map<UUID, UnitInput> byId = new HashMap<>();
        c.units().forEach(u -> byId.put(u.unitId(), u));
        List<UnitInput> always = c.units().stream()
                .filter(u -> c.sessions().stream().allMatch(s -> HostPlanner.canHost(u, s.date()))).toList();
        Map<UUID, Integer> counts = new HashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            HostAssignment a = plan.get(i);
            SessionInput s = c.sessions().get(i);
            assertEquals(s.id(), a.sessionId());
            if (a.unitId() == null) {
                assertTrue(c.units().stream().noneMatch(u -> HostPlanner.canHost(u, s.date())));
                continue;
            }
            assertTrue(byId.get(a.unitId()).blackouts().stream().noneMatch(b -> b.covers(s.date())));
            counts.merge(a.unitId(), 1, Integer::sum);
            int max = always.stream().mapToInt(u -> counts.getOrDefault(u.unitId(), 0)).max().orElse(0);
            int min = always.stream().mapToInt(u -> counts.getOrDefault(u.unitId(), 0)).min().orElse(0);
            assertTrue(max - min <= 1, "after " + (i + 1) + " sessions: " + plan);
        }
        Random random = new Random(seed);
        List<UnitInput> units = new ArrayList<>(c.units());
        List<SessionInput> sessions = new ArrayList<>(c.sessions());
        Collections.shuffle(units, random);
        Collections.shuffle(sessions, random);
        assertEquals(plan, HostPlanner.plan(units, sessions));
    }
}
