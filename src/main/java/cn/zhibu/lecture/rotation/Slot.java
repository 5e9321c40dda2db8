package cn.zhibu.lecture.rotation;

import java.util.UUID;

/**
 * One lecture slot of a session, numbered from 1.
 *
 * @param speakerId who speaks, or null while the slot is empty
 * @param pinned set by a swap or by the secretary: re-planning keeps it as it is
 */
public record Slot(int number, UUID speakerId, SlotOutcome outcome, boolean pinned) {
}
