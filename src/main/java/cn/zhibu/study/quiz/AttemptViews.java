package cn.zhibu.study.quiz;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of quiz attempts: the questions as asked, the submission, and the result. */
public final class AttemptViews {

    private static final String UUID_PATTERN = cn.zhibu.platform.openapi.Patterns.UUID;

    private AttemptViews() {
    }

    @Schema(name = "QuizAttemptQuestion", description = "A question as asked: without its answer.")
    public record Asked(
            @Schema(description = "1 for the first question", minimum = "1", maximum = "50", examples = "1") int position,
            UUID questionId,
            QuestionKind kind,
            @Schema(maxLength = 500, pattern = Patterns.LONG_TEXT, examples = "中国共产党的根本宗旨是什么？") String text,
            @Schema(description = "In key order", minItems = 2, maxItems = 6) List<QuestionViews.Option> options) {
    }

    @Schema(name = "QuizMarkedAnswer", description = "One question of a submitted attempt: what was chosen, what is "
            + "correct and why.")
    public record Marked(
            UUID questionId,
            @Schema(type = SchemaType.ARRAY, implementation = OptionKey.class, maxItems = 6,
                    description = "The keys chosen; empty when left unanswered") List<String> chosenKeys,
            @Schema(type = SchemaType.ARRAY, implementation = OptionKey.class, minItems = 1, maxItems = 6)
            List<String> correctKeys,
            @Schema(description = "Whether the chosen keys are exactly the correct ones") boolean correct,
            @Schema(maxLength = 1000, pattern = Patterns.LONG_TEXT, nullable = true) String explanation) {
    }

    @Schema(name = "QuizAttemptResult", description = "The result of a submitted attempt. Its score counts the "
            + "questions answered exactly right; a late submission (after the deadline and a short grace) scores zero. "
            + "The first attempt of a quiz a member submits on a business day is scored for points; later ones that "
            + "day are practice.")
    public record Result(
            @Schema(description = "The business day of the submission", format = "date")
            LocalDate businessDate,
            @Schema(minimum = "0", maximum = "50", examples = "5") int score,
            @Schema(description = "How many questions it had", minimum = "1", maximum = "50", examples = "6") int total,
            @Schema(description = "Submitted after the deadline and the grace: the score is zero") boolean late,
            @Schema(description = "Another attempt of this quiz was scored that day first: no points") boolean practice,
            @Schema(description = "Not late, and the score reached the pass score") boolean passed,
            @Schema(description = "Points its ledger entries brought (QUIZ and QUIZ_FULL_MARKS; caps may lower them)",
                    minimum = "0", maximum = "100000", examples = "3") int points,
            @Schema(description = "The QUIZ ledger entry it earned, if any", format = "uuid",
                    pattern = UUID_PATTERN, nullable = true) UUID pointsEntryId,
            @Schema(description = "The QUIZ_FULL_MARKS ledger entry it earned, if any", format = "uuid",
                    pattern = UUID_PATTERN, nullable = true) UUID fullMarksEntryId,
            @Schema(description = "Each question, in order", minItems = 1, maxItems = 50) List<Marked> answers) {
    }

    @Schema(name = "QuizAttempt", description = "A member's attempt at a quiz: its questions as they were when it "
            + "started (never their answers before it is submitted), its deadline, and once submitted its result.")
    public record View(
            UUID id,
            UUID quizId,
            @Schema(maxLength = 100, pattern = Patterns.TEXT, examples = "党章党规知识一测") String quizTitle,
            UUID personId,
            AttemptState state,
            Instant startedAt,
            @Schema(description = "startedAt plus the quiz's time limit")
            Instant deadline,
            @Schema(description = "Correct answers needed to earn the QUIZ points", minimum = "1", maximum = "50",
                    examples = "1") int passScore,
            @Schema(description = "The questions, in order, without answers", minItems = 1, maxItems = 50)
            List<Asked> questions,
            @Schema(format = "date-time", pattern = QuestionViews.INSTANT, nullable = true)
            Instant submittedAt,
            @Schema(description = "Null until submitted", nullable = true) Result result,
            @Schema(description = "Version; the ETag of the resource",
                    examples = "0") long version) {
    }

    @Schema(name = "QuizAttemptSummary", description = "An attempt in a list: its state and score, without questions.")
    public record Summary(
            UUID id,
            UUID quizId,
            @Schema(maxLength = 100, pattern = Patterns.TEXT, examples = "党章党规知识一测") String quizTitle,
            UUID personId,
            AttemptState state,
            Instant startedAt,
            Instant deadline,
            @Schema(format = "date-time", pattern = QuestionViews.INSTANT, nullable = true)
            Instant submittedAt,
            @Schema(format = "date", pattern = cn.zhibu.platform.openapi.Patterns.DATE, nullable = true)
            LocalDate businessDate,
            @Schema(description = "Null until submitted", minimum = "0", maximum = "50", nullable = true) Integer score,
            @Schema(minimum = "1", maximum = "50", examples = "6") int total,
            @Schema(description = "Null until submitted", nullable = true) Boolean late,
            @Schema(description = "Null until submitted", nullable = true) Boolean practice,
            @Schema(description = "Null until submitted", minimum = "0", maximum = "100000", nullable = true)
            Integer points) {
    }

    @Schema(name = "QuizAttemptPage", description = "One page of attempts, latest start first.")
    public record Page(
            @Schema(description = "The attempts of this page", maxItems = 100, required = true) List<Summary> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true, required = true)
            String nextCursor) {
    }

    @Schema(name = "QuizAnswer", description = "The keys chosen for one question of the attempt.")
    public record Answer(
            @Schema(required = true) @NotNull UUID questionId,
            @Schema(type = SchemaType.ARRAY, implementation = OptionKey.class, maxItems = 6, required = true,
                    description = "Each once, among the question's options; one at most unless it is MULTIPLE_CHOICE; "
                            + "empty: left unanswered") @NotNull @Size(max = 6)
            List<@NotNull @Pattern(regexp = QuestionViews.KEY) String> keys) {
    }

    @Schema(name = "QuizSubmission", description = "The answers of an attempt. A question may be left out (it counts "
            + "as wrong); a question not in the attempt, a question answered twice, or keys that are not the "
            + "question's options are refused.")
    public record Submission(
            @Schema(maxItems = 50, required = true) @NotNull @Size(max = 50) List<@NotNull @Valid Answer> answers) {
    }
}
