package cn.zhibu.lecture.rotation;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The speaker of one slot of a planned session.
 *
 * @param personId the speaker, or null when no eligible candidate was left (the slot stays empty)
 * @param reason why them; null when the slot stays empty
 * @param lastLectureOn the date of their lecture before this one, or null
 */
public record SpeakerAssignment(UUID sessionId, int slot, UUID personId, SpeakerReason reason,
        LocalDate lastLectureOn) {
}
