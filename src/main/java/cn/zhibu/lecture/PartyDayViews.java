package cn.zhibu.lecture;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of {@code /v1/party-days}. */
public final class PartyDayViews {

    static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

    private PartyDayViews() {
    }

    @Schema(name = "PartyDayCreate", description = "A new session of a branch, PLANNED. Its lecture slots are filled "
            + "by the rotation (or by hand); its host unit is chosen here or by the rotation.")
    public record Create(
            @Schema(description = "The branch holding it", required = true)
            @NotNull UUID branchId,
            @Schema(required = true, examples = "THEMED_PARTY_DAY") @NotNull PartyDayKind kind,
            @Schema(required = true, examples = "2027-03-26T14:30:00+08:00")
            @NotNull Instant startsAt,
            @Schema(required = true, examples = "2027-03-26T16:30:00+08:00")
            @NotNull Instant endsAt,
            @Schema(minLength = 1, maxLength = 100, pattern = Patterns.TEXT, required = true, examples = "学习贯彻党的二十届三中全会精神")
            @NotBlank @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String theme,
            @Schema(maxLength = 100, pattern = Patterns.TEXT, examples = "三楼会议室") @Size(max = 100) @Pattern(regexp = Patterns.TEXT)
            String place,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT, examples = "一、重温入党誓词\n二、微型党课\n三、交流研讨")
            @Size(max = 2000) @Pattern(regexp = Patterns.LONG_TEXT) String agenda,
            @Schema(description = "Micro lecture slots (微型党课), 0 to 10; default 0", minimum = "0", maximum = "10",
                    examples = "2") @Min(0) @Max(10) Integer lectureSlots,
            @Schema(description = "The host unit (a party group or department of the branch); none: the rotation "
                    + "chooses") UUID hostUnitId,
            @Schema(description = "The session's own study hours (学时), 0 to its length in half hours; none: its "
                    + "kind's setting", minimum = "0", maximum = "12", multipleOf = 0.5, examples = "2")
            @DecimalMin("0") @DecimalMax("12") BigDecimal studyHours,
            @Schema(description = "How it is held; default IN_PERSON") SessionFormat format,
            @Schema(description = "The party group whose meeting it is: required for PARTY_GROUP_MEETING, none "
                    + "otherwise") UUID partyGroupId,
            @Schema(description = "The rites held (政治仪式)", maxItems = 5, uniqueItems = true)
            @Size(max = 5) List<@NotNull Rite> rites) {
    }

    @Schema(name = "PartyDayChange", description = "A planned or confirmed session's new details (all of them). "
            + "Fewer lecture slots drop the last ones, which must have no recorded or pinned speaker.")
    public record Change(
            @Schema(required = true, examples = "THEMED_PARTY_DAY") @NotNull PartyDayKind kind,
            @Schema(required = true, examples = "2027-03-26T14:30:00+08:00")
            @NotNull Instant startsAt,
            @Schema(required = true, examples = "2027-03-26T16:30:00+08:00")
            @NotNull Instant endsAt,
            @Schema(minLength = 1, maxLength = 100, pattern = Patterns.TEXT, required = true, examples = "学习贯彻党的二十届三中全会精神")
            @NotBlank @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String theme,
            @Schema(maxLength = 100, pattern = Patterns.TEXT, examples = "三楼会议室") @Size(max = 100) @Pattern(regexp = Patterns.TEXT)
            String place,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT) @Size(max = 2000) @Pattern(regexp = Patterns.LONG_TEXT) String agenda,
            @Schema(minimum = "0", maximum = "10", required = true, examples = "2") @NotNull @Min(0) @Max(10)
            Integer lectureSlots,
            @Schema(description = "The host unit; none: the rotation chooses")
            UUID hostUnitId,
            @Schema(description = "The session's own study hours (学时), 0 to its length in half hours; none: its "
                    + "kind's setting", minimum = "0", maximum = "12", multipleOf = 0.5, examples = "2")
            @DecimalMin("0") @DecimalMax("12") BigDecimal studyHours,
            @Schema(description = "How it is held; default IN_PERSON") SessionFormat format,
            @Schema(description = "The party group whose meeting it is: required for PARTY_GROUP_MEETING, none "
                    + "otherwise") UUID partyGroupId,
            @Schema(description = "The rites held (政治仪式)", maxItems = 5, uniqueItems = true)
            @Size(max = 5) List<@NotNull Rite> rites) {
    }

    /** Which week of the month a series falls in. */
    public enum WeekOfMonth {
        FIRST, SECOND, THIRD, FOURTH, LAST
    }

    /** How often a series recurs. */
    public enum Frequency {
        MONTHLY, QUARTERLY
    }

    @Schema(name = "PartyDaySeries", description = "A year's sessions at a rule, e.g. quarterly on the last Friday "
            + "of the quarter's last month at 14:30. Dates already past, and days on which the branch already has a "
            + "session of that kind, are skipped, so the same series can be asked for again.")
    public record Series(
            @Schema(required = true) @NotNull UUID branchId,
            @Schema(minimum = "2000", maximum = "2100", required = true, examples = "2027") @NotNull @Min(2000)
            @Max(2100) Integer year,
            @Schema(required = true, examples = "THEMED_PARTY_DAY") @NotNull PartyDayKind kind,
            @Schema(required = true, examples = "QUARTERLY") @NotNull Frequency frequency,
            @Schema(description = "For QUARTERLY: which month of each quarter, 1 to 3 (default 3)", minimum = "1",
                    maximum = "3", examples = "3") @Min(1) @Max(3) Integer monthOfQuarter,
            @Schema(required = true, examples = "LAST") @NotNull WeekOfMonth weekOfMonth,
            @Schema(required = true, examples = "FRIDAY") @NotNull DayOfWeek weekday,
            @Schema(description = "Local start time (zhibu.time-zone), HH:mm", pattern = TIME, maxLength = 5,
                    required = true, examples = "14:30") @NotNull @Pattern(regexp = TIME) String startTime,
            @Schema(minimum = "15", maximum = "480", required = true, examples = "120") @NotNull @Min(15) @Max(480)
            Integer durationMinutes,
            @Schema(description = "The theme of every session (change each afterwards)", minLength = 1, maxLength = 100,
                    pattern = Patterns.TEXT, required = true, examples = "主题党日") @NotBlank @Size(max = 100)
            @Pattern(regexp = Patterns.TEXT) String theme,
            @Schema(maxLength = 100, pattern = Patterns.TEXT, examples = "三楼会议室") @Size(max = 100) @Pattern(regexp = Patterns.TEXT)
            String place,
            @Schema(minimum = "0", maximum = "10", examples = "2") @Min(0) @Max(10) Integer lectureSlots,
            @Schema(description = "How they are held; default IN_PERSON") SessionFormat format,
            @Schema(description = "The party group, for a series of PARTY_GROUP_MEETING") UUID partyGroupId) {
    }

    @Schema(name = "PartyDaySeriesResult", description = "The sessions a series created, and the dates it skipped")
    public record SeriesResult(
            @Schema(type = SchemaType.ARRAY, implementation = View.class, maxItems = 12) List<View> created,
            @Schema(type = SchemaType.ARRAY, implementation = LocalDate.class, maxItems = 12,
                    description = "Dates skipped: past, or the branch has a session of that kind that day")
            List<LocalDate> skipped) {
    }

    @Schema(name = "MicroLecture", description = "A lecture slot (微型党课) of a session: its speaker, why the "
            + "rotation chose them, and once recorded whether it was delivered")
    public record Lecture(
            UUID id,
            UUID partyDayId,
            @Schema(minimum = "1", maximum = "10") int slot,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true,
                    description = "None yet: nobody eligible was left, or the slot is not planned") UUID speakerId,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 32, nullable = true, examples = "张三") String speakerName,
            @Schema(description = "Why the speaker has the slot: KEPT, RESCHEDULED (did not deliver last time), "
                    + "NEVER_LECTURED, LONGEST_SINCE (rotation); SWAPPED, REASSIGNED (by hand)", maxLength = 16,
                    pattern = "^[A-Z_]{1,16}$", nullable = true, examples = "LONGEST_SINCE") String reason,
            @Schema(pattern = Patterns.LONG_TEXT, description = "The reason for display, in the Accept-Language", maxLength = 200, nullable = true,
                    examples = "最久未讲：上次 2026-Q1") String reasonText,
            @Schema(format = "date", pattern = Patterns.DATE, nullable = true) LocalDate lastLectureOn,
            @Schema(description = "Set by a swap or a secretary: re-planning keeps it") boolean pinned,
            LectureOutcome outcome,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 100, nullable = true) String topic,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 2000, nullable = true) String summary,
            @Schema(type = SchemaType.ARRAY, maxItems = 5, implementation = LectureLink.class) List<String> links,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true)
            Instant recordedAt,
            @Schema(description = "Ratings by attendees", minimum = "0", maximum = "100000") int ratingCount,
            @Schema(description = "Average rating 1 to 5, none before the first", minimum = "1", maximum = "5",
                    nullable = true) Double ratingAverage,
            @Schema(description = "Version; the ETag of the lecture") long version) {
    }

    @Schema(name = "PartyDay", description = "A session of a branch with its host unit and lecture slots")
    public record View(
            UUID id,
            UUID branchId,
            PartyDayKind kind,
            Instant startsAt,
            Instant endsAt,
            @Schema(description = "The day it is held (zhibu.time-zone)", format = "date")
            LocalDate heldOn,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 100) String theme,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 100, nullable = true) String place,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 2000, nullable = true) String agenda,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID hostUnitId,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 64, nullable = true, examples = "第一党小组") String hostUnitName,
            @Schema(description = "KEPT, NEVER_HOSTED, LONGEST_SINCE (rotation) or CHOSEN (by hand)", maxLength = 16,
                    pattern = "^[A-Z_]{1,16}$", nullable = true) String hostReason,
            @Schema(minimum = "0", maximum = "10") int lectureSlots,
            PartyDayState state,
            SessionFormat format,
            @Schema(description = "The party group whose meeting it is", format = "uuid", pattern = Patterns.UUID,
                    nullable = true) UUID partyGroupId,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 64, nullable = true, examples = "第一党小组")
            String partyGroupName,
            @Schema(description = "The session's own study hours; none: its kind's setting", minimum = "0",
                    maximum = "12", nullable = true) BigDecimal studyHours,
            @Schema(maxItems = 5) List<Rite> rites,
            @Schema(description = "With a POLITICAL_BIRTHDAY rite: the list of the branch's members whose party "
                    + "anniversary falls in the session's month (listPoliticalBirthdays)", maxLength = 200,
                    pattern = "^/v1/people/political-birthdays\\?[-a-zA-Z0-9=&]+$", nullable = true,
                    examples = "/v1/people/political-birthdays?unitId=1b4e28ba-2fa1-11d2-883f-0016d3cca427&from=2027-07-01&to=2027-07-31")
            String politicalBirthdays,
            @Schema(type = SchemaType.ARRAY, implementation = Lecture.class, maxItems = 10) List<Lecture> lectures,
            @Schema(description = "Version; the ETag of the resource") long version,
            Instant createdAt,
            Instant updatedAt) {
    }

    @Schema(name = "PartyDayPage", description = "One page of sessions, earliest first")
    public record Page(
            @Schema(maxItems = 100, required = true) List<View> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true, required = true)
            String nextCursor) {
    }
}
