package cn.zhibu.lecture.attendance;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of sign-in codes, attendance and lecture ratings. */
public final class AttendanceViews {

    /** Six digits, as shown on site. */
    static final String CODE = "^[0-9]{6}$";

    private AttendanceViews() {
    }

    @Schema(name = "SignInCode", description = "The one-time code to show on site: it signs in one member, and "
            + "expires after zhibu.party-days.sign-in-code-seconds; ask again for the next one")
    public record Code(
            @Schema(maxLength = 6, pattern = CODE, examples = "042917") String code,
            @Schema(examples = "2027-03-26T06:31:00Z") Instant expiresAt,
            UUID partyDayId) {
    }

    @Schema(name = "SignIn", description = "The code shown on site, typed by a member")
    public record SignIn(
            @Schema(maxLength = 6, minLength = 6, pattern = CODE, required = true, examples = "042917")
            @NotNull @Pattern(regexp = CODE) String code) {
    }

    @Schema(name = "AttendanceRecord", description = "A secretary records a member's attendance or leave (请假)")
    public record Record(
            @Schema(required = true, examples = "LEAVE") @NotNull AttendanceStatus status,
            @Schema(description = "Why: required for LEAVE", maxLength = 200, pattern = Patterns.TEXT,
                    examples = "因公出差") @Size(max = 200) @Pattern(regexp = Patterns.TEXT) String reason) {
    }

    @Schema(name = "Attendance", description = "A member's attendance of a session")
    public record View(
            UUID partyDayId,
            UUID personId,
            @Schema(examples = "PRESENT") AttendanceStatus status,
            @Schema(description = "CODE: signed in with a code shown on site; RECORDED: by a secretary",
                    examples = "CODE") AttendanceMethod method,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 200, nullable = true, examples = "因公出差") String reason,
            @Schema(examples = "2027-03-26T06:25:12Z") Instant recordedAt) {

        static View of(Attendance a) {
            return new View(a.partyDayId, a.personId, a.status, a.method, a.reason, a.recordedAt);
        }
    }

    /** A member's attendance as listed: NOT_RECORDED while nothing is recorded. */
    @Schema(name = "AttendanceRollStatus")
    public enum RollStatus {
        PRESENT, LEAVE, ABSENT, NOT_RECORDED
    }

    @Schema(name = "AttendanceRollEntry", description = "A member of the branch on the session's day")
    public record Entry(
            UUID personId,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 32, examples = "张三") String name,
            @Schema(examples = "NOT_RECORDED") RollStatus status,
            @Schema(nullable = true, maxLength = 16, examples = "CODE") AttendanceMethod method,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 200, nullable = true) String reason,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true)
            Instant recordedAt) {
    }

    @Schema(name = "AttendanceCounts", description = "How many members are in each status")
    public record Counts(
            @Schema(minimum = "0", maximum = "100000") int present,
            @Schema(minimum = "0", maximum = "100000") int leave,
            @Schema(minimum = "0", maximum = "100000") int absent,
            @Schema(minimum = "0", maximum = "100000") int notRecorded) {
    }

    @Schema(name = "AttendanceRoll", description = "Every member of the branch on the session's day (and anyone "
            + "else with a record), by name; at most " + AttendanceService.ROLL_LIMIT + " entries, with "
            + "`truncated` true when there are more. The counts are over all of them.")
    public record Roll(
            UUID partyDayId,
            Counts counts,
            @Schema(type = SchemaType.ARRAY, implementation = Entry.class, maxItems = AttendanceService.ROLL_LIMIT)
            List<Entry> items,
            @Schema(description = "More members than the entries listed") boolean truncated) {
    }

    @Schema(name = "LectureRatingCreate", description = "An attendee's score of a delivered lecture, 1 to 5")
    public record Rate(
            @Schema(minimum = "1", maximum = "5", required = true, examples = "5") @NotNull @Min(1) @Max(5)
            Integer score) {
    }

    @Schema(name = "LectureRating", description = "The caller's rating of a lecture")
    public record Rating(
            UUID lectureId,
            @Schema(minimum = "1", maximum = "5", examples = "5") int score,
            @Schema(examples = "2027-03-26T08:40:00Z") Instant createdAt) {
    }
}
