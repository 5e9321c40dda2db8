package cn.zhibu.annual.plan;

import cn.zhibu.lecture.PartyDayKind;
import cn.zhibu.platform.openapi.Patterns;
import cn.zhibu.platform.paging.Pagination;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

/** Requests and answers of annual plans (年度计划), their items, summaries and reviews. */
public final class PlanViews {

    /** An https address, ASCII. */
    static final String HTTPS = "^https://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?([/?#][\\x21-\\x7E]*)?$";
    /** Who did something: an account id, or the system. */
    static final String BY = "^[A-Za-z0-9:._-]{1,80}$";

    private PlanViews() {
    }

    @Schema(name = "AnnualPlanCreate", description = "A branch's plan of a year: its own (ownerId absent) or a "
            + "committee member's")
    public record Create(
            @Schema(description = "The branch", required = true) @NotNull UUID unitId,
            @Schema(required = true, minimum = "2000", maximum = "2100", examples = "2026")
            @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(description = "A member of the branch committee, for a personal plan") UUID ownerId) {
    }

    @Schema(name = "AnnualPlanItemRequest", description = "An item of a plan, all of it: the kind of work, a title, "
            + "a target count or a target date in the plan's year (one of them), and who is responsible (a current "
            + "member of the branch; default: the plan's owner)")
    public record ItemRequest(
            @Schema(required = true, examples = "SESSIONS") @NotNull ItemKind kind,
            @Schema(description = "For SESSIONS only: which kind of session") PartyDayKind sessionKind,
            @Schema(minLength = 1, maxLength = 200, pattern = Patterns.TEXT, required = true,
                    examples = "每月召开支部委员会") @NotBlank @Size(max = 200) @Pattern(regexp = Patterns.TEXT) String title,
            @Schema(minimum = "1", maximum = "1000", examples = "12") @Min(1) @Max(1000) Integer targetCount,
            @Schema(description = "Done on or before this day of the plan's year", examples = "2026-06-30")
            LocalDate targetDate,
            @Schema(description = "Who is responsible: a current member of the branch") UUID ownerId) {
    }

    @Schema(name = "AnnualPlanItemCompletion", description = "An OTHER item is done: what shows it")
    public record Completion(
            @Schema(minLength = 1, maxLength = 2000, pattern = Patterns.LONG_TEXT, required = true,
                    examples = "组织党员赴革命教育基地开展现场教学 1 次") @NotBlank @Size(max = 2000)
            @Pattern(regexp = Patterns.LONG_TEXT) String evidence,
            @Schema(type = SchemaType.ARRAY, maxItems = 5, implementation = PlanLink.class,
                    description = "Links to the evidence (https)")
            @Size(max = 5) List<@NotNull @Size(min = 12, max = 2048) @Pattern(regexp = HTTPS) String> links) {
    }

    @Schema(name = "AnnualPlanSummary", description = "The plan's year-end summary (年度总结)")
    public record Summary(
            @Schema(minLength = 1, maxLength = 10000, pattern = Patterns.LONG_TEXT, required = true,
                    examples = "全年召开支部委员会 12 次，完成年度计划各项任务。") @NotBlank @Size(max = 10000)
            @Pattern(regexp = Patterns.LONG_TEXT) String text) {
    }

    @Schema(name = "AnnualPlanReviewRequest", description = "The unit above's decision on a submitted plan: "
            + "APPROVED (final) or RETURNED with a note saying why")
    public record ReviewRequest(
            @Schema(required = true, examples = "RETURNED") @NotNull ReviewDecision decision,
            @Schema(maxLength = 1000, pattern = Patterns.LONG_TEXT, description = "Required when RETURNED",
                    examples = "请补充党课开展情况") @Size(max = 1000) @Pattern(regexp = Patterns.LONG_TEXT) String note) {
    }

    @Schema(name = "AnnualPlanProgress", description = "How far an item is, computed live from the records (recorded "
            + "kinds) or from its tick (OTHER: done 1 of target 1 once ticked)")
    public record Progress(
            @Schema(minimum = "0", maximum = "2147483647",
                    description = "Records counted in the plan's year (OTHER: 1 when ticked)") int done,
            @Schema(minimum = "1", maximum = "1000", nullable = true,
                    description = "The target count; null for a date target") Integer target,
            @Schema(nullable = true, maxLength = 10, pattern = Patterns.DATE,
                    description = "The day of the first record counted") LocalDate firstOn,
            @Schema(description = "Count reached, or (date target) a first record on or before the date; OTHER: "
                    + "ticked") boolean met) {
    }

    @Schema(name = "AnnualPlanItem", description = "An item of a plan with its live progress")
    public record ItemView(
            UUID id,
            ItemKind kind,
            @Schema(nullable = true) PartyDayKind sessionKind,
            @Schema(pattern = Patterns.TEXT, maxLength = 200) String title,
            @Schema(minimum = "1", maximum = "1000", nullable = true) Integer targetCount,
            @Schema(nullable = true, maxLength = 10, pattern = Patterns.DATE) LocalDate targetDate,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID ownerId,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 32, nullable = true, examples = "张三") String ownerName,
            Progress progress,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant doneAt,
            @Schema(maxLength = 80, pattern = BY, nullable = true) String doneBy,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 2000, nullable = true) String evidence,
            @Schema(type = SchemaType.ARRAY, maxItems = 5, implementation = PlanLink.class) List<String> evidenceLinks,
            Instant createdAt,
            Instant updatedAt) {
    }

    @Schema(name = "AnnualPlanReview", description = "A review of the plan by the unit above")
    public record ReviewView(
            ReviewDecision decision,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 1000, nullable = true) String note,
            @Schema(maxLength = 80, pattern = BY) String reviewedBy,
            Instant reviewedAt) {
    }

    @Schema(name = "AnnualPlan", description = "A plan with its items, their live progress and its review history")
    public record View(
            UUID id,
            UUID unitId,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 64, examples = "机关党支部") String unitName,
            @Schema(minimum = "2000", maximum = "2100") int year,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true,
                    description = "The committee member whose plan it is; null for the branch's own") UUID ownerId,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 32, nullable = true) String ownerName,
            PlanState state,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 10000, nullable = true) String summary,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant submittedAt,
            @Schema(maxItems = 200) List<ItemView> items,
            @Schema(minimum = "0", maximum = "200", description = "How many items have met their target") int itemsMet,
            @Schema(maxItems = 100, description = "Reviews by the unit above, oldest first") List<ReviewView> reviews,
            @Schema(maxLength = 80, pattern = BY) String createdBy,
            Instant createdAt,
            Instant updatedAt,
            @Schema(description = "Version; the ETag of the plan with its items") long version) {
    }

    @Schema(name = "AnnualPlanListed", description = "A plan as a list shows it, without its items")
    public record Listed(
            UUID id,
            UUID unitId,
            @Schema(minimum = "2000", maximum = "2100") int year,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID ownerId,
            @Schema(pattern = Patterns.LONG_TEXT, maxLength = 32, nullable = true) String ownerName,
            PlanState state,
            @Schema(minimum = "0", maximum = "200") int itemCount,
            Instant updatedAt,
            long version) {
    }

    @Schema(name = "AnnualPlanPage", description = "One page of a unit's plans, the latest year first, then in "
            + "the order made")
    public record Page(
            @Schema(maxItems = 100, required = true) List<Listed> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true) String nextCursor) {
    }
}
