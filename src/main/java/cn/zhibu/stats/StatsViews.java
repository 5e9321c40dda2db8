package cn.zhibu.stats;

import cn.zhibu.platform.openapi.Patterns;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes of dashboard figures, made for charting libraries: figures, categories, series and distributions. */
public final class StatsViews {

    static final String SUPPRESSED = "^FEWER_THAN_[0-9]{1,4}$";

    private StatsViews() {
    }

    @Schema(name = "StatsFigure", description = "One number; null when it would describe fewer than zhibu.stats.min-cell "
            + "people (then suppressed says so)")
    public record Figure(
            @Schema(nullable = true, examples = "42", minimum = "0", maximum = "1000000000") BigDecimal value,
            @Schema(nullable = true, pattern = SUPPRESSED, maxLength = 16, examples = "FEWER_THAN_5") String suppressed) {
    }

    @Schema(name = "StatsLabel", description = "A category's name in Chinese and English")
    public record Label(
            @Schema(maxLength = 32, pattern = Patterns.TEXT, examples = "正式党员") String zhCN,
            @Schema(maxLength = 32, pattern = Patterns.TEXT, examples = "Full member") String en) {
    }

    @Schema(name = "StatsCategory", description = "One bar or slice: a key, its label and its value (null when "
            + "suppressed)")
    public record Category(
            @Schema(maxLength = 32, pattern = "^[A-Z0-9_]{1,32}$", examples = "FULL") String key,
            Label label,
            @Schema(nullable = true, examples = "17", minimum = "0", maximum = "1000000000") BigDecimal value,
            @Schema(nullable = true, pattern = SUPPRESSED, maxLength = 16, examples = "FEWER_THAN_5") String suppressed) {
    }

    @Schema(name = "StatsPoint", description = "One point of a series: a day (2026-11-03), an ISO week (2026-W48) or a "
            + "month (2026-11), and its value (null when suppressed)")
    public record Point(
            @Schema(maxLength = 10, pattern = "^[0-9]{4}-(W[0-9]{2}|[0-9]{2}|[0-9]{2}-[0-9]{2})$",
                    examples = "2026-W48") String period,
            @Schema(nullable = true, examples = "0.8125", minimum = "0", maximum = "1000000000") BigDecimal value,
            @Schema(nullable = true, pattern = SUPPRESSED, maxLength = 16, examples = "FEWER_THAN_5") String suppressed) {
    }

    @Schema(name = "StatsDistribution", description = "How a measure is spread over people: their number, quartiles "
            + "(percentile_cont) and, where there is one, the share meeting the requirement; never who, and no mean "
            + "(beside the quartiles of a few people it would give an outlier away). All null when suppressed.")
    public record Distribution(
            @Schema(nullable = true, minimum = "0", maximum = "10000000", examples = "38") Integer people,
            @Schema(nullable = true, examples = "12.5") BigDecimal q1,
            @Schema(nullable = true, examples = "20") BigDecimal median,
            @Schema(nullable = true, examples = "31.5") BigDecimal q3,
            @Schema(nullable = true, description = "The requirement met (study hours), when there is one",
                    examples = "32") BigDecimal requirement,
            @Schema(nullable = true, description = "Share of people meeting the requirement, 0 to 1",
                    examples = "0.4211", minimum = "0", maximum = "1") BigDecimal shareMeeting,
            @Schema(nullable = true, pattern = SUPPRESSED, maxLength = 16, examples = "FEWER_THAN_5") String suppressed) {
    }

    @Schema(name = "StatsUnit", description = "The unit whose subtree the figures are of")
    public record Unit(
            @Schema(format = "uuid", pattern = Patterns.UUID, examples = "0b6a1f7e-3c1d-4a8e-9f3b-2d7c5e8a9b10")
            UUID unitId,
            @Schema(maxLength = 64, pattern = Patterns.TEXT, examples = "机关党支部") String name,
            @Schema(maxLength = 16, pattern = "^[A-Z_]{1,16}$", examples = "BRANCH") String kind) {
    }

    @Schema(name = "StatsPeriod", description = "The period the figures cover (business dates, both included) and the "
            + "smallest cell shown")
    public record Period(
            @Schema(format = "date", pattern = Patterns.DATE, examples = "2026-01-01") LocalDate from,
            @Schema(format = "date", pattern = Patterns.DATE, examples = "2026-11-30") LocalDate to,
            @Schema(format = "date", pattern = Patterns.DATE, examples = "2026-11-30") LocalDate asOf,
            @Schema(minimum = "1", maximum = "1000", examples = "5") int minCell) {
    }

    // ---- members

    @Schema(name = "MemberFigures", description = "People of the subtree's branches on the period's last day, by "
            + "category; arrivals and transfers out per month")
    public record MemberFigures(Figure people, @Schema(maxItems = 20) List<Category> byPoliticalStatus, @Schema(maxItems = 20) List<Category> byGender,
            @Schema(maxItems = 20) List<Category> byAgeBand, @Schema(maxItems = 125) List<Point> joinsByMonth, @Schema(maxItems = 125) List<Point> transfersByMonth) {
    }

