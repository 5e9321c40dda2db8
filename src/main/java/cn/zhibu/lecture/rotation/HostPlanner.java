package cn.zhibu.lecture.rotation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which unit hosts each themed party day (科室轮值): in turn, fair, deterministic and explainable.
 *
 * <p>Sessions are walked by date, then id string; cancelled ones are ignored. A fixed session keeps its host,
 * which counts as history. Every other session gets afresh (hosts are never pinned) the first unit not blacked
 * out that day in the order: fewest hostings in the current cycle, never hosted, longest since it last hosted,
 * name, unitId string. A cycle ends when every unit that can host at a session has hosted in it; so each unit
 * hosts once before any hosts twice, and the units that hosted most recently go last.
 */
public final class HostPlanner {

    private HostPlanner() {
    }

    /**
     * One assignment per session that is not cancelled, in chronological order: fixed sessions with their host as
     * KEPT, the others as planned.
     */
    public static List<HostAssignment> plan(List<UnitInput> units, List<SessionInput> sessions) {
        List<UnitInput> ordered = new ArrayList<>(units);
        ordered.sort(Comparator.comparing(UnitInput::name, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(u -> u.unitId().toString()));
        Map<UUID, Integer> inCycle = new HashMap<>();
        Map<UUID, LocalDate> last = new HashMap<>();
        Comparator<UnitInput> order = Comparator.<UnitInput>comparingInt(u -> inCycle.getOrDefault(u.unitId(), 0))
                .thenComparing(u -> last.get(u.unitId()), Comparator.nullsFirst(Comparator.naturalOrder()));
        List<HostAssignment> plan = new ArrayList<>();
        for (SessionInput s : SpeakerPlanner.chronological(sessions)) {
            if (s.cancelled()) {
                continue;
            }
            List<UnitInput> able = ordered.stream().filter(u -> canHost(u, s.date())).toList();
            UUID host;
            HostReason reason;
            if (s.fixed()) {
                host = s.hostUnitId();
                reason = HostReason.KEPT;
            } else if (able.isEmpty()) {
                host = null;
                reason = null;
            } else {
                newCycleIfComplete(able, inCycle);
                host = able.stream().sorted(order).findFirst().orElseThrow().unitId(); // stable: name, id
                reason = last.containsKey(host) ? HostReason.LONGEST_SINCE : HostReason.NEVER_HOSTED;
            }
            plan.add(new HostAssignment(s.id(), host, reason, host == null ? null : last.get(host)));
            if (host != null) {
                newCycleIfComplete(able, inCycle);
                inCycle.merge(host, 1, Integer::sum);
                last.put(host, s.date());
            }
        }
        return plan;
    }

    /** Whether no blackout of the unit covers the date. */
    public static boolean canHost(UnitInput unit, LocalDate date) {
        return unit.blackouts().stream().noneMatch(b -> b.covers(date));
    }

    private static void newCycleIfComplete(List<UnitInput> able, Map<UUID, Integer> inCycle) {
        if (!able.isEmpty() && able.stream().allMatch(u -> inCycle.getOrDefault(u.unitId(), 0) > 0)) {
            inCycle.clear();
        }
    }
}
