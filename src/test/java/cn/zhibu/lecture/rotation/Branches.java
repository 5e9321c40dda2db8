package cn.zhibu.lecture.rotation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random branches for the rotation properties: 3 to 25 members in up to four party groups (some in none), with
 * exemptions, unavailable session days, newcomers, leavers and probationary members; 1 to 12 sessions of 1 to 4
 * slots, some fixed with random history (including NOT_DELIVERED and repeated speakers), some cancelled, some
 * with pinned slots.
 */
final class Branches {

    static final LocalDate BASE = LocalDate.of(2026, 1, 1);

    private Branches() {
    }

    /** A branch and its rules. */
    record Branch(List<MemberInput> members, List<SessionInput> sessions, SpeakerRules rules) {
    }

    private record MemberShape(long idBits, int group, boolean probationary, int joinedDay, int stayDays,
            List<int[]> exemptions, List<Integer> unavailable) {
    }

    private record SessionShape(long idBits, int slots, int state, List<int[]> slotDraws) {
    }

    static UUID id(long bits, long n) {
        return new UUID(bits, n);
    }

    /** Days of the sessions, from BASE: gaps of 0 (same day) to 60 days. */
    static Arbitrary<List<Integer>> sessionDays() {
        return Arbitraries.integers().between(0, 60).list().ofMinSize(1).ofMaxSize(12).map(gaps -> {
            List<Integer> days = new ArrayList<>();
            int day = 0;
            for (int gap : gaps) {
                day += gap;
                days.add(day);
            }
            return days;
        });
    }

    static Arbitrary<Branch> branches() {
        return sessionDays().flatMap(days -> Arbitraries.integers().between(3, 25).flatMap(n -> members(days, n)
                .flatMap(members -> sessions(days, members).flatMap(sessions -> rules()
                        .map(rules -> new Branch(members, sessions, rules))))));
    }

    /** Branches where every member is always eligible and every session is to plan, without pins. */
    static Arbitrary<Branch> plainBranches(boolean groups) {
        return sessionDays().flatMap(days -> Arbitraries.integers().between(3, 25).flatMap(n -> Combinators
                .combine(Arbitraries.longs(), Arbitraries.integers().between(groups ? 0 : 4, 4),
                        Arbitraries.integers().between(0, 400))
                .as((bits, group, joined) -> new MemberInput(id(bits, 0), group > 3 ? null : id(0, group + 1), false,
                        BASE.minusDays(joined), null, List.of(), null))
                .list().ofSize(n)
                .map(ms -> {
                    List<MemberInput> out = new ArrayList<>();
                    for (int i = 0; i < ms.size(); i++) {
                        MemberInput m = ms.get(i);
                        out.add(new MemberInput(id(m.personId().getMostSignificantBits(), i), m.groupId(), false, m.joinedOn(), null,
                                List.of(), null));
                    }
                    return out;
                })
                .flatMap(members -> Arbitraries.integers().between(1, 4).list().ofSize(days.size())
                        .map(slots -> {
                            List<SessionInput> sessions = new ArrayList<>();
                            for (int i = 0; i < days.size(); i++) {
                                sessions.add(new SessionInput(id(0, 1000 + i), BASE.plusDays(days.get(i)),
                                        slots.get(i), false, false, null, List.of()));
                            }
                            return new Branch(members, sessions, new SpeakerRules(0, false));
                        }))));
    }

    static Arbitrary<SpeakerRules> rules() {
        return Combinators.combine(Arbitraries.of(0, 0, 30, 90, 365), Arbitraries.of(true, false))
                .as(SpeakerRules::new);
    }

    static Arbitrary<List<MemberInput>> members(List<Integer> days, int n) {
        int last = days.get(days.size() - 1);
        Arbitrary<int[]> exemption = Combinators.combine(Arbitraries.integers().between(-30, last),
                Arbitraries.integers().between(0, 120), Arbitraries.integers().between(0, 2))
                .as((from, length, kind) -> new int[] {from, length, kind});
        Arbitrary<MemberShape> shape = Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 5),
                Arbitraries.of(false, false, false, true), Arbitraries.integers().between(-700, last + 10),
                Arbitraries.integers().between(0, 3000), exemption.list().ofMaxSize(2),
                Arbitraries.integers().between(0, days.size() - 1).list().ofMaxSize(3))
                .as(MemberShape::new);
        return shape.list().ofSize(n).map(shapes -> {
            List<MemberInput> members = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
                MemberShape s = shapes.get(i);
                LocalDate joined = BASE.plusDays(s.joinedDay());
                LocalDate left = s.stayDays() > 1500 ? null : joined.plusDays(s.stayDays());
                List<Exemption> exemptions = s.exemptions().stream().map(e -> new Exemption(BASE.plusDays(e[0]),
                        e[1] > 100 ? null : BASE.plusDays(e[0] + e[1]), ExemptionKind.values()[e[2]])).toList();
                TreeSet<LocalDate> unavailable = new TreeSet<>();
                s.unavailable().forEach(k -> unavailable.add(BASE.plusDays(days.get(k))));
                members.add(new MemberInput(id(s.idBits(), i), s.group() >= 4 ? null : id(0, s.group() + 1),
                        s.probationary(), joined, left, exemptions, unavailable));
            }
            return members;
        });
    }

    /** State 0..5 to plan, 6..7 fixed, 8 cancelled; slot draws: speaker index, outcome, pinned (1 in 6). */
    static Arbitrary<List<SessionInput>> sessions(List<Integer> days, List<MemberInput> members) {
        Arbitrary<int[]> draw = Combinators.combine(Arbitraries.integers().between(-1, members.size() - 1),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 5))
                .as((who, outcome, pin) -> new int[] {who, outcome, pin});
        Arbitrary<SessionShape> shape = Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(0, 8), draw.list().ofSize(4)).as(SessionShape::new);
        return shape.list().ofSize(days.size()).map(shapes -> {
            List<SessionInput> sessions = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
                SessionShape s = shapes.get(i);
                boolean fixed = s.state() >= 6;
                boolean cancelled = s.state() == 8;
                List<Slot> slots = new ArrayList<>();
                for (int n = 1; n <= s.slots(); n++) {
                    int[] d = s.slotDraws().get(n - 1);
                    UUID who = d[0] < 0 ? null : members.get(d[0]).personId();
                    boolean pinned = d[2] == 0;
                    if (fixed) {
                        slots.add(new Slot(n, who, SlotOutcome.values()[d[1]], pinned));
                    } else if (pinned && (who == null || slots.stream().noneMatch(x -> who.equals(x.speakerId())))) {
                        slots.add(new Slot(n, who, SlotOutcome.PENDING, true));
                    }
                }
                sessions.add(new SessionInput(id(s.idBits(), 1000 + i), BASE.plusDays(days.get(i)), s.slots(), fixed,
                        cancelled, null, slots));
            }
            return sessions;
        });
    }
}
