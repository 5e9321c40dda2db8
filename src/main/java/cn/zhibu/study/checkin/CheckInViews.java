package cn.zhibu.study.checkin;

import cn.zhibu.platform.openapi.Patterns;
import cn.zhibu.platform.paging.Pagination;
import com.fasterxml.jackson.annotation.JsonInclude;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of {@code /v1/check-ins} and its make-ups. */
public final class CheckInViews {

    static final String INSTANT = cn.zhibu.study.StudyMaterialViews.INSTANT;
    static final String ACCOUNT = "^[A-Za-z0-9:._-]{1,80}$";

    private CheckInViews() {
    }

    @Schema(name = "CheckInCreate", description = "A check-in today (the server's business day) by the caller's own "
            + "person: on a material (materialId), or general daily study with a note. Nothing else may be set: "
            + "not the person, the day or points (unknown fields are refused with 400).")
    public record Create(
            @Schema(description = "The material studied; none for general daily study") UUID materialId,
            @Schema(description = "What was studied; required without a material", minLength = 1, maxLength = 200,
                    pattern = Patterns.TEXT, examples = "学习《习近平谈治国理政》第五卷第一专题")
            @Size(min = 1, max = 200) @Pattern(regexp = Patterns.TEXT) String note,
            @Schema(description = "Study time the member claims, in seconds; more than has passed since opening the "
                    + "material flags the check-in. Where the branch has a STUDY_TIME rule, a credited check-in on a "
                    + "material earns it for each full block of this time (see ActivityType)", minimum = "0", maximum = "86400",
                    examples = "900")
            @Min(0) @Max(86400) Integer studySeconds) {
    }

    @Schema(name = "CheckIn", description = "A check-in on a business day. CREDITED: in the points ledger (points may "
            + "be 0 under the caps or without a rule). FLAGGED: judged implausible (flagReason), no points until a "
            + "reviewer clears it. REJECTED: flagged and refused by a reviewer, never credited.")
    public record View(
            UUID id,
            UUID personId,
            @Schema(description = "The person's branch when it was made: its rules credit it, its reviewers review it")
            UUID branchId,
            @Schema(description = "The material; null for general daily study", format = "uuid",
                    pattern = Patterns.UUID, nullable = true) UUID materialId,
            @Schema(description = "The business day it counts for (Asia/Shanghai)", format = "date",
                    examples = "2026-11-28") LocalDate businessDate,
            @Schema(maxLength = 200, pattern = Patterns.TEXT, nullable = true) String note,
            @Schema(minimum = "0", maximum = "86400", nullable = true) Integer studySeconds,
            @Schema(description = "The opening of the material it was measured from", format = "date-time",
                    pattern = INSTANT, nullable = true) Instant openedAt,
            @Schema(examples = "CREDITED") CheckInStatus status,
            @Schema(description = "Why it was flagged; null if it never was", maxLength = 32, pattern = "^[A-Z_]{1,32}$",
                    nullable = true) FlagReason flagReason,
            @Schema(description = "The make-up it was approved from; null for a check-in made on its day",
                    format = "uuid", pattern = Patterns.UUID, nullable = true) UUID makeUpId,
            @Schema(description = "Points credited (its own ledger entry's, CHECK_IN or MAKE_UP_CHECK_IN; STUDY_TIME "
                    + "for its study time is an entry of its own); null while not credited", minimum = "0",
                    maximum = "1000", nullable = true, examples = "1") Integer points,
            @Schema(description = "The ledger entry; null while not credited", format = "uuid",
                    pattern = Patterns.UUID, nullable = true) UUID ledgerEntryId,
            @Schema(description = "Who cleared or rejected it (account id)", maxLength = 80, pattern = ACCOUNT,
                    nullable = true) String reviewedBy,
            @Schema(format = "date-time", pattern = INSTANT, nullable = true) Instant reviewedAt,
            @Schema(description = "Why it was rejected", maxLength = 200, pattern = Patterns.TEXT, nullable = true)
            String reviewReason,
            Instant createdAt) {

        static View of(CheckIn c, Integer points) {
            Review review = Review.orNone(c.review);
            return new View(c.id, c.personId, c.branchId, c.materialId, c.businessDate, c.note, c.studySeconds, c.openedAt,
                    c.status, c.flagReason, c.makeUpId, points, c.ledgerEntryId, review.by, review.at,
                    review.reason, c.createdAt);
        }
    }

