package cn.zhibu.leaderboard;

import cn.zhibu.platform.openapi.Patterns;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.time.IsoWeek;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Study leaders of the week (本周领学人). */
public final class StudyLeaderViews {

    private StudyLeaderViews() {
    }

    /** Where a proposed or chosen leader stands. */
    public enum State {
        PROPOSED,
        CONFIRMED,
        REPLACED
    }

    @Schema(name = "StudyLeader", description = "A member proposed as a unit's study leader of a week (the top "
            + "member of its top child unit when the week was published), or chosen by a secretary.")
    public record Leader(
            UUID id,
            @Schema(description = "The unit whose week it is") UUID unitId,
            @Schema(pattern = IsoWeek.PATTERN, maxLength = 8, examples = "2026-W48") String isoWeek,
            @Schema(description = "The winning child unit (or the unit itself) the member comes from") UUID fromUnitId,
            UUID personId,
            @Schema(maxLength = 32, pattern = Patterns.TEXT, examples = "张三") String name,
            @Schema(description = "The member's points that week", minimum = LeaderboardViews.POINTS_MIN,
                    maximum = LeaderboardViews.POINTS_MAX, format = "int32") int points,
            State state,
            @Schema(description = "Proposed when the week was published (false: chosen by a secretary)")
            boolean proposed,
            @Schema(description = "Who confirmed or replaced it", maxLength = 80, pattern = Patterns.TEXT,
                    nullable = true) String decidedBy,
            @Schema(format = "date-time", pattern = cn.zhibu.platform.openapi.Patterns.INSTANT,
                    nullable = true) Instant decidedAt) {
    }

    @Schema(name = "StudyLeaderList", description = "A week's proposed and chosen study leaders.")
    public record Week(@Schema(maxItems = 100) List<Leader> items) {
    }

    @Schema(name = "StudyLeaderConfirmation", description = "The week's study leaders: proposed members or other "
            + "participants of that week on the unit's board. Proposals not named are replaced.")
    public record Confirmation(
            @Schema(minItems = 1, maxItems = 20, required = true) @NotNull @NotEmpty @Size(max = 20)
            List<@NotNull UUID> personIds) {
    }

    @Schema(name = "StudyLeaderPage", description = "Confirmed study leaders, the latest week first.")
    public record Page(
            @Schema(maxItems = 100, required = true) List<Leader> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true) String nextCursor) {
    }
}
