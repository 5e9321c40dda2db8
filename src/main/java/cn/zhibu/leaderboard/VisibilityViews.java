package cn.zhibu.leaderboard;

import cn.zhibu.platform.openapi.Patterns;
import cn.zhibu.platform.paging.Pagination;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a unit's boards show (榜单公开范围): a branch's or committee's own choice, inherited below it. */
public final class VisibilityViews {

    private VisibilityViews() {
    }

    @Schema(name = "PersonBoards", description = """
            What boards of people show. PUBLISHED: names and ranks, to the members of the board's unit (the board, \
            its CSV, published weeks, and in "my standing" the gap to the rank above and the percentile). \
            SELF_ONLY: each member sees their own row and rank and the unit's figures (participants), never \
            anyone else's name or rank; the CSV holds the caller's own row; no gap or percentile. OFF: no board of \
            people at all (404 LEADERBOARD_PEOPLE_OFF); "my standing" shows the caller's own points only.""")
    public enum PersonBoards {
        PUBLISHED,
        SELF_ONLY,
        OFF
    }

    @Schema(name = "UnitBoards", description = """
            What boards of units and study leaders show. PUBLISHED: the units board, its CSV, the units of \
            published weeks, the week's study leaders (proposed at publication) and their history. OFF: none of \
            them (404 LEADERBOARD_UNITS_OFF), no study leaders proposed, and no unit rank in "my standing".""")
    public enum UnitBoards {
        PUBLISHED,
        OFF
    }

    @Schema(name = "BoardVisibility", description = """
            What a unit's boards show: its own choice, else the nearest unit above it that chose, else the \
            defaults (person boards SELF_ONLY, unit boards and study leaders PUBLISHED, weekly publication on). \
            On a committee's board of people, the people of a branch whose own person boards are not PUBLISHED \
            appear as 匿名 (they still count).""")
    public record Visibility(
            UUID unitId,
            @Schema(required = true) PersonBoards personBoards,
            @Schema(required = true) UnitBoards unitBoards,
            @Schema(description = "Whether the unit's week is published every Monday (a secretary may still publish "
                    + "a week by hand)") boolean weeklyPublication,
            @Schema(description = "The unit whose choice this is (this unit or one above it); null for the defaults",
                    format = "uuid", pattern = Patterns.UUID, nullable = true, required = true) UUID chosenBy,
            @Schema(description = "Version of this unit's own choice (its ETag), from 1; 0 when it has none",
                    minimum = "0",
                    maximum = "9223372036854775807", format = "int64") long version) {
    }

    @Schema(name = "BoardVisibilityChange", description = "What the unit's boards show from now on (and the units "
            + "below it that have no choice of their own).")
    public record Change(
            @Schema(required = true) @NotNull PersonBoards personBoards,
            @Schema(required = true) @NotNull UnitBoards unitBoards,
            @Schema(required = true) @NotNull Boolean weeklyPublication) {
    }

    @Schema(name = "BoardVisibilityRecord", description = "A choice as it was made: who chose what, when.")
    public record ChangeRecord(
            UUID unitId,
            PersonBoards personBoards,
            UnitBoards unitBoards,
            boolean weeklyPublication,
            @Schema(description = "The account's subject that chose", maxLength = 80, pattern = Patterns.TEXT)
            String changedBy,
            Instant changedAt) {
    }

    @Schema(name = "BoardVisibilityRecordPage", description = "A unit's choices of what its boards show, the latest "
            + "first.")
    public record ChangePage(
            @Schema(maxItems = 100, required = true) List<ChangeRecord> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true) String nextCursor) {
    }
}
