package cn.zhibu.lecture.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.lecture.rotation.Branches.Branch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The speaker planner's promises, over random branches (see {@link Branches}). */
class SpeakerPlannerPropertyTest {

    @Provide
    Arbitrary<Branch> branches() {
        return Branches.branches();
    }

    /**
     * Fairness, eligibility, owed first and spread, checked by replaying the documented rules over the fixed
     * sessions and the plan (see {@link Replay}): every planned (not pinned) slot goes to a candidate (a member
     * eligible and available that day, not yet speaking in the session) of the lowest tier, i.e. nobody who had
     * spoken in the current cycle while a candidate had not; an owed candidate of that tier first, as RESCHEDULED;
     * a group already speaking in the session only when no candidate of that tier from another group (or none)
     * was left; and a slot is empty only when no candidate was left.
     */
    @Property(tries = 300)
    void everyPickFollowsTheRules(@ForAll("branches") Branch b) {
        List<SpeakerAssignment> plan = SpeakerPlanner.plan(b.members(), b.sessions(), b.rules());
        assertEquals(List.of(), Replay.check(b.members(), b.sessions(), b.rules(), plan));
    }

    /** Nobody is planned while exempt, unavailable, not a member, a newcomer or (when not allowed) probationary. */
    @Property(tries = 300)
    void nobodyIneligibleIsPlanned(@ForAll("branches") Branch b) {
        Map<UUID, MemberInput> byId = new HashMap<>();
        b.members().forEach(m -> byId.put(m.personId(), m));
        Map<UUID, SessionInput> sessions = new HashMap<>();
        b.sessions().forEach(s -> sessions.put(s.id(), s));
        for (SpeakerAssignment a : SpeakerPlanner.plan(b.members(), b.sessions(), b.rules())) {
            if (a.personId() != null && a.reason() != SpeakerReason.KEPT) {
                SessionInput s = sessions.get(a.sessionId());
                assertTrue(Replay.eligible(byId.get(a.personId()), s.date(), b.rules()), a.toString());
                assertTrue(SpeakerPlanner.eligible(byId.get(a.personId()), s.date(), b.rules()), a.toString());
            }
        }
    }

    /** The plan covers exactly the sessions to plan, slots 1..slotCount, and keeps every pinned slot as it is. */
    @Property(tries = 150)
    void thePlanCoversTheSessionsToPlanAndKeepsPins(@ForAll("branches") Branch b) {
        List<SpeakerAssignment> plan = SpeakerPlanner.plan(b.members(), b.sessions(), b.rules());
        assertEquals(expectedShape(b.sessions()), plan.stream().map(a -> a.sessionId() + "#" + a.slot()).toList());
        for (SessionInput s : b.sessions()) {
            for (Slot pin : s.slots()) {
                if (pin.pinned() && !s.fixed() && !s.cancelled()) {
                    assertTrue(plan.contains(new SpeakerAssignment(s.id(), pin.number(), pin.speakerId(),
                            SpeakerReason.KEPT, plan.stream().filter(a -> a.sessionId().equals(s.id())
                                    && a.slot() == pin.number()).findFirst().orElseThrow().lastLectureOn())));
                }
            }
        }
    }

    /** Same inputs give the same plan, and so do the members, sessions and slots given in any other order. */
    @Property(tries = 150)
    void thePlanIsDeterministic(@ForAll("branches") Branch b, @ForAll long seed) {
        List<SpeakerAssignment> plan = SpeakerPlanner.plan(b.members(), b.sessions(), b.rules());
        assertEquals(plan, SpeakerPlanner.plan(b.members(), b.sessions(), b.rules()));
        Random random = new Random(seed);
        List<MemberInput> members = new ArrayList<>(b.members());
        Collections.shuffle(members, random);
        List<SessionInput> sessions = new ArrayList<>();
        for (SessionInput s : b.sessions()) {
            List<Slot> slots = new ArrayList<>(s.slots());
            Collections.shuffle(slots, random);
            sessions.add(new SessionInput(s.id(), s.date(), s.slotCount(), s.fixed(), s.cancelled(), s.hostUnitId(),
                    slots));
        }
        Collections.shuffle(sessions, random);
        assertEquals(plan, SpeakerPlanner.plan(members, sessions, b.rules()));
        assertEquals(SpeakerPlanner.dueAt(b.members(), b.sessions(), b.rules(), Branches.BASE.plusDays(800)),
                SpeakerPlanner.dueAt(members, sessions, b.rules(), Branches.BASE.plusDays(800)));
    }

    static List<String> expectedShape(List<SessionInput> sessions) {
        List<String> shape = new ArrayList<>();
        SpeakerPlanner.chronological(sessions).stream().filter(s -> !s.fixed() && !s.cancelled())
                .forEach(s -> {
                    for (int n = 1; n <= s.slotCount(); n++) {
                        shape.add(s.id() + "#" + n);
                    }
                });
        return shape;
    }
}
