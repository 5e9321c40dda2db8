package cn.zhibu.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Business time: which day and which ISO week an instant belongs to, in the branch's zone
 * ({@code zhibu.time-zone}, Asia/Shanghai by default). The server's clock decides, never a client.
 */
@ApplicationScoped
public class BusinessCalendar {

    private final Clock clock;
    private final ZoneId zone;

    public BusinessCalendar(Clock clock,
            @ConfigProperty(name = "zhibu.time-zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Now, to the microsecond: what PostgreSQL keeps, so an answer shows the instant later reads show. */
    public Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    public OffsetDateTime nowInZone() {
        return clock.instant().atZone(zone).toOffsetDateTime();
    }

    public LocalDate today() {
        return dateOf(clock.instant());
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public IsoWeek currentWeek() {
        return IsoWeek.of(today());
    }

    public IsoWeek weekOf(Instant instant) {
        return IsoWeek.of(dateOf(instant));
    }

    /** The first instant of the week: Monday 00:00 in the business zone. */
    public Instant weekStart(IsoWeek week) {
        return week.monday().atStartOfDay(zone).toInstant();
    }

    /** The first instant after the week: the next Monday 00:00 (the week ends at Sunday 24:00). */
    public Instant weekEnd(IsoWeek week) {
        return week.monday().plusWeeks(1).atStartOfDay(zone).toInstant();
    }
}
