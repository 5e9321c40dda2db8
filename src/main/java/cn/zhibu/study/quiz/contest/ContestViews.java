package cn.zhibu.study.quiz.contest;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of {@code /v1/party-days/{id}/contest}. */
public final class ContestViews {

    static final String INSTANT = Patterns.INSTANT;
    static final String TEAM_RULE = "Teams rank by the mean score of their answering members (so that a big group "
            + "does not win by its size), then by their mean time taken (shorter first), then by how many answered "
            + "(more first), then in the branch's order of its party groups. A team nobody of which answered is not "
            + "ranked.";

    private ContestViews() {
    }

    @Schema(name = "ContestCreate", description = "The quiz that becomes the session's contest, and how it is ranked. "
            + "The quiz stands alone (no study material) and is for the session's branch.")
    public record Create(
            @Schema(format = "uuid", pattern = Patterns.UUID, required = true) @NotNull UUID quizId,
            @Schema(required = true) @NotNull ContestMode mode) {
    }

    @Schema(name = "Contest", description = "A contest (趣味竞答) at a session: its quiz, answered from opensAt until "
            + "closesAt (the session's time with the margin zhibu.contests.margin on either side), by the members of "
            + "the session's branch.")
    public record View(
            UUID partyDayId,
            UUID quizId,
            @Schema(maxLength = 100, pattern = Patterns.TEXT, examples = "楚韵·清风廉洁知识竞答") String quizTitle,
            ContestMode mode,
            UUID branchId,
            @Schema(description = "When attempts may start: the margin before the session starts", format = "date-time",
                    pattern = INSTANT) Instant opensAt,
            @Schema(description = "When attempts can no longer start: the margin after the session ends (an attempt "
                    + "started before may be submitted within its time limit)", format = "date-time", pattern = INSTANT)
            Instant closesAt,
            @Schema(description = "Whether the session was cancelled: then no attempt starts at all") boolean cancelled,
            @Schema(description = "Who linked it (account id)", maxLength = 80, pattern = "^[A-Za-z0-9:._-]{1,80}$")
            String createdBy,
            @Schema(format = "date-time", pattern = INSTANT) Instant createdAt) {
    }

    @Schema(name = "ContestPersonResult", description = "One person's result: their first attempt submitted that "
            + "started within the contest's window.")
    public record PersonResult(
            @Schema(description = "1 for the best: higher score, then less time taken, then earlier submission",
                    minimum = "1", maximum = "100000") int rank,
            @Schema(description = "Null for a person who appears as anonymous on boards", format = "uuid",
                    pattern = Patterns.UUID, nullable = true) UUID personId,
            @Schema(description = "Null for a person who appears as anonymous on boards", maxLength = 32,
                    pattern = Patterns.TEXT, nullable = true, examples = "张三") String name,
            @Schema(description = "Whether the person chose to appear as anonymous (匿名) on boards") boolean anonymous,
            @Schema(description = "Their party group on the session's day (TEAMS); null: they count per person only",
                    format = "uuid", pattern = Patterns.UUID, nullable = true) UUID teamId,
            @Schema(maxLength = 64, pattern = Patterns.TEXT, nullable = true, examples = "第一党小组") String teamName,
            @Schema(description = "Correct answers (zero when submitted late)", minimum = "0", maximum = "50") int score,
            @Schema(description = "Seconds from starting to submitting", minimum = "0", maximum = "100000")
            long secondsTaken,
            boolean late,
            @Schema(format = "date-time", pattern = INSTANT) Instant submittedAt) {
    }

    @Schema(name = "ContestTeamResult", description = "One party group's result (TEAMS).")
    public record TeamResult(
            @Schema(description = "1 for the best (see teamRule); null when none of its members answered",
                    minimum = "1", maximum = "1000", nullable = true) Integer rank,
            UUID unitId,
            @Schema(maxLength = 64, pattern = Patterns.TEXT, examples = "第一党小组") String name,
            @Schema(description = "Its members on the session's day", minimum = "0", maximum = "100000") int members,
            @Schema(description = "Of them, those who answered", minimum = "0", maximum = "100000") int answered,
            @Schema(description = "The sum of their scores", minimum = "0", maximum = "5000000") int totalScore,
            @Schema(description = "The mean of their scores, two decimals; null when none answered", minimum = "0",
                    maximum = "50", nullable = true, examples = "4.33") BigDecimal meanScore,
            @Schema(description = "The mean of their seconds taken, rounded; null when none answered", minimum = "0",
                    maximum = "100000", nullable = true) Long meanSeconds) {
    }

    @Schema(name = "ContestResults", description = "The result table of a session's contest, as it stands now.")
    public record Results(
            UUID partyDayId,
            UUID quizId,
            ContestMode mode,
            @Schema(description = "The quiz's number of questions: the highest score", minimum = "1", maximum = "50")
            int questionCount,
            @Schema(description = "The people who answered, best first", maxItems = 100000) List<PersonResult> people,
            @Schema(description = "The branch's party groups, best first (TEAMS; empty for INDIVIDUAL)",
                    maxItems = 1000) List<TeamResult> teams,
            @Schema(description = "How teams are ranked (TEAMS; null for INDIVIDUAL)", maxLength = 400,
                    pattern = Patterns.TEXT, nullable = true) String teamRule,
            @Schema(description = "People who answered but were of no party group on the session's day: they count "
                    + "per person only (TEAMS; 0 for INDIVIDUAL)", minimum = "0", maximum = "100000") int unteamed) {
    }
}