    @Schema(name = "CheckInStreak", description = "A member's runs of study days: days with a credited check-in "
            + "(made on the day, cleared after review, or an approved make-up). A working day without one ends a run; "
            + "rest days (weekends and holidays of the business calendar) without one are passed over, and a check-in "
            + "on a rest day counts. Flagged check-ins count only once cleared. The current run is the one still "
            + "going: no working day missed between its last day and today.")
    public record Streak(
            UUID personId,
            @Schema(description = "Days of the current run (0: none going)", minimum = "0", maximum = "100000",
                    examples = "5") int current,
            @Schema(description = "Days of the longest run ever", minimum = "0", maximum = "100000", examples = "12")
            int longest,
            @Schema(description = "The last day with a credited check-in", format = "date",
                    pattern = Patterns.DATE, nullable = true) LocalDate lastDay) {
    }

    @Schema(name = "CheckInReceipt", description = "The check-in just made, and the member's streak with it.")
    public record Receipt(CheckInViews.View checkIn, Streak streak) {
    }

    @Schema(name = "CheckInPage", description = "One page of check-ins, latest day first.")
    public record Page(
            @Schema(description = "The check-ins of this page", maxItems = 100, required = true) List<View> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true) String nextCursor) {
    }

    @Schema(name = "ReviewReason", description = "Why a reviewer refuses a flagged check-in or a make-up.")
    public record Reason(
            @Schema(minLength = 1, maxLength = 200, pattern = Patterns.TEXT, required = true, examples = "打卡时间与学习时长不符")
            @NotBlank @Size(max = 200) @Pattern(regexp = Patterns.TEXT) String reason) {
    }

    @Schema(name = "MakeUpCreate", description = "A request to check in a missed day (补卡): a day before today within "
            + "the make-up window (zhibu.check-ins.make-up-window, 7 days by default), on a material open that day or "
            + "general study, with a reason. Pending and approved requests count against the monthly limit "
            + "(zhibu.check-ins.make-ups-per-month, 3 by default) of the missed day's month.")
    public record MakeUpCreate(
            @Schema(description = "The missed business day", format = "date", required = true,
                    examples = "2026-11-25") @NotNull LocalDate businessDate,
            @Schema(description = "The material studied; none for general daily study") UUID materialId,
            @Schema(description = "Why the day was missed", minLength = 1, maxLength = 200, pattern = Patterns.TEXT,
                    required = true, examples = "当天下乡调研，无网络") @NotBlank @Size(max = 200) @Pattern(regexp = Patterns.TEXT)
            String reason,
            @Schema(description = "What was studied", minLength = 1, maxLength = 200, pattern = Patterns.TEXT,
                    examples = "学习《中国共产党纪律处分条例》") @Size(min = 1, max = 200) @Pattern(regexp = Patterns.TEXT) String note) {
    }

    @Schema(name = "MakeUp", description = "A request to check in a missed day. Approval makes the check-in on that day "
            + "and credits MAKE_UP_CHECK_IN points dated to it.")
    public record MakeUpView(
            UUID id,
            UUID personId,
            @Schema(description = "The person's branch when asked: its reviewers decide") UUID branchId,
            @Schema(description = "The material; null for general daily study", format = "uuid",
                    pattern = Patterns.UUID, nullable = true) UUID materialId,
            @Schema(description = "The missed business day", format = "date") LocalDate businessDate,
            @Schema(maxLength = 200, pattern = Patterns.TEXT) String reason,
            @Schema(maxLength = 200, pattern = Patterns.TEXT, nullable = true) String note,
            @Schema(examples = "PENDING") MakeUpStatus status,
            @Schema(description = "The check-in approval made", format = "uuid",
                    pattern = Patterns.UUID, nullable = true) UUID checkInId,
            @Schema(description = "Points credited on approval; null before", minimum = "0", maximum = "1000",
                    nullable = true) Integer points,
            @Schema(description = "Who decided (account id)", maxLength = 80, pattern = ACCOUNT, nullable = true)
            String decidedBy,
            @Schema(format = "date-time", pattern = INSTANT, nullable = true) Instant decidedAt,
            @Schema(description = "Why it was rejected", maxLength = 200, pattern = Patterns.TEXT, nullable = true)
            String decisionReason,
            Instant createdAt) {

        static MakeUpView of(MakeUp m, Integer points) {
            Review decision = Review.orNone(m.decision);
            return new MakeUpView(m.id, m.personId, m.branchId, m.materialId, m.businessDate, m.reason, m.note, m.status,
                    m.checkInId, points, decision.by, decision.at, decision.reason, m.createdAt);
        }
    }

    @Schema(name = "MakeUpPage", description = "One page of make-up requests, latest first.")
    public record MakeUpPage(
            @Schema(description = "The requests of this page", maxItems = 100, required = true) List<MakeUpView> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true) String nextCursor) {
    }

    /** The body of a 409 {@code CHECK_IN_EXISTS}: the problem, and the check-in already made. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Conflict(String type, String title, int status, String detail, String instance, String code,
            View existing) {
    }
}
