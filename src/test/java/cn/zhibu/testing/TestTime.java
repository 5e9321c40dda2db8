package cn.zhibu.testing;

import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.arc.Arc;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The time of the service under test, for tests that cannot inject it: its clock (the {@link TestClock}, which
 * follows the system clock until a test sets it) and its business calendar. A test reads today once and derives
 * every other date from that reading, so a test running across midnight in the business zone stays consistent.
 */
public final class TestTime {

    private TestTime() {
    }

    /** The service's clock now. */
    public static Instant now() {
        return Arc.container().instance(Clock.class).get().instant();
    }

    /** Today in the business zone, on the service's clock. */
    public static LocalDate today() {
        return calendar().today();
    }

    public static BusinessCalendar calendar() {
        return Arc.container().instance(BusinessCalendar.class).get();
    }
}