    @Schema(name = "MemberStatsChild", description = "A child unit's figures, side by side")
    public record MemberChild(Unit unit, MemberFigures figures) {
    }

    @Schema(name = "MemberStats", description = "Member figures of a unit's subtree")
    public record MemberStats(Unit unit, Period period, MemberFigures figures,
            @Schema(nullable = true, maxItems = 100,
                    description = "The unit's children side by side (children=true, at most 100), else null")
            List<MemberChild> children) {
    }

    // ---- organisational life

    @Schema(name = "OrgLifeKindFigures", description = "One kind of session: branch-periods its frequency requires in "
            + "the period (periods wholly inside it), those with a held session, sessions held, and attendance")
    public record KindFigures(
            @Schema(maxLength = 32, pattern = "^[A-Z_]{1,32}$", examples = "THEMED_PARTY_DAY") String kind,
            Label label,
            @Schema(minimum = "0", maximum = "10000000", examples = "11") int required,
            @Schema(minimum = "0", maximum = "10000000", examples = "10") int periodsMet,
            @Schema(minimum = "0", maximum = "10000000", examples = "12") int held,
            Figure attendanceRate) {
    }

    @Schema(name = "OrgLifeFigures", description = "Organisational life of the subtree in the period")
    public record OrgLifeFigures(@Schema(maxItems = 20) List<KindFigures> kinds,
            @Schema(maxItems = 125) List<Point> attendanceByMonth, Figure coverage,
            @Schema(description = "Study hours per party member in the year of the period's end")
            Distribution studyHours) {
    }

    @Schema(name = "OrgLifeStatsChild", description = "A child unit's figures, side by side")
    public record OrgLifeChild(Unit unit, OrgLifeFigures figures) {
    }

    @Schema(name = "OrgLifeStats", description = "Organisational life figures of a unit's subtree")
    public record OrgLifeStats(Unit unit, Period period, OrgLifeFigures figures,
            @Schema(nullable = true, maxItems = 100,
                    description = "The unit's children side by side (children=true, at most 100), else null")
            List<OrgLifeChild> children) {
    }

    // ---- study

    @Schema(name = "StudyFigures", description = "Study of the subtree in the period: credited check-ins, weekly "
            + "participation, scored quiz attempts and points per member (descriptive, never a ranking)")
    public record StudyFigures(@Schema(maxItems = 3700) List<Point> checkInsByDay,
            @Schema(maxItems = 530) List<Point> checkInsByWeek, @Schema(maxItems = 530) List<Point> participationByWeek,
            Figure quizAttempts, Figure quizMeanScore, Distribution pointsPerMember) {
    }

    @Schema(name = "StudyStatsChild", description = "A child unit's figures, side by side")
    public record StudyChild(Unit unit, StudyFigures figures) {
    }

    @Schema(name = "StudyStats", description = "Study figures of a unit's subtree")
    public record StudyStats(Unit unit, Period period, StudyFigures figures,
            @Schema(nullable = true, maxItems = 100,
                    description = "The unit's children side by side (children=true, at most 100), else null")
            List<StudyChild> children) {
    }

    // ---- lectures

    @Schema(name = "LectureFigures", description = "Micro lectures of the subtree's sessions in the period, and the "
            + "hosts' rotation (party groups and departments)")
    public record LectureFigures(Figure delivered, Figure notDelivered, Figure planned,
            @Schema(minimum = "0", maximum = "1000000", examples = "6") int hostUnits,
            @Schema(minimum = "0", maximum = "1000000", examples = "4") int hostUnitsHosted,
            @Schema(minimum = "0", maximum = "1000000", examples = "1") int hostUnitsNeverHosted) {
    }

    @Schema(name = "LectureStatsChild", description = "A child unit's figures, side by side")
    public record LectureChild(Unit unit, LectureFigures figures) {
    }

    @Schema(name = "LectureStats", description = "Lecture figures of a unit's subtree")
    public record LectureStats(Unit unit, Period period, LectureFigures figures,
            @Schema(nullable = true, maxItems = 100,
                    description = "The unit's children side by side (children=true, at most 100), else null")
            List<LectureChild> children) {
    }

    // ---- integrity

    @Schema(name = "IntegrityFigures", description = "Integrity files of the subtree in counts: open files, conduct "
            + "reviews and personal matters reports done in the period, and what is overdue as of the period's end")
    public record IntegrityFigures(Figure openFiles, Figure reviewsDone, Figure reportsDone, Figure reviewsOverdue,
            Figure reportsOverdue, Figure profilesOverdue) {
    }

    @Schema(name = "IntegrityStatsChild", description = "A child unit's figures, side by side")
    public record IntegrityChild(Unit unit, IntegrityFigures figures) {
    }

    @Schema(name = "IntegrityStats", description = "Integrity figures of a unit's subtree")
    public record IntegrityStats(Unit unit, Period period, IntegrityFigures figures,
            @Schema(nullable = true, maxItems = 100,
                    description = "The unit's children side by side (children=true, at most 100), else null")
            List<IntegrityChild> children) {
    }
}
