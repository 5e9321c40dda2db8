package cn.zhibu.points;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of {@code /v1/scoring-rules}. */
public final class ScoringRuleViews {

    private ScoringRuleViews() {
    }

    @Schema(name = "ScoringRuleCreate", description = "A new version of a unit's rule for one activity type, from a date "
            + "(today or later, after the unit's latest version). Points already credited keep their version.")
    public record Create(
            @Schema(description = "The unit whose subtree the rule holds for",
                    required = true) @NotNull UUID unitId,
            @Schema(required = true, examples = "CHECK_IN") @NotNull ActivityType activityType,
            @Schema(description = "First day it holds (business date)", format = "date",
                    required = true, examples = "2026-12-01") @NotNull LocalDate effectiveFrom,
            @Schema(description = "Last day it holds; none: until a later version", format = "date",
                    examples = "2027-12-31") LocalDate effectiveTo,
            @Schema(description = "Points per occurrence; for STUDY_TIME, per full block of a check-in's study time "
                    + "(see ActivityType)", minimum = "0", maximum = "1000", required = true,
                    examples = "2") @NotNull @Min(0) @Max(1000) Integer points,
            @Schema(description = "Most points a day from this activity", minimum = "0", maximum = "100000",
                    examples = "2") @Min(0) @Max(100000) Integer dailyCap,
            @Schema(description = "Most points an ISO week from this activity", minimum = "0", maximum = "100000",
                    examples = "10") @Min(0) @Max(100000) Integer weeklyCap,
            @Schema(description = "Most occurrences that earn points, ever", minimum = "1", maximum = "100000",
                    examples = "100") @Min(1) @Max(100000) Integer maxCount) {
    }

    @Schema(name = "ScoringRule", description = "One version of a unit's rule for an activity type.")
    public record View(
            UUID id,
            UUID unitId,
            ActivityType activityType,
            @Schema(minimum = "1", maximum = "100000", examples = "1") int version,
            @Schema(format = "date") LocalDate effectiveFrom,
            @Schema(format = "date", nullable = true) LocalDate effectiveTo,
            @Schema(minimum = "0", maximum = "1000", examples = "2") int points,
            @Schema(minimum = "0", maximum = "100000", nullable = true) Integer dailyCap,
            @Schema(minimum = "0", maximum = "100000", nullable = true) Integer weeklyCap,
            @Schema(minimum = "1", maximum = "100000", nullable = true) Integer maxCount,
            @Schema(description = "Who made it (account id)", maxLength = 80, pattern = "^[A-Za-z0-9:._-]{1,80}$")
            String createdBy,
            Instant createdAt) {

        static View of(ScoringRule rule) {
            return new View(rule.id, rule.unitId, rule.activityType, rule.version, rule.effectiveFrom, rule.effectiveTo,
                    rule.points, rule.dailyCap, rule.weeklyCap, rule.maxCount, rule.createdBy, rule.createdAt);
        }
    }

    @Schema(name = "EffectiveScoringRule", description = "The rule that holds for an activity type in a unit on a date: "
            + "the unit's own, or inherited from the nearest unit above that has one.")
    public record Effective(
            ActivityType activityType,
            @Schema(description = "Whether it comes from a unit above") boolean inherited,
            View rule) {
    }

    @Schema(name = "EffectiveScoringRules", description = "Every activity type that earns points in a unit on a date.")
    public record EffectiveList(
            UUID unitId,
            @Schema(format = "date") LocalDate date,
            @Schema(maxItems = 32) List<Effective> rules) {
    }

    @Schema(name = "ScoringRulePage", description = "One page of rule versions.")
    public record Page(
            @Schema(description = "The versions of this page", maxItems = 100, required = true) List<View> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true, required = true)
            String nextCursor) {
    }
}
