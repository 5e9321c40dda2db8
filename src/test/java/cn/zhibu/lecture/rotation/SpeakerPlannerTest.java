package cn.zhibu.lecture.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.lecture.rotation.SpeakerPlanner.Due;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Example;

/** Worked examples of the speaker planner. */
class SpeakerPlannerTest {

    static final UUID G1 = new UUID(0, 0x61);
    static final UUID G2 = new UUID(0, 0x62);
    static final UUID A = new UUID(0, 0xA);
    static final UUID B = new UUID(0, 0xB);
    static final UUID C = new UUID(0, 0xC);
    static final UUID D = new UUID(0, 0xD);
    static final SpeakerRules RULES = new SpeakerRules(0, true);

    static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    static MemberInput member(UUID id, UUID group, String joined) {
        return new MemberInput(id, group, false, day(joined), null, List.of(), Set.of());
    }

    static SessionInput session(int n, String date, int slots, boolean fixed, Slot... given) {
        return new SessionInput(new UUID(1, n), day(date), slots, fixed, false, null, List.of(given));
    }

    static SpeakerAssignment a(int session, int slot, UUID who, SpeakerReason reason, String last) {
        return new SpeakerAssignment(new UUID(1, session), slot, who, reason, last == null ? null : day(last));
    }

    /** A and B in group 1, C and D in group 2, joined in that order; two slots a quarter. */
    static final List<MemberInput> FOUR = List.of(member(A, G1, "2020-01-01"), member(B, G1, "2020-02-01"),
            member(C, G2, "2020-03-01"), member(D, G2, "2020-04-01"));

    @Example
    void workedExample() {
        // Q1: nobody has lectured; A first (joined first), then B is next but group 1 already speaks: C.
        // Q2: B and D have not spoken in the cycle. Q3: everyone has: a new cycle, the longest since first
        // (A and C, both Q1). Q4: B and D again.
        List<SessionInput> sessions = List.of(session(1, "2026-01-15", 2, false), session(2, "2026-04-15", 2, false),
                session(3, "2026-07-15", 2, false), session(4, "2026-10-15", 2, false));
        assertEquals(List.of(
                a(1, 1, A, SpeakerReason.NEVER_LECTURED, null), a(1, 2, C, SpeakerReason.NEVER_LECTURED, null),
                a(2, 1, B, SpeakerReason.NEVER_LECTURED, null), a(2, 2, D, SpeakerReason.NEVER_LECTURED, null),
                a(3, 1, A, SpeakerReason.LONGEST_SINCE, "2026-01-15"),
                a(3, 2, C, SpeakerReason.LONGEST_SINCE, "2026-01-15"),
                a(4, 1, B, SpeakerReason.LONGEST_SINCE, "2026-04-15"),
                a(4, 2, D, SpeakerReason.LONGEST_SINCE, "2026-04-15")),
                SpeakerPlanner.plan(FOUR, sessions, RULES));
    }

    @Example
    void whoDidNotDeliverGoesFirstAndFixedSessionsAreNotPlanned() {
        List<SessionInput> sessions = List.of(
                session(1, "2026-01-15", 2, true, new Slot(1, A, SlotOutcome.DELIVERED, false),
                        new Slot(2, D, SlotOutcome.NOT_DELIVERED, false)),
                session(2, "2026-04-15", 2, false), session(3, "2026-07-15", 2, false));
        // Q2: D is owed, then B (never lectured; group 2 speaks already, group 1 is free). Q3: C, then a new
        // cycle: A is the longest since (Q1).
        assertEquals(List.of(
                a(2, 1, D, SpeakerReason.RESCHEDULED, null), a(2, 2, B, SpeakerReason.NEVER_LECTURED, null),
                a(3, 1, C, SpeakerReason.NEVER_LECTURED, null), a(3, 2, A, SpeakerReason.LONGEST_SINCE, "2026-01-15")),
                SpeakerPlanner.plan(FOUR, sessions, RULES));
    }

    @Example
    void pinnedSlotsAreKeptAndCount() {
        List<SessionInput> sessions = List.of(
                session(1, "2026-01-15", 2, false, new Slot(2, D, SlotOutcome.PENDING, true)),
                session(2, "2026-04-15", 2, false));
        assertEquals(List.of(
                a(1, 1, A, SpeakerReason.NEVER_LECTURED, null), a(1, 2, D, SpeakerReason.KEPT, null),
                a(2, 1, B, SpeakerReason.NEVER_LECTURED, null), a(2, 2, C, SpeakerReason.NEVER_LECTURED, null)),
                SpeakerPlanner.plan(FOUR, sessions, RULES));
    }

