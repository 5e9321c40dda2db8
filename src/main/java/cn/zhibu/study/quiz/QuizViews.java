package cn.zhibu.study.quiz;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of {@code /v1/quizzes}. */
public final class QuizViews {

    static final int MIN_SECONDS = 30;
    static final int MAX_SECONDS = 7200;
    static final int MAX_QUESTIONS = 50;
    private static final String UUID_PATTERN = cn.zhibu.platform.openapi.Patterns.UUID;

    private QuizViews() {
    }

    @Schema(name = "QuizCreate", description = "A new quiz: either on a study material (materialId; its audience and "
            + "opening are the material's) or standing alone (unitId, open from publishFrom, default now, until "
            + "publishUntil, if any). Its questions come, in this order, from the bank of the audience unit or of the "
            + "units above it.")
    public record Create(
            @Schema(minLength = 1, maxLength = 100, pattern = Patterns.TEXT, required = true, examples = "党章党规知识一测")
            @NotBlank @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String title,
            @Schema(description = "The study material it tests (then no unitId, publishFrom or publishUntil)",
                    format = "uuid", pattern = UUID_PATTERN, nullable = true) UUID materialId,
            @Schema(description = "For a quiz standing alone: the unit whose subtree takes it", format = "uuid",
                    pattern = UUID_PATTERN, nullable = true) UUID unitId,
            @Schema(description = "For a quiz standing alone: when it opens (default now)", format = "date-time",
                    pattern = QuestionViews.INSTANT, nullable = true) Instant publishFrom,
            @Schema(description = "For a quiz standing alone: when it closes; none: it stays open", format = "date-time",
                    pattern = QuestionViews.INSTANT, nullable = true) Instant publishUntil,
            @Schema(description = "Question ids of the bank, in the order they are asked, each once", minItems = 1,
                    maxItems = MAX_QUESTIONS, required = true) @NotNull @Size(min = 1, max = MAX_QUESTIONS)
            List<@NotNull UUID> questionIds,
            @Schema(description = "Seconds a member has from starting an attempt to submitting it", minimum = "30",
                    maximum = "7200", required = true, examples = "600") @NotNull @Min(MIN_SECONDS) @Max(MAX_SECONDS)
            Integer timeLimitSeconds,
            @Schema(description = "Correct answers needed to earn the QUIZ points (at most the number of questions); "
                    + "none: one correct answer is enough", minimum = "1", maximum = "50", nullable = true,
                    examples = "4") @Min(1) @Max(MAX_QUESTIONS) Integer passScore) {
    }

    @Schema(name = "QuizChange", description = "A quiz's new content (its material or unit stays). A quiz standing "
            + "alone names its window again (publishFrom required); a quiz on a material takes none. Attempts already "
            + "started keep their questions and deadline.")
    public record Change(
            @Schema(minLength = 1, maxLength = 100, pattern = Patterns.TEXT, required = true, examples = "党章党规知识一测")
            @NotBlank @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String title,
            @Schema(description = "For a quiz standing alone: when it opens", format = "date-time",
                    pattern = QuestionViews.INSTANT, nullable = true) Instant publishFrom,
            @Schema(description = "For a quiz standing alone: when it closes; none: it stays open", format = "date-time",
                    pattern = QuestionViews.INSTANT, nullable = true) Instant publishUntil,
            @Schema(description = "Question ids of the bank, in the order they are asked, each once", minItems = 1,
                    maxItems = MAX_QUESTIONS, required = true) @NotNull @Size(min = 1, max = MAX_QUESTIONS)
            List<@NotNull UUID> questionIds,
            @Schema(description = "Seconds a member has from starting an attempt to submitting it", minimum = "30",
                    maximum = "7200", required = true, examples = "600") @NotNull @Min(MIN_SECONDS) @Max(MAX_SECONDS)
            Integer timeLimitSeconds,
            @Schema(description = "Correct answers needed to earn the QUIZ points; none: one is enough", minimum = "1",
                    maximum = "50", nullable = true, examples = "4") @Min(1) @Max(MAX_QUESTIONS) Integer passScore) {
    }

    @Schema(name = "Quiz", description = "A quiz. It never shows its answers: members see the questions when they "
            + "start an attempt, and the answers once they submitted it.")
    public record View(
            UUID id,
            @Schema(maxLength = 100, pattern = Patterns.TEXT, examples = "党章党规知识一测") String title,
            @Schema(description = "The audience: the unit whose subtree takes it (the material's unit for a quiz on a "
                    + "material)") UUID unitId,
            @Schema(description = "The study material it tests; null for a quiz standing alone. Such a quiz is open "
                    + "while the material is.", format = "uuid", pattern = UUID_PATTERN,
                    nullable = true) UUID materialId,
            @Schema(description = "When a quiz standing alone opens; null for a quiz on a material",
                    format = "date-time", pattern = QuestionViews.INSTANT, nullable = true)
            Instant publishFrom,
            @Schema(description = "When a quiz standing alone closes; null: it stays open", format = "date-time",
                    pattern = QuestionViews.INSTANT, nullable = true) Instant publishUntil,
            @Schema(minimum = "30", maximum = "7200", examples = "600") int timeLimitSeconds,
            @Schema(description = "Correct answers needed to earn the QUIZ points; null: one is enough", minimum = "1",
                    maximum = "50", nullable = true, examples = "4") Integer passScore,
            @Schema(minimum = "1", maximum = "50", examples = "6") int questionCount,
            @Schema(description = "The questions' ids, in order", minItems = 1, maxItems = MAX_QUESTIONS)
            List<UUID> questionIds,
            @Schema(description = "When it was withdrawn; null while it is not", format = "date-time",
                    pattern = QuestionViews.INSTANT, nullable = true) Instant withdrawnAt,
            @Schema(description = "Who made it (account id)", maxLength = 80, pattern = "^[A-Za-z0-9:._-]{1,80}$")
            String createdBy,
            @Schema(description = "Version; the ETag of the resource",
                    examples = "0") long version,
            Instant createdAt,
            Instant updatedAt) {

        static View of(Quiz q) {
            return new View(q.id, q.title, q.unitId, q.materialId, q.publishFrom, q.publishUntil, q.timeLimitSeconds,
                    q.passScore, q.questionIds.length, Arrays.asList(q.questionIds), q.withdrawnAt, q.createdBy,
                    q.version, q.createdAt, q.updatedAt);
        }
    }

    @Schema(name = "QuizPage", description = "One page of quizzes, newest first.")
    public record Page(
            @Schema(description = "The quizzes of this page", maxItems = 100, required = true) List<View> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true, required = true)
            String nextCursor) {
    }
}
