package cn.zhibu.study;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of {@code /v1/study-materials}. */
public final class StudyMaterialViews {

    static final String TEXT = cn.zhibu.platform.openapi.Patterns.TEXT;
    static final String LONG_TEXT = cn.zhibu.platform.openapi.Patterns.LONG_TEXT;
    static final String TAG = "^\\S{1,16}$";
    /** An http or https address: a host name (no user name or password), an optional port, then ASCII only. */
    public static final String URL = "^https?://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?([/?#][\\x21-\\x7E]*)?$";
    static final int MAX_STUDY_SECONDS = 14400;
    /** An RFC 3339 instant, for nullable ones (the scanner drops their format). */
    public static final String INSTANT = cn.zhibu.platform.openapi.Patterns.INSTANT;

    private StudyMaterialViews() {
    }

    @Schema(name = "StudyMaterialCreate", description = "A new study material for the members of a unit's subtree. "
            + "The url is only stored and shown, never fetched by the server.")
    public record Create(
            @Schema(description = "The audience: the unit whose subtree (all its members) the material is for",
                    required = true) @NotNull UUID unitId,
            @Schema(required = true, examples = "ARTICLE") @NotNull MaterialKind kind,
            @Schema(minLength = 1, maxLength = 100, pattern = TEXT, required = true,
                    examples = "深入学习贯彻党的二十届三中全会精神") @NotBlank @Size(max = 100) @Pattern(regexp = TEXT) String title,
            @Schema(description = "A few lines on what it is about", maxLength = 1000, pattern = LONG_TEXT,
                    examples = "全会审议通过的决定的要点解读。") @Size(max = 1000) @Pattern(regexp = LONG_TEXT) String summary,
            @Schema(description = "Where to study it: http or https, ASCII (percent-encode the rest), no user name",
                    format = "uri", minLength = 10, maxLength = 2048, pattern = URL, required = true,
                    examples = "https://www.12371.cn/2024/07/21/ARTI1721563200000000.shtml")
            @NotNull @Size(min = 10, max = 2048) @Pattern(regexp = URL) String url,
            @Schema(type = SchemaType.ARRAY, implementation = MaterialTag.class, maxItems = 8,
                    description = "Up to 8 short tags; repeats are dropped")
            @Size(max = 8) List<@NotNull @Pattern(regexp = TAG) String> tags,
            @Schema(description = "Least time, in seconds, a member spends on it between opening it and checking in; "
                    + "a quicker check-in is flagged for review. 0 (the default): no minimum", minimum = "0",
                    maximum = "14400", examples = "300") @Min(0) @Max(MAX_STUDY_SECONDS) Integer minStudySeconds,
            @Schema(description = "When it opens (default: now); in the years 2000 to 2100", format = "date-time",
                    pattern = InstantInRange.PATTERN, examples = "2026-12-01T00:00:00+08:00")
            @InstantInRange Instant publishFrom,
            @Schema(description = "When it closes; none: it stays open; in the years 2000 to 2100", format = "date-time",
                    pattern = InstantInRange.PATTERN, examples = "2027-01-01T00:00:00+08:00")
            @InstantInRange Instant publishUntil,
            @Schema(description = "Study hours (学时) a member earns by studying it (a credited check-in on it, once): 0 "
                    + "to 12 in steps of 0.5; none: it credits none", minimum = "0", maximum = "12", multipleOf = 0.5,
                    examples = "1.5") @StudyHoursValue BigDecimal studyHours) {
    }