    @Example
    void aSlotStaysEmptyWhenNobodyEligibleIsLeft() {
        MemberInput away = new MemberInput(C, G2, false, day("2020-01-01"), null,
                List.of(new Exemption(day("2026-01-01"), day("2026-03-31"), ExemptionKind.ILLNESS)),
                Set.of());
        MemberInput busy = new MemberInput(D, G2, false, day("2020-01-01"), null, List.of(),
                Set.of(day("2026-01-15")));
        List<MemberInput> members = List.of(member(A, G1, "2020-01-01"), member(B, null, "2026-01-10"), away, busy);
        List<SpeakerAssignment> plan = SpeakerPlanner.plan(members, List.of(session(1, "2026-01-15", 3, false)),
                new SpeakerRules(30, true));
        assertEquals(List.of(a(1, 1, A, SpeakerReason.NEVER_LECTURED, null), a(1, 2, null, null, null),
                a(1, 3, null, null, null)), plan);
    }

    @Example
    void eligibilityBoundsAreInclusive() {
        MemberInput m = new MemberInput(A, null, true, day("2026-01-01"), day("2026-12-31"),
                List.of(new Exemption(day("2026-06-01"), day("2026-06-30"), ExemptionKind.LEAVE)),
                Set.of(day("2026-09-09")));
        SpeakerRules rules = new SpeakerRules(90, true);
        assertFalse(SpeakerPlanner.eligible(m, day("2026-03-31"), rules)); // joined 89 days before
        assertTrue(SpeakerPlanner.eligible(m, day("2026-04-01"), rules)); // 90 days
        assertFalse(SpeakerPlanner.eligible(m, day("2026-06-01"), rules));
        assertFalse(SpeakerPlanner.eligible(m, day("2026-06-30"), rules));
        assertTrue(SpeakerPlanner.eligible(m, day("2026-07-01"), rules));
        assertFalse(SpeakerPlanner.eligible(m, day("2026-09-09"), rules));
        assertTrue(SpeakerPlanner.eligible(m, day("2026-12-31"), rules));
        assertFalse(SpeakerPlanner.eligible(m, day("2027-01-01"), rules));
        assertFalse(SpeakerPlanner.eligible(m, day("2026-07-01"), new SpeakerRules(90, false)));
    }

    @Example
    void dueAtListsThePickOrder() {
        List<SessionInput> sessions = List.of(
                session(1, "2026-01-15", 2, true, new Slot(1, A, SlotOutcome.DELIVERED, false),
                        new Slot(2, D, SlotOutcome.NOT_DELIVERED, false)),
                session(2, "2026-04-15", 1, false));
        // planned Q2: D (owed); so B and C are still to speak in this cycle, then A and D
        assertEquals(List.of(new Due(B, SpeakerReason.NEVER_LECTURED, null, false),
                new Due(C, SpeakerReason.NEVER_LECTURED, null, false),
                new Due(A, SpeakerReason.LONGEST_SINCE, day("2026-01-15"), true),
                new Due(D, SpeakerReason.LONGEST_SINCE, day("2026-04-15"), true)),
                SpeakerPlanner.dueAt(FOUR, sessions, RULES, day("2026-07-15")));
    }

    /**
     * Why a window of sessions can be uneven by two when groups are spread: A and C share group 1. Q1 A, Q2 B,
     * Q3 C and then (a new cycle) A is the longest since, but group 1 speaks already: B. Over Q2 and Q3, B spoke
     * twice and A never. Every prefix stays even by one.
     */
    @Example
    void spreadCanMakeAWindowUnevenByTwo() {
        List<MemberInput> members = List.of(member(A, G1, "2020-01-01"), member(B, G2, "2020-02-01"),
                member(C, G1, "2020-03-01"));
        List<SessionInput> sessions = List.of(session(1, "2026-01-10", 1, false), session(2, "2026-02-10", 1, false),
                session(3, "2026-03-10", 2, false));
        assertEquals(List.of(a(1, 1, A, SpeakerReason.NEVER_LECTURED, null),
                a(2, 1, B, SpeakerReason.NEVER_LECTURED, null), a(3, 1, C, SpeakerReason.NEVER_LECTURED, null),
                a(3, 2, B, SpeakerReason.LONGEST_SINCE, "2026-02-10")), SpeakerPlanner.plan(members, sessions, RULES));
    }
}
