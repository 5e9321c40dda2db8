package cn.zhibu.lecture.minutes;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of a session's minutes (会议记录), their addenda and attachments. */
public final class MinutesViews {

    static final int MAX_TOPICS = 30;
    static final int MAX_RESOLUTIONS = 50;
    static final int MAX_ADDENDA = 200;

    private MinutesViews() {
    }

    /** The contract's name for a topic of a session. */
    @Schema(name = "MinutesTopic", type = SchemaType.STRING, minLength = 1, maxLength = 200,
            pattern = Patterns.TEXT, description = "A topic discussed", examples = "传达学习党的二十届三中全会精神")
    public static final class Topic {

        private Topic() {
        }
    }

    @Schema(name = "MinutesResolutionWrite", description = "A resolution (议定事项) with the member who sees it through")
    public record ResolutionWrite(
            @Schema(maxLength = 500, pattern = Patterns.TEXT, required = true, examples = "各党小组于月底前完成专题学习")
            @NotBlank @Size(max = 500) @Pattern(regexp = Patterns.TEXT) String text,
            @Schema(required = true, description = "A member of the branch on the session's day") @NotNull
            UUID ownerId,
            @Schema(required = true, examples = "2027-04-30") @NotNull LocalDate dueOn) {
    }

    @Schema(name = "MinutesWrite", description = "The whole record of a session (all of it, replacing what was "
            + "there): host and recorder (members of the branch on the session's day), topics, resolutions, notes")
    public record Write(
            @Schema(required = true) @NotNull UUID hostId,
            @Schema(required = true) @NotNull UUID recorderId,
            @Schema(type = SchemaType.ARRAY, maxItems = MAX_TOPICS, implementation = Topic.class, required = true)
            @NotNull @Size(max = MAX_TOPICS)
            List<@NotBlank @Size(max = 200) @Pattern(regexp = Patterns.TEXT) String> topics,
            @Schema(type = SchemaType.ARRAY, maxItems = MAX_RESOLUTIONS, implementation = ResolutionWrite.class,
                    required = true) @NotNull @Size(max = MAX_RESOLUTIONS) List<@NotNull @Valid ResolutionWrite>
            resolutions,
            @Schema(maxLength = 4000, pattern = Patterns.LONG_TEXT, examples = "会议由支部书记主持。")
            @Size(max = 4000) @Pattern(regexp = Patterns.LONG_TEXT) String notes) {
    }

    @Schema(name = "MinutesResolution", description = "A resolution (议定事项), its owner and due date")
    public record Resolution(
            @Schema(maxLength = 500, pattern = Patterns.TEXT, examples = "各党小组于月底前完成专题学习") String text,
            UUID ownerId,
            @Schema(maxLength = 32, pattern = Patterns.LONG_TEXT, nullable = true, examples = "张三") String ownerName,
            @Schema(examples = "2027-04-30") LocalDate dueOn) {
    }

    @Schema(name = "MinutesAttendance", description = "The session's attendance as recorded now: expected (those "
            + "its kind expects on its day: the committee, the party group or the branch's members), present, on leave, absent, and not recorded")
    public record AttendanceSummary(
            @Schema(minimum = "0", maximum = "100000") int expected,
            @Schema(minimum = "0", maximum = "100000") int present,
            @Schema(minimum = "0", maximum = "100000") int leave,
            @Schema(minimum = "0", maximum = "100000") int absent,
            @Schema(minimum = "0", maximum = "100000") int notRecorded) {
    }

    @Schema(name = "MinutesAddendum", description = "A correction of archived minutes, with who wrote it and when")
    public record Addendum(
            UUID id,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT, examples = "更正：第二项议定事项的完成时限为5月15日。")
            String text,
            @Schema(description = "The subject of the token that wrote it", maxLength = 80,
                    pattern = Patterns.LONG_TEXT) String author,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true,
                    description = "The person, when written from a person's account")
            UUID authorPersonId,
            @Schema(maxLength = 32, pattern = Patterns.LONG_TEXT, nullable = true, examples = "张三") String authorName,
            @Schema(examples = "2027-04-02T02:15:00Z") Instant createdAt) {
    }

    @Schema(name = "MinutesAddendumCreate", description = "A correction of archived minutes")
    public record AddendumCreate(
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT, required = true,
                    examples = "更正：第二项议定事项的完成时限为5月15日。")
            @NotBlank @Size(max = 2000) @Pattern(regexp = Patterns.LONG_TEXT) String text) {
    }

    @Schema(name = "Minutes", description = "A session's minutes (会议记录). Until written, `written` is false, the "
            + "record's fields are null or empty and `version` is 0 (send If-Match \"0\" to write them first). The "
            + "attendance is computed when read. Once archived, the record never changes; addenda correct it.")
    public record View(
            UUID partyDayId,
            @Schema(description = "Whether the minutes were written") boolean written,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID hostId,
            @Schema(maxLength = 32, pattern = Patterns.LONG_TEXT, nullable = true, examples = "王书记") String hostName,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID recorderId,
            @Schema(maxLength = 32, pattern = Patterns.LONG_TEXT, nullable = true, examples = "李四") String recorderName,
            @Schema(type = SchemaType.ARRAY, maxItems = MAX_TOPICS, implementation = Topic.class) List<String> topics,
            @Schema(type = SchemaType.ARRAY, maxItems = MAX_RESOLUTIONS, implementation = Resolution.class)
            List<Resolution> resolutions,
            @Schema(maxLength = 4000, pattern = Patterns.LONG_TEXT, nullable = true) String notes,
            AttendanceSummary attendance,
            @Schema(description = "Whether the secretary archived the minutes") boolean archived,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant archivedAt,
            @Schema(maxLength = 80, pattern = Patterns.LONG_TEXT, nullable = true) String archivedBy,
            @Schema(type = SchemaType.ARRAY, maxItems = MAX_ADDENDA, implementation = Addendum.class)
            List<Addendum> addenda,
            @Schema(maxLength = 80, pattern = Patterns.LONG_TEXT, nullable = true) String writtenBy,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant writtenAt,
            @Schema(description = "The record's version, its ETag (0 until written)") long version) {
    }

    /** What an attachment is for. */
    @Schema(name = "MinutesAttachmentPurpose")
    public enum Purpose {
        PHOTO, SIGN_IN_SHEET, MINUTES_SCAN
    }

    @Schema(name = "MinutesAttachment", description = "A file of a session: a photo, the sign-in sheet or the "
            + "scanned minutes")
    public record Attachment(
            UUID id,
            UUID partyDayId,
            @Schema(examples = "PHOTO") Purpose purpose,
            @Schema(maxLength = 255, pattern = Patterns.LONG_TEXT, examples = "合影.jpg") String fileName,
            @Schema(description = "image/jpeg, image/png or application/pdf", maxLength = 32,
                    pattern = "^(image/jpeg|image/png|application/pdf)$", examples = "image/jpeg") String contentType,
            @Schema(minimum = "1", maximum = "2147483647") int size,
            @Schema(description = "SHA-256 of the bytes, hex", maxLength = 64, pattern = "^[0-9a-f]{64}$")
            String sha256,
            @Schema(maxLength = 80, pattern = Patterns.LONG_TEXT) String uploadedBy,
            @Schema(examples = "2027-03-26T08:40:00Z") Instant uploadedAt) {
    }

    @Schema(name = "MinutesAttachmentList", description = "All attachments of a session, oldest first (at most "
            + "zhibu.minutes.max-attachments)")
    public record Attachments(
            @Schema(type = SchemaType.ARRAY, implementation = Attachment.class, maxItems = 1000) List<Attachment> items) {
    }
}
