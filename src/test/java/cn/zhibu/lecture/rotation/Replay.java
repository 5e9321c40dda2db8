package cn.zhibu.lecture.rotation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An independent replay of the documented rules over fixed sessions and a plan, reporting every planned pick
 * that breaks them: eligibility, the lowest tier, owed first, and the spread of party groups.
 */
final class Replay {

    private final List<MemberInput> members;
    private final SpeakerRules rules;
    private final Set<UUID> cycle = new HashSet<>();
    private final Set<UUID> owed = new HashSet<>();
    final List<String> violations = new ArrayList<>();

    private Replay(List<MemberInput> members, SpeakerRules rules) {
        this.members = members;
        this.rules = rules;
    }

    /** Written apart from the planner's: the documented eligibility at a date. */
    static boolean eligible(MemberInput m, LocalDate d, SpeakerRules rules) {
        boolean member = !m.joinedOn().isAfter(d) && (m.leftOn() == null || !m.leftOn().isBefore(d));
        boolean exempt = m.exemptions().stream()
                .anyMatch(e -> !d.isBefore(e.from()) && (e.to() == null || !d.isAfter(e.to())));
        boolean newcomer = d.isBefore(m.joinedOn().plusDays(rules.newcomerDays()));
        return member && !exempt && !newcomer && (rules.probationaryEligible() || !m.probationary())
                && !m.unavailable().contains(d);
    }

    static List<String> check(List<MemberInput> members, List<SessionInput> sessions, SpeakerRules rules,
            List<SpeakerAssignment> plan) {
        Replay replay = new Replay(members, rules);
        Map<UUID, List<SpeakerAssignment>> bySession = new LinkedHashMap<>();
        plan.forEach(a -> bySession.computeIfAbsent(a.sessionId(), k -> new ArrayList<>()).add(a));
        List<SessionInput> sorted = new ArrayList<>(sessions);
        sorted.sort(Comparator.comparing(SessionInput::date).thenComparing(s -> s.id().toString()));
        for (SessionInput s : sorted) {
            if (s.cancelled()) {
                continue;
            }
            List<MemberInput> able = members.stream().filter(m -> eligible(m, s.date(), rules)).toList();
            if (s.fixed()) {
                List<Slot> slots = new ArrayList<>(s.slots());
                slots.sort(Comparator.comparing((Slot x) -> !x.pinned()).thenComparingInt(Slot::number));
                slots.stream().filter(x -> x.speakerId() != null)
                        .forEach(x -> replay.count(x.speakerId(), x.outcome(), able));
            } else {
                replay.session(s, bySession.getOrDefault(s.id(), List.of()), able);
            }
        }
        return replay.violations;
    }

    private void count(UUID person, SlotOutcome outcome, List<MemberInput> able) {
        if (outcome == SlotOutcome.NOT_DELIVERED) {
            owed.add(person);
            return;
        }
        if (!able.isEmpty() && able.stream().allMatch(m -> cycle.contains(m.personId()))) {
            cycle.clear();
        }
        cycle.add(person);
        owed.remove(person);
    }

    private int tier(MemberInput m) {
        return cycle.contains(m.personId()) ? 1 : 0;
    }

    private UUID group(UUID person) {
        return members.stream().filter(m -> m.personId().equals(person)).findFirst().map(MemberInput::groupId)
                .orElse(null);
    }

    private void session(SessionInput s, List<SpeakerAssignment> planned, List<MemberInput> able) {
        Set<UUID> speaking = new HashSet<>();
        Set<UUID> groups = new HashSet<>();
        for (SpeakerAssignment a : planned) {
            if (a.reason() == SpeakerReason.KEPT && a.personId() != null) {
                Slot pin = s.slots().stream().filter(x -> x.number() == a.slot()).findFirst().orElseThrow();
                count(a.personId(), pin.outcome(), able);
                speaking.add(a.personId());
                if (group(a.personId()) != null) {
                    groups.add(group(a.personId()));
                }
            }
        }
        for (SpeakerAssignment a : planned) {
            if (a.reason() == SpeakerReason.KEPT) {
                continue;
            }
            String where = s.date() + " slot " + a.slot() + ": ";
            List<MemberInput> candidates = able.stream().filter(m -> !speaking.contains(m.personId())).toList();
            if (a.personId() == null) {
                if (!candidates.isEmpty()) {
                    violations.add(where + "empty while " + candidates.size() + " candidates were left");
                }
                continue;
            }
            MemberInput p = candidates.stream().filter(m -> m.personId().equals(a.personId())).findFirst()
                    .orElse(null);
            if (p == null) {
                violations.add(where + a.personId() + " is not a candidate (ineligible or speaking already)");
                continue;
            }
            if (!able.isEmpty() && able.stream().allMatch(m -> cycle.contains(m.personId()))) {
                cycle.clear();
            }
            int lowest = candidates.stream().mapToInt(this::tier).min().orElseThrow();
            if (tier(p) != lowest) {
                violations.add(where + a.personId() + " had spoken in the cycle while a candidate had not");
            }
            boolean owedLeft = candidates.stream().anyMatch(m -> tier(m) == lowest && owed.contains(m.personId()));
            if (owedLeft != (a.reason() == SpeakerReason.RESCHEDULED) || owedLeft && !owed.contains(p.personId())) {
                violations.add(where + a.personId() + " " + a.reason() + " while an owed candidate was " + owedLeft);
            }
            UUID g = p.groupId();
            if (a.reason() != SpeakerReason.RESCHEDULED && g != null && groups.contains(g) && candidates.stream()
                    .anyMatch(m -> tier(m) == lowest && (m.groupId() == null || !groups.contains(m.groupId())))) {
                violations.add(where + a.personId() + " repeats group " + g + " while another group was free");
            }
            count(p.personId(), SlotOutcome.PENDING, able);
            speaking.add(p.personId());
            if (g != null) {
                groups.add(g);
            }
        }
    }

}
