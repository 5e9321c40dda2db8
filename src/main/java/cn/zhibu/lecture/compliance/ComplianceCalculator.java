package cn.zhibu.lecture.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The periods of a year at a frequency and the state of each, from the year's sessions of one kind and the day it
 * is: HELD when a session counted as held falls in it, else MISSED once it is over, DUE while it runs, UPCOMING
 * before it starts. Every period is in exactly one state, so held + missed + due + upcoming is the required count.
 * No database: the caller says which sessions count as held (see {@link Mark}).
 */
public final class ComplianceCalculator {

    private ComplianceCalculator() {
    }

    /** How a session counts: HELD (held, or started and not cancelled) or PLANNED (not started, not cancelled). */
    @Schema(name = "ComplianceSessionCount", description = "HELD: held, or started and not cancelled; PLANNED: "
            + "not started yet")
    public enum Mark {
        HELD,
        PLANNED
    }

    /** One session of the kind: its id, the day it is (or was) held and how it counts. Cancelled ones are left out. */
    public record Session(UUID id, LocalDate heldOn, Mark mark) {
    }

    /** One period: its days (inclusive), its state and the sessions in it (held and planned), earliest first. */
    public record Period(int number, LocalDate from, LocalDate to, PeriodState state, List<Session> sessions) {
    }

    /** A kind's year: the periods, and how many are in each state. */
    public record Result(Frequency frequency, int required, int held, int missed, int due, int upcoming,
            int sessionsHeld, List<Period> periods) {
    }

    /** The year's periods at {@code frequency}, from the sessions of the kind (those of other years are ignored). */
    public static Result of(int year, Frequency frequency, List<Session> sessions, LocalDate today) {
        List<Session> inYear = sessions.stream().filter(s -> s.heldOn().getYear() == year)
                .sorted(java.util.Comparator.comparing(Session::heldOn).thenComparing(Session::id)).toList();
        int sessionsHeld = (int) inYear.stream().filter(s -> s.mark() == Mark.HELD).count();
        List<Period> periods = new ArrayList<>(frequency.periods());
        int[] counts = new int[PeriodState.values().length];
        for (int number = 0; number < frequency.periods(); number++) {
            int n = number;
            List<Session> in = inYear.stream().filter(s -> frequency.periodOf(s.heldOn()) == n).toList();
            LocalDate from = frequency.start(year, number);
            LocalDate to = frequency.end(year, number);
            PeriodState state = state(in, from, to, today);
            counts[state.ordinal()]++;
            periods.add(new Period(number + 1, from, to, state, in));
        }
        return new Result(frequency, frequency.periods(), counts[PeriodState.HELD.ordinal()],
                counts[PeriodState.MISSED.ordinal()], counts[PeriodState.DUE.ordinal()],
                counts[PeriodState.UPCOMING.ordinal()], sessionsHeld, periods);
    }

    static PeriodState state(List<Session> in, LocalDate from, LocalDate to, LocalDate today) {
        if (in.stream().anyMatch(s -> s.mark() == Mark.HELD)) {
            return PeriodState.HELD;
        }
        if (to.isBefore(today)) {
            return PeriodState.MISSED;
        }
        return from.isAfter(today) ? PeriodState.UPCOMING : PeriodState.DUE;
    }
}
