package cn.zhibu.points;

import cn.zhibu.platform.openapi.Patterns;
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

/** Requests and answers of {@code /v1/points}. */
public final class LedgerViews {


    private LedgerViews() {
    }

    @Schema(name = "ManualAward", description = "Points awarded by hand, with a reason; the date is today's business "
            + "date, and the MANUAL_AWARD rule's caps may lower the points.")
    public record Award(
            @Schema(required = true) @NotNull UUID personId,
            @Schema(minimum = "1", maximum = "100", required = true, examples = "5") @NotNull @Min(1) @Max(100)
            Integer points,
            @Schema(minLength = 1, maxLength = 200, pattern = Patterns.TEXT, required = true, examples = "主题党日微党课讲授优秀")
            @NotBlank @Size(max = 200) @Pattern(regexp = Patterns.TEXT) String reason) {
    }

    @Schema(name = "LedgerReversal", description = "Why an entry is reversed.")
    public record Reversal(
            @Schema(minLength = 1, maxLength = 200, pattern = Patterns.TEXT, required = true, examples = "重复记分")
            @NotBlank @Size(max = 200) @Pattern(regexp = Patterns.TEXT) String reason) {
    }

    @Schema(name = "LedgerEntry", description = "One line of the points ledger: a credit, or a reversal (negative "
            + "points) of an earlier entry.")
    public record View(
            UUID id,
            UUID personId,
            ActivityType activityType,
            @Schema(minimum = "-100000", maximum = "100000", examples = "5") int points,
            @Schema(description = "What earned it", maxLength = 32, pattern = "^[A-Z_]{1,32}$", examples = "MANUAL_AWARD")
            String sourceType,
            @Schema(maxLength = 64, pattern = "^[A-Za-z0-9._:-]{1,64}$") String sourceId,
            @Schema(description = "The rule version it was credited under",
                    nullable = true) UUID ruleId,
            @Schema(format = "date") LocalDate businessDate,
            @Schema(maxLength = 8, pattern = cn.zhibu.platform.time.IsoWeek.PATTERN, examples = "2026-W48") String isoWeek,
            @Schema(description = "The entry this one reverses", nullable = true)
            UUID reverses,
            @Schema(maxLength = 200, nullable = true) String reason,
            @Schema(maxLength = 80, pattern = "^[A-Za-z0-9:._-]{1,80}$") String createdBy,
            Instant createdAt) {

        static View of(LedgerEntry e) {
            return new View(e.id, e.personId, e.activityType, e.points, e.sourceType, e.sourceId, e.ruleId,
                    e.businessDate, e.isoWeek, e.reverses, e.reason, e.createdBy, e.createdAt);
        }
    }

    @Schema(name = "LedgerEntryPage", description = "One page of ledger entries, newest first.")
    public record Page(
            @Schema(description = "The entries of this page", maxItems = 100, required = true) List<View> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true, required = true)
            String nextCursor) {
    }
}
