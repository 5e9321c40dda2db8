package cn.zhibu.lecture.orglife;

import cn.zhibu.lecture.LectureLink;
import cn.zhibu.platform.openapi.Patterns;
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

/** Requests and answers of an organisational life meeting's problem list and rectification list. */
public final class OrgLifeViews {

    /** An http or https address, ASCII (as a lecture's links). */
    static final String URL = "^https?://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?([/?#][\\x21-\\x7E]*)?$";
    /** Who recorded something: an account id, or the system. */
    static final String BY = "^[A-Za-z0-9:._-]{1,80}$";

    private OrgLifeViews() {
    }

    @Schema(name = "OrgLifeProblemCreate", description = "A problem found at an organisational life meeting: the "
            + "committee's (personId absent) or a member's (personId: a member of the branch)")
    public record ProblemCreate(
            @Schema(required = true, examples = "MEMBER") @NotNull ProblemSubject subject,
            @Schema(description = "The member, for subject MEMBER only") UUID personId,
            @Schema(required = true, description = "SELF_EXAMINATION (对照检查), CRITICISM (批评与自我批评) or "
                    + "ORGANISATION (组织指出)", examples = "SELF_EXAMINATION") @NotNull ProblemSource source,
            @Schema(minLength = 1, maxLength = 1000, pattern = Patterns.LONG_TEXT, required = true,
                    examples = "理论学习不够系统，学用结合不紧密")
            @NotBlank @Size(max = 1000) @Pattern(regexp = Patterns.LONG_TEXT) String text) {
    }

    @Schema(name = "OrgLifeProblem", description = "An entry of a meeting's problem list (问题清单)")
    public record ProblemView(
            UUID id,
            UUID partyDayId,
            ProblemSubject subject,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID personId,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 32, nullable = true, examples = "张三") String personName,
            ProblemSource source,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 1000) String text,
            @Schema(maxLength = 80, pattern = BY) String createdBy,
            Instant createdAt,
            @Schema(description = "Version; the ETag of the entry") long version) {
    }

    @Schema(name = "OrgLifeProblemPage", description = "One page of a meeting's problem list, in the order recorded")
    public record ProblemPage(
            @Schema(maxItems = 100, required = true) List<ProblemView> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true, required = true)
            String nextCursor) {
    }

    @Schema(name = "RectificationCreate", description = "An item of a meeting's rectification list (整改清单): "
            + "what is to be done, by whom (a member of the branch), by when (the session's day or later)")
    public record RectificationCreate(
            @Schema(description = "The problem of the same session it rectifies") UUID problemId,
            @Schema(minLength = 1, maxLength = 500, pattern = Patterns.LONG_TEXT, required = true,
                    examples = "制定个人学习计划，每月精读一篇重要讲话")
            @NotBlank @Size(max = 500) @Pattern(regexp = Patterns.LONG_TEXT) String item,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT, examples = "每月第一周列出篇目，支部每季度检查")
            @Size(max = 2000) @Pattern(regexp = Patterns.LONG_TEXT) String measures,
            @Schema(description = "Who is responsible: a member of the branch", required = true)
            @NotNull UUID ownerId,
            @Schema(description = "Due on, not before the session's day", required = true, examples = "2027-06-30")
            @NotNull LocalDate dueOn) {
    }

    @Schema(name = "RectificationChange", description = "An OPEN item's new details (all of them)")
    public record RectificationChange(
            @Schema(description = "The problem of the same session it rectifies") UUID problemId,
            @Schema(minLength = 1, maxLength = 500, pattern = Patterns.LONG_TEXT, required = true,
                    examples = "制定个人学习计划，每月精读一篇重要讲话")
            @NotBlank @Size(max = 500) @Pattern(regexp = Patterns.LONG_TEXT) String item,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT) @Size(max = 2000)
            @Pattern(regexp = Patterns.LONG_TEXT) String measures,
            @Schema(description = "Who is responsible: a member of the branch", required = true)
            @NotNull UUID ownerId,
            @Schema(description = "Due on, not before the session's day", required = true, examples = "2027-09-30")
            @NotNull LocalDate dueOn) {
    }

    @Schema(name = "RectificationClose", description = "An item is DONE: what shows it (整改佐证)")
    public record Close(
            @Schema(minLength = 1, maxLength = 2000, pattern = Patterns.LONG_TEXT, required = true,
                    examples = "已制定学习计划并按月完成，学习笔记 12 篇")
            @NotBlank @Size(max = 2000) @Pattern(regexp = Patterns.LONG_TEXT) String evidence,
            @Schema(type = SchemaType.ARRAY, maxItems = 5, implementation = LectureLink.class,
                    description = "Links to the evidence (http or https)")
            @Size(max = 5) List<@NotNull @Size(min = 10, max = 2048) @Pattern(regexp = URL) String> links) {
    }

    @Schema(name = "Rectification", description = "An item of a meeting's rectification list, with its session")
    public record RectificationView(
            UUID id,
            UUID partyDayId,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 100, examples = "2026年度组织生活会") String partyDayTheme,
            @Schema(description = "The session's day", format = "date") LocalDate heldOn,
            UUID branchId,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID problemId,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 500) String item,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 2000, nullable = true) String measures,
            UUID ownerId,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 32, examples = "张三") String ownerName,
            @Schema(format = "date") LocalDate dueOn,
            RectificationState state,
            @Schema(description = "OPEN and due before today") boolean overdue,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 2000, nullable = true) String evidence,
            @Schema(type = SchemaType.ARRAY, maxItems = 5, implementation = LectureLink.class)
            List<String> evidenceLinks,
            @Schema(maxLength = 80, pattern = BY) String createdBy,
            Instant createdAt,
            @Schema(maxLength = 80, pattern = BY, nullable = true) String closedBy,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant closedAt,
            Instant updatedAt,
            @Schema(description = "Version; the ETag of the item") long version) {
    }

    @Schema(name = "RectificationPage", description = "One page of rectification items")
    public record RectificationPage(
            @Schema(maxItems = 100, required = true) List<RectificationView> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true, required = true)
            String nextCursor) {
    }
}
