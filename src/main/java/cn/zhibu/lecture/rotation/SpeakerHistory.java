package cn.zhibu.lecture.rotation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the speaker planner knows while it walks the sessions: each person's last lecture, who has spoken in the
 * current cycle, and who is owed a turn. Maps and sets here are only looked up, never iterated, so the order of a
 * hash never reaches a plan.
 */
final class SpeakerHistory {

    private final Map<UUID, Integer> rank = new HashMap<>();
    private final Map<UUID, LocalDate> last = new HashMap<>();
    private final Set<UUID> cycle = new HashSet<>();
    private final Set<UUID> owed = new HashSet<>();

    /** @param members in tie-break order: earlier joinedOn, then personId string */
    SpeakerHistory(List<MemberInput> members) {
        for (MemberInput m : members) {
            rank.putIfAbsent(m.personId(), rank.size());
        }
    }

    LocalDate lastLectureOn(UUID person) {
        return last.get(person);
    }

    boolean spokenInCycle(UUID person) {
        return cycle.contains(person);
    }

    boolean owed(UUID person) {
        return owed.contains(person);
    }

    /**
     * Counts a slot's speaker at a session. NOT_DELIVERED makes them owed and counts nothing else; any other
     * outcome counts as having spoken that day, clears what they were owed, and puts them in the cycle (starting
     * a new one first if everyone eligible that day had spoken already).
     *
     * @param eligible the members eligible at that session
     */
    void count(UUID person, LocalDate date, SlotOutcome outcome, List<MemberInput> eligible) {
        if (outcome == SlotOutcome.NOT_DELIVERED) {
            owed.add(person);
            return;
        }
        newCycleIfComplete(eligible);
        cycle.add(person);
        last.put(person, date);
        owed.remove(person);
    }

    /** Starts a new cycle when every member eligible at a session has spoken in this one (and there is one). */
    void newCycleIfComplete(List<MemberInput> eligible) {
        if (!eligible.isEmpty() && eligible.stream().allMatch(m -> cycle.contains(m.personId()))) {
            cycle.clear();
        }
    }

    /**
     * The candidates of the lowest tier (not spoken in the cycle if any such, else all) in the order they are
     * picked: owed first, then never lectured, then earliest last lecture, then the tie-break order.
     */
    List<MemberInput> lowestTier(List<MemberInput> candidates) {
        boolean anyFresh = candidates.stream().anyMatch(m -> !cycle.contains(m.personId()));
        List<MemberInput> tier = new ArrayList<>();
        for (MemberInput m : candidates) {
            if (!anyFresh || !cycle.contains(m.personId())) {
                tier.add(m);
            }
        }
        tier.sort(order());
        return tier;
    }

    /** The order of picking within a tier. */
    Comparator<MemberInput> order() {
        return Comparator.<MemberInput, Boolean>comparing(m -> !owed.contains(m.personId()))
                .thenComparing(m -> last.get(m.personId()), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(m -> rank.getOrDefault(m.personId(), Integer.MAX_VALUE));
    }

    /** Why this member would be picked now. */
    SpeakerReason reason(UUID person) {
        if (owed.contains(person)) {
            return SpeakerReason.RESCHEDULED;
        }
        return last.containsKey(person) ? SpeakerReason.LONGEST_SINCE : SpeakerReason.NEVER_LECTURED;
    }
}
