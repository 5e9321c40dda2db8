package cn.zhibu.leaderboard;

import cn.zhibu.leaderboard.LeaderboardViews.Metric;
import cn.zhibu.leaderboard.LeaderboardViews.PersonRow;
import cn.zhibu.leaderboard.LeaderboardViews.UnitRow;
import cn.zhibu.platform.openapi.Patterns;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.time.IsoWeek;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Published weeks (已发布的周榜): a unit's standings frozen once, and what changed since. */
public final class PublishedViews {

    private PublishedViews() {
    }

    @Schema(name = "PublishedWeek", description = "A unit's standings of an ISO week as published: never changed "
            + "afterwards. Ledger entries of that week the snapshot did not contain (late credits, reversals) are "
            + "not merged into it; they are counted in revisions.")
    public record Published(
            UUID id,
            UUID unitId,
            @Schema(pattern = IsoWeek.PATTERN, maxLength = 8, examples = "2026-W48") String isoWeek,
            Instant publishedAt,
            @Schema(description = "Who published: an account's subject, or SCHEDULER for the weekly job",
                    maxLength = 80, pattern = Patterns.TEXT) String publishedBy,
            @Schema(description = "People with a counted entry that week, when published", minimum = "0",
                    maximum = LeaderboardViews.COUNT_MAX, format = "int64") long participants,
            @Schema(description = "How the units were ranked") Metric metric,
            @Schema(description = "Units with fewer members were not ranked", minimum = "0", maximum = "100000",
                    format = "int32") int minimumSize,
            @Schema(description = "1 for the week's first publication; 2 and on when an org admin published it "
                    + "again because the figures frozen were wrong", minimum = "1", maximum = "1000", format = "int32")
            int edition,
            @Schema(description = "Why this edition was published (null for the first)", maxLength = 200,
                    pattern = Patterns.TEXT, nullable = true, required = true) String editionReason,
            @Schema(description = "What the unit's person boards show now (the people listed follow it)",
                    required = true) VisibilityViews.PersonBoards personBoards,
            @Schema(description = "What the unit's unit boards show now (the units listed follow it)",
                    required = true) VisibilityViews.UnitBoards unitBoards,
            @Schema(description = "The child units as published; empty where unit boards are OFF", maxItems = 10000)
            List<UnitRow> units,
            @Schema(description = "This page of the people as published, best first, as the unit's person boards "
                    + "show them now: everyone, the caller's own row, or nobody; people erased after leaving as "
                    + "已离开成员", maxItems = 100)
            List<PersonRow> people,
            @Schema(description = "Cursor of the next page of people; null on the last page", maxLength = 512,
                    pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true) String nextCursor,
            Revisions revisions) {
    }

    @Schema(name = "PublishedWeekRevisions", description = "What changed in the week since publication, not merged "
            + "into the snapshot: the week's standings now (which take in ledger entries a moment after they are made) "
            + "compared with the snapshot, person by person and child unit by child unit. An entry is a revision "
            + "exactly when the snapshot did not contain it.")
    public record Revisions(
            @Schema(description = "Counted entries gained or lost by people of the board: a credit or a reversal made "
                    + "since counts one each, a credit and its reversal both made since cancel out", minimum = "0",
                    maximum = LeaderboardViews.COUNT_MAX, format = "int64") long entries,
            @Schema(description = "Points gained or lost by people of the board, together", minimum =
                    LeaderboardViews.POINTS_MIN, maximum = LeaderboardViews.POINTS_MAX, format = "int64") long points,
            @Schema(description = "People whose week figures differ from the snapshot (new to the board, gone from "
                    + "it, or other points or entries)", minimum = "0", maximum = LeaderboardViews.COUNT_MAX,
                    format = "int64") long people,
            @Schema(description = "Child units whose participants or total differ from the snapshot", minimum = "0",
                    maximum = LeaderboardViews.COUNT_MAX, format = "int64") long units) {
    }

    @Schema(name = "PublishedWeekSummary", description = "A published week of a unit.")
    public record Summary(
            UUID id,
            @Schema(pattern = IsoWeek.PATTERN, maxLength = 8, examples = "2026-W48") String isoWeek,
            Instant publishedAt,
            @Schema(minimum = "0", maximum = LeaderboardViews.COUNT_MAX, format = "int64") long participants) {
    }

    @Schema(name = "PublishedWeekPage", description = "A unit's published weeks, newest first.")
    public record SummaryPage(
            UUID unitId,
            @Schema(maxItems = 100, required = true) List<Summary> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true) String nextCursor) {
    }

    @Schema(name = "PublishedWeekEditionRequest", description = "Why the week is published again.")
    public record EditionRequest(
            @Schema(description = "Why the published figures were wrong and are published again", minLength = 1,
                    maxLength = 200, pattern = Patterns.TEXT, required = true, examples = "发布时榜单尚未计入全部打卡")
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 200)
            @jakarta.validation.constraints.Pattern(regexp = Patterns.TEXT) String reason) {
    }

    /** A publication's outcome: the snapshot, and whether this call made it. */
    public record Outcome(Published published, boolean created) {
    }
}
