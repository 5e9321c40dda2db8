package cn.zhibu.leaderboard;

import cn.zhibu.platform.openapi.Patterns;
import cn.zhibu.platform.time.IsoWeek;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Weekly boards (榜单) of people and units. */
public final class LeaderboardViews {

    static final String POINTS_MIN = "-100000000";
    static final String POINTS_MAX = "100000000";
    static final String COUNT_MAX = "100000000";

    private LeaderboardViews() {
    }

    @Schema(name = "PeopleBoard", description = "One page of a unit's people for an ISO week, best first. Ranks are "
            + "competition ranks (1, 2, 2, 4): equal totals share a rank; inside a tie, whoever reached the total "
            + "first comes first, then by person id. Only people with a counted entry that week (participants) "
            + "are listed; everyone else shares the rank after the last participant with 0 points. What it lists "
            + "follows the unit's board visibility (see PersonBoards): every participant where person boards are "
            + "PUBLISHED, only the caller's own row where they are SELF_ONLY.")
    public record PeopleBoard(
            UUID unitId,
            @Schema(pattern = IsoWeek.PATTERN, maxLength = 8, examples = "2026-W48") String isoWeek,
            @Schema(description = "What the unit's person boards show (PUBLISHED or SELF_ONLY)", required = true)
            VisibilityViews.PersonBoards visibility,
            @Schema(description = "People with a counted entry that week", minimum = "0", maximum = COUNT_MAX,
                    format = "int64") long participants,
            @Schema(description = "This page's rows", maxItems = 100, required = true) List<PersonRow> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true, required = true)
            String nextCursor) {
    }

    @Schema(name = "PeopleBoardRow", description = "A person on a board: 匿名 (and no id) for people who chose to "
            + "appear anonymously; they still count.")
    public record PersonRow(
            @Schema(minimum = "1", maximum = COUNT_MAX, format = "int64", examples = "2") long rank,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID personId,
            @Schema(maxLength = 32, pattern = Patterns.TEXT, examples = "张三") String name,
            @Schema(description = "The week's points", minimum = POINTS_MIN, maximum = POINTS_MAX, format = "int32")
            int points) {
    }

    @Schema(name = "MyStanding", description = "Where the caller stands on a unit's board this week (or the week "
            + "asked), and their unit among its siblings: one cheap call for every app open. What it shows follows "
            + "the unit's board visibility (see PersonBoards and UnitBoards): the gap to the rank above and the "
            + "percentile only where person boards are PUBLISHED, the rank and participants unless they are OFF, "
            + "the caller's unit unless unit boards are OFF.")
    public record Me(
            UUID unitId,
            @Schema(pattern = IsoWeek.PATTERN, maxLength = 8, examples = "2026-W48") String isoWeek,
            UUID personId,
            @Schema(description = "What the unit's person boards show", required = true)
            VisibilityViews.PersonBoards visibility,
            @Schema(description = "The caller's points that week", minimum = POINTS_MIN, maximum = POINTS_MAX,
                    format = "int32") int points,
            @Schema(description = "Competition rank: 1 + the number of people with more points; null where person "
                    + "boards are OFF", minimum = "1", maximum = COUNT_MAX, format = "int64", nullable = true,
                    required = true) Long rank,
            @Schema(description = "People with a counted entry that week; null where person boards are OFF",
                    minimum = "0", maximum = COUNT_MAX, format = "int64", nullable = true, required = true)
            Long participants,
            @Schema(description = "Points needed to reach the rank above; null at rank 1 and unless person boards "
                    + "are PUBLISHED", minimum = "1", maximum = POINTS_MAX, format = "int32", nullable = true,
                    required = true) Integer gapToRankAbove,
            @Schema(description = "Share of the participants with fewer points, in percent (0 to 100); null unless "
                    + "person boards are PUBLISHED", minimum = "0", maximum = "100", format = "double",
                    nullable = true, required = true) Double percentile,
            @Schema(description = "The caller's unit one level below the board's unit (their party group or "
                    + "department on a branch's board, their branch or committee on a committee's board) and its "
                    + "rank among its siblings; null when there is none or unit boards are OFF", nullable = true)
            UnitRow myUnit) {
    }

    @Schema(name = "UnitsBoard", description = "The child units of a unit for an ISO week, ranked by a metric: "
            + "POINTS_PER_MEMBER (total / members), PARTICIPATION (participants / members) or TOTAL. Units with "
            + "fewer members than the minimum size are listed after the ranked ones, marked and without a rank. "
            + "Ranking by PARTICIPATION (a usage rate) is only for a unit that chose it in its settings.")
    public record UnitsBoard(
            UUID unitId,
            @Schema(pattern = IsoWeek.PATTERN, maxLength = 8, examples = "2026-W48") String isoWeek,
            Metric metric,
            @Schema(description = "Units with fewer members are not ranked", minimum = "0", maximum = "100000",
                    format = "int32") int minimumSize,
            @Schema(maxItems = 10000) List<UnitRow> items) {
    }

    @Schema(name = "UnitsBoardRow", description = "A unit on a units board.")
    public record UnitRow(
            @Schema(description = "Competition rank by the metric; null below the minimum size", minimum = "1",
                    maximum = "100000", format = "int32", nullable = true) Integer rank,
            UUID unitId,
            @Schema(maxLength = 64, pattern = Patterns.TEXT, examples = "第一党小组") String name,
            @Schema(description = "Current members (people of the unit and the units below it)", minimum = "0",
                    maximum = COUNT_MAX, format = "int64") long members,
            @Schema(description = "Members with a counted entry that week", minimum = "0", maximum = COUNT_MAX,
                    format = "int64") long participants,
            @Schema(description = "The week's points of its people", minimum = POINTS_MIN, maximum = POINTS_MAX,
                    format = "int64") long total,
            @Schema(description = "total / members (0 without members)", format = "double") double perMember,
            @Schema(description = "participants / members (0 to 1; 0 without members): shown only on boards ranked "
                    + "by PARTICIPATION, the unit's own choice; null on every other board", minimum = "0",
                    maximum = "1", format = "double", nullable = true, required = true) Double participationRate,
            @Schema(description = "Fewer members than the minimum size: listed, not ranked")
            boolean belowMinimumSize) {

        /** The row as a board ranked by the metric shows it: the participation rate only when ranked by it. */
        UnitRow shownFor(Metric metric) {
            return metric == Metric.PARTICIPATION ? this : new UnitRow(rank, unitId, name, members, participants,
                    total, perMember, null, belowMinimumSize);
        }
    }

    @Schema(name = "StandingsCheck", description = "A week's standings recomputed from the ledger entries the "
            + "standings have taken in and compared with the kept ones. Consistent when no difference is found. The "
            + "standings take in new entries a moment after they are made (see /q/metrics, "
            + "zhibu_standings_lag_seconds): those are counted as pending, not as differences.")
    public record Check(
            @Schema(pattern = IsoWeek.PATTERN, maxLength = 8, examples = "2026-W48") String isoWeek,
            @Schema(description = "People with ledger entries that week", minimum = "0", maximum = COUNT_MAX,
                    format = "int64") long people,
            @Schema(description = "Ledger entries of the week not yet taken into the standings", minimum = "0",
                    maximum = COUNT_MAX, format = "int64") long pendingEntries,
            boolean consistent,
            @Schema(description = "How many differences were found", minimum = "0", maximum = COUNT_MAX,
                    format = "int64") long differenceCount,
            @Schema(description = "The first 100 differences", maxItems = 100) List<Difference> differences) {
    }

    @Schema(name = "StandingsDifference", description = "A person's week (points, entries) or a unit's count of "
            + "people at a total, as the ledger gives it and as the standings keep it.")
    public record Difference(
            @Schema(ref = "StandingsDifferenceKind") String kind,
            UUID id,
            @Schema(description = "For a bucket: the total it counts", minimum = POINTS_MIN, maximum = POINTS_MAX,
                    format = "int32", nullable = true) Integer points,
            @Schema(maxLength = 64, pattern = Patterns.TEXT, examples = "points 5, entries 3") String expected,
            @Schema(maxLength = 64, pattern = Patterns.TEXT, examples = "points 4, entries 2") String kept) {
    }

    @Schema(name = "BoardPreference", description = "Whether the caller appears on boards as 匿名 (without their id); "
            + "they still count.")
    public record Preference(
            @Schema(required = true) @jakarta.validation.constraints.NotNull Boolean anonymous) {
    }

    @Schema(name = "LeaderboardSettings", description = "How a unit ranks its child units on its units board and in "
            + "its published weeks (and so where its study leaders come from).")
    public record Settings(
            UUID unitId,
            Metric metric,
            @Schema(description = "Whether the unit chose it (false: the default, POINTS_PER_MEMBER)") boolean own,
            @Schema(description = "Version of the unit's own choice (its ETag)", minimum = "0",
                    maximum = "9223372036854775807", format = "int64") long version) {
    }

    @Schema(name = "LeaderboardSettingsChange", description = "The metric a unit ranks its child units by.")
    public record SettingsChange(@Schema(required = true) @jakarta.validation.constraints.NotNull Metric metric) {
    }

    /** How a units board ranks. */
    public enum Metric {
        POINTS_PER_MEMBER,
        PARTICIPATION,
        TOTAL
    }
}