    @Schema(name = "StudyMaterialChange", description = "A study material's new content and publishing window (all of "
            + "them; the audience stays). Check-ins already made keep counting.")
    public record Change(
            @Schema(required = true, examples = "ARTICLE") @NotNull MaterialKind kind,
            @Schema(minLength = 1, maxLength = 100, pattern = TEXT, required = true,
                    examples = "深入学习贯彻党的二十届三中全会精神") @NotBlank @Size(max = 100) @Pattern(regexp = TEXT) String title,
            @Schema(description = "A few lines on what it is about", maxLength = 1000, pattern = LONG_TEXT,
                    examples = "全会审议通过的决定的要点解读。") @Size(max = 1000) @Pattern(regexp = LONG_TEXT) String summary,
            @Schema(description = "Where to study it: http or https, ASCII (percent-encode the rest), no user name",
                    format = "uri", minLength = 10, maxLength = 2048, pattern = URL, required = true,
                    examples = "https://www.12371.cn/2024/07/21/ARTI1721563200000000.shtml")
            @NotNull @Size(min = 10, max = 2048) @Pattern(regexp = URL) String url,
            @Schema(type = SchemaType.ARRAY, implementation = MaterialTag.class, maxItems = 8,
                    description = "Up to 8 short tags; repeats are dropped")
            @Size(max = 8) List<@NotNull @Pattern(regexp = TAG) String> tags,
            @Schema(description = "Least time, in seconds, between opening and checking in (0: no minimum)",
                    minimum = "0", maximum = "14400", required = true, examples = "300")
            @NotNull @Min(0) @Max(MAX_STUDY_SECONDS) Integer minStudySeconds,
            @Schema(description = "When it opens; in the years 2000 to 2100", format = "date-time",
                    pattern = InstantInRange.PATTERN, required = true, examples = "2026-12-01T00:00:00+08:00")
            @NotNull @InstantInRange Instant publishFrom,
            @Schema(description = "When it closes; none: it stays open; in the years 2000 to 2100", format = "date-time",
                    pattern = InstantInRange.PATTERN, examples = "2027-01-01T00:00:00+08:00")
            @InstantInRange Instant publishUntil,
            @Schema(description = "Study hours (学时) a member earns by studying it (a credited check-in on it, once): 0 "
                    + "to 12 in steps of 0.5; none: it credits none", minimum = "0", maximum = "12", multipleOf = 0.5,
                    examples = "1.5") @StudyHoursValue BigDecimal studyHours) {
    }

    @Schema(name = "StudyMaterial", description = "A study material for the members of a unit's subtree. Members see "
            + "it from publishFrom on, until it is withdrawn; they check in on it while it is open (from publishFrom "
            + "to publishUntil).")
    public record View(
            UUID id,
            @Schema(description = "The audience: the unit whose subtree the material is for") UUID unitId,
            MaterialKind kind,
            @Schema(maxLength = 100, pattern = TEXT, examples = "深入学习贯彻党的二十届三中全会精神") String title,
            @Schema(maxLength = 1000, pattern = LONG_TEXT, nullable = true) String summary,
            @Schema(format = "uri", maxLength = 2048, pattern = URL,
                    examples = "https://www.12371.cn/2024/07/21/ARTI1721563200000000.shtml") String url,
            @Schema(type = SchemaType.ARRAY, implementation = MaterialTag.class, maxItems = 8) List<String> tags,
            @Schema(minimum = "0", maximum = "14400", examples = "300") int minStudySeconds,
            @Schema(description = "Study hours (学时) it credits; null: none", minimum = "0", maximum = "12",
                    multipleOf = 0.5, nullable = true) BigDecimal studyHours,
            Instant publishFrom,
            @Schema(format = "date-time", pattern = INSTANT, nullable = true) Instant publishUntil,
            @Schema(description = "When it was withdrawn; null while it is not", format = "date-time",
                    pattern = INSTANT, nullable = true) Instant withdrawnAt,
            @Schema(description = "Who made it (account id)", maxLength = 80, pattern = "^[A-Za-z0-9:._-]{1,80}$")
            String createdBy,
            @Schema(description = "Version; the ETag of the resource",
                    examples = "0") long version,
            Instant createdAt,
            Instant updatedAt) {

        static View of(StudyMaterial m) {
            return new View(m.id, m.unitId, m.kind, m.title, m.summary, m.url, Arrays.asList(m.tags), m.minStudySeconds,
                    m.studyHours, m.publishFrom, m.publishUntil, m.withdrawnAt, m.createdBy, m.version, m.createdAt, m.updatedAt);
        }

        /** Whether members may study it at this instant: not withdrawn, and inside its publishing window. */
        public boolean openAt(Instant at) {
            return withdrawnAt == null && !publishFrom.isAfter(at) && (publishUntil == null || publishUntil.isAfter(at));
        }
    }

    @Schema(name = "MaterialOpening", description = "When the caller first opened a material today (the server's "
            + "clock). A check-in on the material is measured from it: one made before checkInFrom, or claiming more "
            + "study time than has passed since, is flagged for review.")
    public record Opening(
            UUID materialId,
            UUID personId,
            @Schema(description = "The business day (Asia/Shanghai)", format = "date") LocalDate businessDate,
            @Schema(description = "The first opening of the day") Instant openedAt,
            @Schema(description = "The earliest a check-in on it is plausible: openedAt plus the material's minimum "
                    + "study time") Instant checkInFrom) {
    }

    @Schema(name = "StudyMaterialPage", description = "One page of study materials, latest opening first.")
    public record Page(
            @Schema(description = "The materials of this page", maxItems = 100, required = true) List<View> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true, required = true)
            String nextCursor) {
    }
}
