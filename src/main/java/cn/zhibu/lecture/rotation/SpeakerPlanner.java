package cn.zhibu.lecture.rotation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Who gives the micro lectures (微型党课) of the sessions not yet fixed: fair, deterministic and explainable.
 *
 * <p>Sessions are walked by date, then id string; cancelled ones are ignored. A fixed session is history: each
 * slot's speaker counts as having spoken that day, except NOT_DELIVERED, which makes them owed. In a session to
 * plan, pinned slots are kept; then each other slot, in number order, goes to a candidate (a
 * member {@link #eligible eligible} that day and not yet speaking in the session):
 * <ol>
 * <li>only from the lowest tier: members who have not spoken in the current cycle, while any candidate has not
 * (a cycle ends when every member eligible at the session has spoken, even between two slots of one session);
 * <li>an owed candidate first (RESCHEDULED);
 * <li>otherwise, in the order never lectured, then longest since the last lecture, then earlier joinedOn, then
 * personId string, the first whose party group is not yet speaking in the session (no group counts as a group
 * of one), or the first of all if every group is;
 * </ol>
 * and counts as having spoken there, so later sessions see it. A slot stays empty when no candidate is left.
 *
 * <p>Within a session, pinned slots count first, then the others by number, in fixed sessions too: so fixing a
 * planned session as planned (slots, pins and a DELIVERED or PENDING outcome) changes nothing in the rest of the
 * plan.
 */
public final class SpeakerPlanner {

    private SpeakerPlanner() {
    }

    /**
     * A member due to lecture, as {@link #dueAt} lists them.
     *
     * @param spokenInCycle whether they have spoken in the current cycle (false: 本轮尚未讲授)
     */
    public record Due(UUID personId, SpeakerReason reason, LocalDate lastLectureOn, boolean spokenInCycle) {
    }

    /**
     * Assignments for every slot 1..slotCount of every session that is not fixed and not cancelled, in session
     * then slot order.
     */
    public static List<SpeakerAssignment> plan(List<MemberInput> members, List<SessionInput> sessions,
            SpeakerRules rules) {
        List<SpeakerAssignment> plan = new ArrayList<>();
        walk(members, sessions, rules, plan);
        return plan;
    }

    /**
     * Who is due next at this date: the eligible members in the order the planner would pick them for a session
     * that day (without regard to groups), after all the given sessions, fixed and as planned.
     */
    public static List<Due> dueAt(List<MemberInput> members, List<SessionInput> sessions, SpeakerRules rules,
            LocalDate date) {
        SpeakerHistory history = walk(members, sessions, rules, new ArrayList<>());
        List<MemberInput> eligible = eligibleAt(tieBreakOrder(members), date, rules);
        history.newCycleIfComplete(eligible);
        List<Due> due = new ArrayList<>();
        List<MemberInput> left = new ArrayList<>(eligible);
        while (!left.isEmpty()) {
            MemberInput next = history.lowestTier(left).get(0);
            UUID id = next.personId();
            due.add(new Due(id, history.reason(id), history.lastLectureOn(id), history.spokenInCycle(id)));
            left.remove(next);
        }
        return due;
    }

    /**
     * Whether a member may be asked to lecture at a session on this date: a member of the branch that day, at
     * least {@code newcomerDays} after joining, not exempted, not probationary unless the rules allow it, and not
     * unavailable that day.
     */
    public static boolean eligible(MemberInput m, LocalDate date, SpeakerRules rules) {
        if (date.isBefore(m.joinedOn().plusDays(Math.max(0, rules.newcomerDays())))) {
            return false;
        }
        if (m.leftOn() != null && m.leftOn().isBefore(date)) {
            return false;
        }
        if (m.probationary() && !rules.probationaryEligible()) {
            return false;
        }
        return m.exemptions().stream().noneMatch(e -> e.covers(date)) && !m.unavailable().contains(date);
    }

    private static SpeakerHistory walk(List<MemberInput> members, List<SessionInput> sessions, SpeakerRules rules,
            List<SpeakerAssignment> plan) {
        List<MemberInput> ordered = tieBreakOrder(members);
        Map<UUID, MemberInput> byId = new HashMap<>();
        ordered.forEach(m -> byId.putIfAbsent(m.personId(), m));
        SpeakerHistory history = new SpeakerHistory(ordered);
        for (SessionInput s : chronological(sessions)) {
            if (s.cancelled()) {
                continue;
            }
            List<MemberInput> eligible = eligibleAt(ordered, s.date(), rules);
            TreeMap<Integer, Slot> slots = new TreeMap<>();
            s.slots().forEach(slot -> slots.putIfAbsent(slot.number(), slot));
            if (s.fixed()) {
                for (Slot slot : countingOrder(slots)) {
                    if (slot.speakerId() != null) {
                        history.count(slot.speakerId(), s.date(), slot.outcome(), eligible);
                    }
                }
            } else {
                plan.addAll(planSession(s, slots, eligible, byId, history));
            }
        }
        return history;
    }

    private static List<SpeakerAssignment> planSession(SessionInput s, TreeMap<Integer, Slot> slots,
            List<MemberInput> eligible, Map<UUID, MemberInput> byId, SpeakerHistory history) {
        SpeakerAssignment[] out = new SpeakerAssignment[Math.max(0, s.slotCount())];
        Set<UUID> speaking = new HashSet<>();
        Set<UUID> groups = new HashSet<>();
        for (int n = 1; n <= out.length; n++) {
            Slot slot = slots.get(n);
            if (slot != null && slot.pinned()) {
                UUID id = slot.speakerId();
                out[n - 1] = new SpeakerAssignment(s.id(), n, id, SpeakerReason.KEPT,
                        id == null ? null : history.lastLectureOn(id));
                if (id != null) {
                    history.count(id, s.date(), slot.outcome(), eligible);
                    speaking.add(id);
                    MemberInput m = byId.get(id);
                    if (m != null && m.groupId() != null) {
                        groups.add(m.groupId());
                    }
                }
            }
        }
        for (int n = 1; n <= out.length; n++) {
            if (out[n - 1] != null) {
                continue;
            }
            List<MemberInput> candidates = eligible.stream().filter(m -> !speaking.contains(m.personId())).toList();
            if (candidates.isEmpty()) {
                out[n - 1] = new SpeakerAssignment(s.id(), n, null, null, null);
                continue;
            }
            history.newCycleIfComplete(eligible);
            List<MemberInput> tier = history.lowestTier(candidates);
            MemberInput pick = tier.get(0);
            if (!history.owed(pick.personId())) {
                pick = tier.stream().filter(m -> m.groupId() == null || !groups.contains(m.groupId())).findFirst()
                        .orElse(pick);
            }
            UUID id = pick.personId();
            out[n - 1] = new SpeakerAssignment(s.id(), n, id, history.reason(id), history.lastLectureOn(id));
            history.count(id, s.date(), SlotOutcome.PENDING, eligible);
            speaking.add(id);
            if (pick.groupId() != null) {
                groups.add(pick.groupId());
            }
        }
        return List.of(out);
    }

    /** Pinned slots first, then the others, each by number: the order in which a session's speakers count. */
    private static List<Slot> countingOrder(TreeMap<Integer, Slot> slots) {
        List<Slot> order = new ArrayList<>(slots.values().stream().filter(Slot::pinned).toList());
        order.addAll(slots.values().stream().filter(slot -> !slot.pinned()).toList());
        return order;
    }

    static List<SessionInput> chronological(List<SessionInput> sessions) {
        List<SessionInput> sorted = new ArrayList<>(sessions);
        sorted.sort(Comparator.comparing(SessionInput::date).thenComparing(s -> s.id().toString()));
        return sorted;
    }

    private static List<MemberInput> tieBreakOrder(List<MemberInput> members) {
        List<MemberInput> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing(MemberInput::joinedOn).thenComparing(m -> m.personId().toString()));
        return sorted;
    }

    private static List<MemberInput> eligibleAt(List<MemberInput> ordered, LocalDate date, SpeakerRules rules) {
        return ordered.stream().filter(m -> eligible(m, date, rules)).toList();
    }
}
