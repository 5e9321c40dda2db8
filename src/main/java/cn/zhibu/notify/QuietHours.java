package cn.zhibu.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A branch's quiet hours: from {@code from} until {@code until} in the business time zone, every day. A window whose
 * end is earlier than its start runs over midnight (22:00 to 07:30); equal ends mean no quiet hours at all.
 */
public record QuietHours(LocalTime from, LocalTime until) {

    /** Whether this local time of day is quiet. */
    public boolean isQuiet(LocalTime time) {
        if (from.equals(until)) {
            return false;
        }
        if (from.isBefore(until)) {
            return !time.isBefore(from) && time.isBefore(until);
        }
        return !time.isBefore(from) || time.isBefore(until);
    }

    /** When a message due at {@code now} may be sent: empty when now is not quiet, else the end of the quiet hours. */
    public Optional<Instant> waitUntil(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        if (!isQuiet(local.toLocalTime())) {
            return Optional.empty();
        }
        ZonedDateTime end = local.with(until);
        if (!end.isAfter(local)) {
            end = local.toLocalDate().plusDays(1).atTime(until).atZone(zone);
        }
        return Optional.of(end.toInstant());
    }
}
