package cn.zhibu.lecture.lecturers;

import cn.zhibu.lecture.LectureLink;
import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of a session's lecturers. */
public final class LecturerViews {

    /** An http or https address, ASCII (as a lecture's links). */
    static final String URL = "^https?://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?([/?#][\\x21-\\x7E]*)?$";
    static final String BY = "^[A-Za-z0-9:._-]{1,80}$";

    private LecturerViews() {
    }

    @Schema(name = "LecturerGuest", description = "An invited lecturer from outside zhibu (邀请专家授课)")
    public record Guest(
            @Schema(minLength = 1, maxLength = 32, pattern = Patterns.TEXT, required = true, examples = "李明")
            @NotBlank @Size(max = 32) @Pattern(regexp = Patterns.TEXT) String name,
            @Schema(maxLength = 64, pattern = Patterns.TEXT, examples = "教授") @Size(max = 64)
            @Pattern(regexp = Patterns.TEXT) String title,
            @Schema(maxLength = 100, pattern = Patterns.TEXT, examples = "武汉大学马克思主义学院") @Size(max = 100)
            @Pattern(regexp = Patterns.TEXT) String organisation) {
    }

    @Schema(name = "LecturerCreate", description = "A lecturer of a session: personId (a person of zhibu) or guest, "
            + "exactly one of them")
    public record Create(
            @Schema(description = "A person of zhibu (e.g. a leading cadre)") UUID personId,
            @Schema(description = "An invited guest") @Valid Guest guest,
            @Schema(minLength = 1, maxLength = 100, pattern = Patterns.TEXT, required = true,
                    examples = "深入学习贯彻党的二十届三中全会精神") @NotBlank @Size(max = 100)
            @Pattern(regexp = Patterns.TEXT) String topic,
            @Schema(type = SchemaType.ARRAY, maxItems = 5, implementation = LectureLink.class,
                    description = "Links to the materials (http or https)")
            @Size(max = 5) List<@NotNull @Size(min = 10, max = 2048) @Pattern(regexp = URL) String> materials,
            @Schema(description = "Where the lecturer comes, 1 to 5 (default: after the others)", minimum = "1",
                    maximum = "5", examples = "1") @Min(1) @Max(5) Integer order) {
    }

    @Schema(name = "LecturerChange", description = "A lecturer's new details (all of them); once the session is "
            + "HELD only the topic and materials may differ")
    public record Change(
            @Schema(description = "A person of zhibu") UUID personId,
            @Schema(description = "An invited guest") @Valid Guest guest,
            @Schema(minLength = 1, maxLength = 100, pattern = Patterns.TEXT, required = true,
                    examples = "深入学习贯彻党的二十届三中全会精神") @NotBlank @Size(max = 100)
            @Pattern(regexp = Patterns.TEXT) String topic,
            @Schema(type = SchemaType.ARRAY, maxItems = 5, implementation = LectureLink.class)
            @Size(max = 5) List<@NotNull @Size(min = 10, max = 2048) @Pattern(regexp = URL) String> materials,
            @Schema(minimum = "1", maximum = "5", required = true, examples = "1") @NotNull @Min(1) @Max(5)
            Integer order) {
    }

    @Schema(name = "Lecturer", description = "A lecturer of a session, with the topic and materials")
    public record View(
            UUID id,
            UUID partyDayId,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID personId,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 32, nullable = true, examples = "张三") String personName,
            @Schema(nullable = true) Guest guest,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 100) String topic,
            @Schema(type = SchemaType.ARRAY, maxItems = 5, implementation = LectureLink.class) List<String> materials,
            @Schema(minimum = "1", maximum = "5") int order,
            @Schema(maxLength = 80, pattern = BY) String createdBy,
            Instant createdAt,
            Instant updatedAt,
            @Schema(description = "Version; the ETag of the lecturer") long version) {
    }

    @Schema(name = "LecturerList", description = "A session's lecturers in order")
    public record Lecturers(
            @Schema(type = SchemaType.ARRAY, implementation = View.class, maxItems = LecturerService.MAX)
            List<View> items) {
    }
}
