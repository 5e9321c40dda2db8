package cn.zhibu.lecture.rotation;

import java.time.LocalDate;

/** Days, both inclusive, on which a unit cannot host. */
public record Blackout(LocalDate from, LocalDate to) {

    /** Whether the date falls inside this blackout. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
