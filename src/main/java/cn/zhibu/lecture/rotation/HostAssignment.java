package cn.zhibu.lecture.rotation;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The host of one session.
 *
 * @param unitId the host, or null when every unit is blacked out that day (or a fixed session had none)
 * @param reason why it; null when no unit could host
 * @param lastHostedOn the date it hosted before this one, or null
 */
public record HostAssignment(UUID sessionId, UUID unitId, HostReason reason, LocalDate lastHostedOn) {
}
