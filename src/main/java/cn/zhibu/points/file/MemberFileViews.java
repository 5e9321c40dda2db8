package cn.zhibu.points.file;

import cn.zhibu.platform.openapi.Patterns;
import cn.zhibu.platform.time.IsoWeek;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.LedgerViews;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The member file (一人一档) and its parts. */
public final class MemberFileViews {

    static final String POINTS_MIN = "-100000000";
    static final String POINTS_MAX = "100000000";

    private MemberFileViews() {
    }

    @Schema(name = "MemberFile", description = "One person's year: totals (overall, by activity, by ISO week, by "
            + "month), the rating band the total earns, study streaks, and the first page of the year's ledger "
            + "entries. Every total is a sum of the year's ledger entries (by business date), reversals included.")
    public record File(
            UUID personId,
            @Schema(maxLength = 32, pattern = Patterns.TEXT, examples = "张三") String name,
            @Schema(description = "The person's branch (the last one, for someone who left)") UUID branchId,
            @Schema(maxLength = 64, pattern = Patterns.TEXT, examples = "机关党支部") String branchName,
            @Schema(minimum = "2000", maximum = "9999", format = "int32", examples = "2026") int year,
            @Schema(description = "The year's points", minimum = POINTS_MIN, maximum = POINTS_MAX, format = "int64")
            long total,
            @Schema(description = "By activity type: the types with entries this year", maxItems = 32)
            List<ActivityTotal> byActivity,
            @Schema(description = "By ISO week: the weeks with entries this year, in order (the first and last may "
                    + "belong to a neighbouring week-based year, as 2026-12-31 is in 2026-W53)", maxItems = 54)
            List<WeekTotal> byWeek,
            @Schema(description = "By month: all twelve, January first", minItems = 12, maxItems = 12)
            List<MonthTotal> byMonth,
            @Schema(description = "The band the year's total earns in the person's branch, for reference (参考); "
                    + "null below every band", nullable = true) Rating rating,
            Streak streak,
            @Schema(description = "The year's study hours (学时) against the yearly requirement; null where zhibu "
                    + "keeps no sessions", nullable = true) StudyHours studyHours,
            @Schema(description = "What the year came to in the branch's annual cycle: appraisal grade, star, pledge "
                    + "review and honours; null where zhibu keeps no annual cycle", nullable = true) Annual annual,
            @Schema(description = "The first page of the year's entries, the latest date first; the next pages "
                    + "from /v1/people/{id}/file/timeline") LedgerViews.Page timeline) {
    }

    @Schema(name = "MemberFileActivityTotal", description = "A year's points from one activity type.")
    public record ActivityTotal(ActivityType activityType,
            @Schema(minimum = POINTS_MIN, maximum = POINTS_MAX, format = "int64") long points) {
    }

    @Schema(name = "MemberFileWeekTotal", description = "A year's points in one ISO week.")
    public record WeekTotal(
            @Schema(maxLength = 8, pattern = IsoWeek.PATTERN, examples = "2026-W48") String isoWeek,
            @Schema(minimum = POINTS_MIN, maximum = POINTS_MAX, format = "int64") long points) {
    }

    @Schema(name = "MemberFileMonthTotal", description = "A year's points in one month.")
    public record MonthTotal(
            @Schema(minimum = "1", maximum = "12", format = "int32") int month,
            @Schema(minimum = POINTS_MIN, maximum = POINTS_MAX, format = "int64") long points) {
    }

    @Schema(name = "MemberFileRating", description = "The rating band (评定档次) a year's total earns: a reference "
            + "(参考) from app points alone, one input among others a committee weighs, never a verdict on a member "
            + "nor a grade of the member appraisal.")
    public record Rating(
            @Schema(description = "Always 参考 (for reference): show it beside the band's name", maxLength = 2,
                    pattern = "^参考$", required = true, examples = "参考") String label,
            @Schema(maxLength = 16, pattern = Patterns.TEXT, examples = "优秀") String name,
            @Schema(description = "The band's minimum", minimum = "0", maximum = "100000", format = "int32")
            int minPoints,
            RatingBandViews.Source source,
            @Schema(description = "The unit whose bands these are; null for the defaults", format = "uuid",
                    nullable = true, pattern = Patterns.UUID) UUID sourceUnitId) {
    }

    @Schema(name = "MemberFileStudyHours", description = "Study hours (学时) of the year: from sessions attended and "
            + "materials studied (details: /v1/people/{id}/study-hours), against the yearly requirement.")
    public record StudyHours(
            @Schema(minimum = "0", maximum = "100000", multipleOf = 0.5) java.math.BigDecimal earned,
            @Schema(minimum = "0", maximum = "1000") java.math.BigDecimal required) {
    }

    @Schema(name = "MemberFileStreak", description = "Study streaks: consecutive business days with a check-in, "
            + "the run ending today or yesterday and the longest ever (zero until study check-ins are kept). Private: "
            + "shown to the member and their file's readers, never on boards.")
    public record Streak(
            @Schema(minimum = "0", maximum = "100000", format = "int32") int current,
            @Schema(minimum = "0", maximum = "100000", format = "int32") int longest,
            @Schema(format = "date", nullable = true, pattern = Patterns.DATE) LocalDate lastDay) {
    }

    @Schema(name = "MemberFileAnnual", description = "A person's year in the branch's annual cycle (年度考评): the "
            + "grade the branch decided in a closed member appraisal (民主评议党员), whether a closed star selection "
            + "chose them (组工之星), their pledge review (践诺) and the honours they won.")
    public record Annual(
            @Schema(description = "The decided grade of the year's closed member appraisal; null if none, and for "
                    + "readers other than the member and those who manage the branch's annual cycle",
                    maxLength = 16, pattern = Patterns.TEXT, nullable = true, examples = "优秀") String appraisalGrade,
            boolean star,
            @Schema(description = "Whether the year's pledge has its year-end review") boolean pledgeReviewed,
            @Schema(description = "The secretary's comment of that review; null if none, and for readers other "
                    + "than the member and those who manage the branch's annual cycle", maxLength = 2000,
                    pattern = Patterns.LONG_TEXT, nullable = true) String pledgeComment,
            @Schema(maxItems = 100) List<Honour> honours) {
    }

    @Schema(name = "MemberFileHonour", description = "A title the person won in the year.")
    public record Honour(
            @Schema(maxLength = 100, pattern = Patterns.TEXT, examples = "2026年度“组工之星”") String title,
            @Schema(description = "国家, 省, 市, 区 or 支部", maxLength = 8, pattern = Patterns.TEXT, examples = "支部")
            String level,
            @Schema(maxLength = 100, pattern = Patterns.TEXT, examples = "机关党支部") String awardedBy) {
    }
}
