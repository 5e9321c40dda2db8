package cn.zhibu.lecture.rotation;

/**
 * A branch's rules for who may be asked to lecture.
 *
 * @param newcomerDays a member lectures at the earliest this many days after joining
 * @param probationaryEligible whether probationary members (预备党员) take turns too
 */
public record SpeakerRules(int newcomerDays, boolean probationaryEligible) {
}
