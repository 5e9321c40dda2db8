package cn.zhibu.lecture.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.lecture.compliance.ComplianceCalculator.Mark;
import cn.zhibu.lecture.compliance.ComplianceCalculator.Period;
import cn.zhibu.lecture.compliance.ComplianceCalculator.Result;
import cn.zhibu.lecture.compliance.ComplianceCalculator.Session;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The compliance view over a generated year: for any frequencies per kind, session dates (in the year and around
 * it) and day it is, held + missed + due + upcoming is the required count of each kind, every day of the year lies
 * in exactly one period, and each period's state follows from its sessions and the day.
 */
class ComplianceCalculatorPropertyTest {

    private static final int YEAR = 2027;

    @Provide
    Arbitrary<Session> sessions() {
        Arbitrary<LocalDate> days = Arbitraries.integers().between(-40, 365 + 40)
                .map(d -> LocalDate.of(YEAR, 1, 1).plusDays(d));
        return Combinators.combine(days, Arbitraries.of(Mark.class))
                .as((day, mark) -> new Session(UUID.randomUUID(), day, mark));
    }

    @Provide
    Arbitrary<List<Frequency>> frequencies() {
        return Arbitraries.of(Frequency.class).list().ofSize(cn.zhibu.lecture.PartyDayKind.values().length);
    }

    @Provide
    Arbitrary<LocalDate> todays() {
        return Arbitraries.integers().between(-400, 365 + 400).map(d -> LocalDate.of(YEAR, 1, 1).plusDays(d));
    }

    @Provide
    Arbitrary<Map<cn.zhibu.lecture.PartyDayKind, List<Session>>> sessionsByKind() {
        return Arbitraries.of(cn.zhibu.lecture.PartyDayKind.class).set().flatMap(kinds -> {
            Arbitrary<Map<cn.zhibu.lecture.PartyDayKind, List<Session>>> empty = Arbitraries.just(
                    new EnumMap<>(cn.zhibu.lecture.PartyDayKind.class));
            Arbitrary<Map<cn.zhibu.lecture.PartyDayKind, List<Session>>> result = empty;
            for (cn.zhibu.lecture.PartyDayKind kind : kinds) {
                result = Combinators.combine(result, sessions().list().ofMaxSize(30)).as((map, list) -> {
                    Map<cn.zhibu.lecture.PartyDayKind, List<Session>> copy = new EnumMap<>(map);
                    copy.put(kind, list);
                    return copy;
                });
            }
            return result;
        });
    }

    @Property(tries = 500)
    void heldMissedDueAndUpcomingAddUpToTheRequiredCountOfEachKind(
            @ForAll("sessionsByKind") Map<cn.zhibu.lecture.PartyDayKind, List<Session>> byKind,
            @ForAll("todays") LocalDate today, @ForAll("frequencies") List<Frequency> frequencies) {
        for (cn.zhibu.lecture.PartyDayKind kind : cn.zhibu.lecture.PartyDayKind.values()) {
            Frequency frequency = frequencies.get(kind.ordinal());
            List<Session> sessions = byKind.getOrDefault(kind, List.of());
            Result result = ComplianceCalculator.of(YEAR, frequency, sessions, today);
            assertEquals(frequency.periods(), result.required());
            assertEquals(result.required(), result.held() + result.missed() + result.due() + result.upcoming(),
                    kind + " at " + frequency);
            assertEquals(result.required(), result.periods().size());
            for (PeriodState state : PeriodState.values()) {
                long count = result.periods().stream().filter(p -> p.state() == state).count();
                assertEquals(count, switch (state) {
                    case HELD -> result.held();
                    case MISSED -> result.missed();
                    case DUE -> result.due();
                    case UPCOMING -> result.upcoming();
                });
            }
            assertEquals(sessions.stream().filter(s -> s.heldOn().getYear() == YEAR && s.mark() == Mark.HELD).count(),
                    result.sessionsHeld());
            checkPeriods(frequency, sessions, today, result);
        }
    }

    private static void checkPeriods(Frequency frequency, List<Session> sessions, LocalDate today, Result result) {
        if (frequency == Frequency.NONE) {
            assertTrue(result.periods().isEmpty());
            return;
        }
        // the periods cover the year, day after day, without a gap or an overlap
        LocalDate next = LocalDate.of(YEAR, 1, 1);
        int due = 0;
        for (Period period : result.periods()) {
            assertEquals(next, period.from());
            assertTrue(!period.to().isBefore(period.from()));
            next = period.to().plusDays(1);
            List<Session> in = sessions.stream().filter(s -> !s.heldOn().isBefore(period.from())
                    && !s.heldOn().isAfter(period.to())).toList();
            assertEquals(in.size(), period.sessions().size());
            boolean held = in.stream().anyMatch(s -> s.mark() == Mark.HELD);
            PeriodState expected = held ? PeriodState.HELD : period.to().isBefore(today) ? PeriodState.MISSED
                    : period.from().isAfter(today) ? PeriodState.UPCOMING : PeriodState.DUE;
            assertEquals(expected, period.state());
            if (!period.from().isAfter(today) && !period.to().isBefore(today)) {
                due++;
            }
        }
        assertEquals(LocalDate.of(YEAR + 1, 1, 1), next);
        // one period holds today when today is in the year; a DUE period is always that one
        assertEquals(today.getYear() == YEAR ? 1 : 0, due);
        assertTrue(result.due() <= due);
    }

    @Property(tries = 200)
    void aSessionFallsInThePeriodOfItsMonth(@ForAll("sessions") Session session) {
        for (Frequency frequency : Frequency.values()) {
            if (frequency == Frequency.NONE) {
                continue;
            }
            int period = frequency.periodOf(session.heldOn());
            LocalDate day = session.heldOn();
            assertTrue(!day.isBefore(frequency.start(day.getYear(), period)) && !day.isAfter(
                    frequency.end(day.getYear(), period)));
        }
    }
}
