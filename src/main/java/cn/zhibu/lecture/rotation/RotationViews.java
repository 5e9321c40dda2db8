package cn.zhibu.lecture.rotation;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of {@code /v1/rotations}. */
public final class RotationViews {

    static final String PLAN_ID = "^[0-9a-f]{64}$";
    static final String REASON = "^[A-Z_]{1,16}$";

    private RotationViews() {
    }

    @Schema(name = "RotationSlot", description = "A lecture slot of a session the rotation plans: who has it now and "
            + "who the plan gives it to, with the reason")
    public record PlannedSlot(
            @Schema(minimum = "1", maximum = "10") int slot,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID currentSpeakerId,
            @Schema(description = "None: nobody eligible is left", format = "uuid",
                    pattern = Patterns.UUID, nullable = true) UUID speakerId,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 32, nullable = true) String speakerName,
            @Schema(description = "KEPT (pinned by a swap or a secretary), RESCHEDULED, NEVER_LECTURED or "
                    + "LONGEST_SINCE", maxLength = 16, pattern = REASON, nullable = true) String reason,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 200, nullable = true, examples = "最久未讲：上次 2026-Q1") String reasonText,
            @Schema(format = "date", pattern = Patterns.DATE, nullable = true) LocalDate lastLectureOn,
            @Schema(description = "Whether applying the plan changes this slot") boolean changed) {
    }

    @Schema(name = "RotationHost", description = "The host unit of a session the rotation plans")
    public record PlannedHost(
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID currentUnitId,
            @Schema(description = "None: every unit is blacked out that day", format = "uuid",
                    pattern = Patterns.UUID, nullable = true) UUID unitId,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 64, nullable = true) String unitName,
            @Schema(description = "NEVER_HOSTED, LONGEST_SINCE, or CHOSEN (by a secretary, kept)", maxLength = 16,
                    pattern = REASON, nullable = true) String reason,
            @Schema(format = "date", pattern = Patterns.DATE, nullable = true) LocalDate lastHostedOn,
            boolean changed) {
    }

    @Schema(name = "RotationSession", description = "A future PLANNED session and what the plan makes of it")
    public record PlannedSession(
            UUID partyDayId,
            @Schema(format = "date") LocalDate heldOn,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 100) String theme,
            PlannedHost host,
            @Schema(maxItems = 10) List<PlannedSlot> slots) {
    }

    @Schema(name = "RotationDue", description = "A member due to lecture, in the order the rotation picks them")
    public record Due(
            UUID personId,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 32) String name,
            @Schema(maxLength = 16, pattern = REASON) String reason,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 200) String reasonText,
            @Schema(format = "date", pattern = Patterns.DATE, nullable = true) LocalDate lastLectureOn,
            @Schema(description = "Spoken in the current round already") boolean spokenInCycle) {
    }

    @Schema(name = "RotationPlan", description = "The rotation of a branch's future PLANNED sessions: hosts and "
            + "speakers as the plan makes them, against what they are now. Held, confirmed, cancelled and past "
            + "sessions are never changed; slots pinned by a swap or a secretary are kept.")
    public record Plan(
            UUID branchId,
            @Schema(description = "Names this plan against the present state; apply it with this id",
                    maxLength = 64, pattern = PLAN_ID) String planId,
            @Schema(format = "date") LocalDate asOf,
            @Schema(description = "Hosts and slots that applying the plan changes", minimum = "0", maximum = "100000")
            int changes,
            @Schema(maxItems = 1000) List<PlannedSession> sessions,
            @Schema(description = "Who is due to lecture next (the first 20)", maxItems = 20) List<Due> due) {
    }

    @Schema(name = "RotationApply", description = "Apply the plan previewed under this id")
    public record Apply(
            @Schema(description = "The planId of the preview; if the plan has changed since, 412 "
                    + "ROTATION_PLAN_CHANGED", maxLength = 64, pattern = PLAN_ID, required = true)
            @NotNull @Pattern(regexp = PLAN_ID) String planId) {
    }

    @Schema(name = "RotationSettings", description = "A branch's rotation rules")
    public record Settings(
            UUID branchId,
            @Schema(description = "Days after joining the branch before a member lectures (default 30)",
                    minimum = "0", maximum = "3650") int newcomerDays,
            @Schema(description = "Whether probationary members (预备党员) lecture too (default no)")
            boolean probationaryEligible,
            @Schema(description = "Whether the branch has chosen them (false: the defaults)") boolean chosen,
            @Schema(description = "Version; the ETag")
            long version) {
    }

    @Schema(name = "RotationSettingsChange", description = "A branch's new rotation rules")
    public record SettingsChange(
            @Schema(minimum = "0", maximum = "3650", required = true, examples = "30") @NotNull @Min(0) @Max(3650)
            Integer newcomerDays,
            @Schema(required = true) @NotNull Boolean probationaryEligible) {
    }

    @Schema(name = "SpeakerAbsenceCreate", description = "An exemption from lecturing (LEAVE, ILLNESS, OTHER; "
            + "secretaries) or days a member cannot lecture (UNAVAILABLE; the member themself too), inclusive")
    public record AbsenceCreate(
            @Schema(required = true) @NotNull UUID personId,
            @Schema(required = true, examples = "LEAVE") @NotNull AbsenceKind kind,
            @Schema(format = "date", required = true, examples = "2027-03-01") @NotNull LocalDate from,
            @Schema(format = "date", required = true, examples = "2027-05-31") @NotNull LocalDate to,
            @Schema(maxLength = 200, pattern = Patterns.LONG_TEXT, examples = "产假") @Size(max = 200)
            @Pattern(regexp = Patterns.LONG_TEXT) String reason) {
    }

    @Schema(name = "SpeakerAbsence", description = "An exemption from lecturing, or days a member cannot lecture")
    public record Absence(
            UUID id,
            UUID branchId,
            UUID personId,
            AbsenceKind kind,
            @Schema(format = "date") LocalDate from,
            @Schema(format = "date") LocalDate to,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 200, nullable = true) String reason,
            Instant createdAt) {
    }

    @Schema(name = "HostBlackoutCreate", description = "Days (inclusive) a party group or department cannot host")
    public record BlackoutCreate(
            @Schema(required = true) @NotNull UUID unitId,
            @Schema(format = "date", required = true, examples = "2027-06-01") @NotNull LocalDate from,
            @Schema(format = "date", required = true, examples = "2027-06-30") @NotNull LocalDate to,
            @Schema(maxLength = 200, pattern = Patterns.LONG_TEXT, examples = "年中审计") @Size(max = 200)
            @Pattern(regexp = Patterns.LONG_TEXT) String reason) {
    }

    @Schema(name = "HostBlackout", description = "Days a party group or department cannot host")
    public record Blackout(
            UUID id,
            UUID unitId,
            @Schema(format = "date") LocalDate from,
            @Schema(format = "date") LocalDate to,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 200, nullable = true) String reason,
            Instant createdAt) {
    }

    @Schema(name = "SpeakerAbsenceList", description = "A branch's exemptions and unavailable days, latest first")
    public record Absences(@Schema(type = SchemaType.ARRAY, implementation = Absence.class, maxItems = 1000)
            List<Absence> items) {
    }

    @Schema(name = "HostBlackoutList", description = "A branch's host blackouts, latest first")
    public record Blackouts(@Schema(type = SchemaType.ARRAY, implementation = Blackout.class, maxItems = 1000)
            List<Blackout> items) {
    }

    @Schema(name = "CoveragePerson", description = "A party member's figures in the period")
    public record CoveragePerson(
            UUID personId,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 32) String name,
            @Schema(minimum = "0", maximum = "100000") int sessionsAttended,
            @Schema(minimum = "0", maximum = "100000") int lecturesDelivered,
            @Schema(description = "Their last delivered lecture ever", format = "date",
                    pattern = Patterns.DATE, nullable = true) LocalDate lastLectureOn) {
    }

    @Schema(name = "Coverage", description = "A branch's party-day coverage in a period (培训覆盖面)")
    public record Coverage(
            UUID branchId,
            @Schema(format = "date") LocalDate from,
            @Schema(format = "date") LocalDate to,
            @Schema(description = "Party members of the branch in the period", minimum = "0", maximum = "1000000")
            int members,
            @Schema(description = "Sessions started and not cancelled in the period", minimum = "0",
                    maximum = "100000") int sessions,
            @Schema(description = "Members who attended at least one of them", minimum = "0", maximum = "1000000")
            int attendedAtLeastOne,
            @Schema(description = "attendedAtLeastOne / members, 0 to 1 (0 without members)", minimum = "0",
                    maximum = "1") double attendanceShare,
            @Schema(minimum = "0", maximum = "1000000") int lecturesDelivered,
            @Schema(description = "lecturesDelivered / members", minimum = "0", maximum = "1000000")
            double lecturesPerMember,
            @Schema(description = "Each member's figures, by name (the first 1000)", maxItems = 1000)
            List<RotationViews.CoveragePerson> people,
            @Schema(description = "Who is due to lecture next (the first 10)", maxItems = 10)
            List<RotationViews.Due> due) {
    }
}
