package cn.zhibu.lecture.rotation;

import java.time.LocalDate;

/**
 * A member is excused from lecturing from {@code from} to {@code to}, both inclusive.
 *
 * @param to the last day excused, or null when open-ended
 */
public record Exemption(LocalDate from, LocalDate to, ExemptionKind kind) {

    /** Whether the date falls inside this exemption. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }
}
