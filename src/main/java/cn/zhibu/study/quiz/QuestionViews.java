package cn.zhibu.study.quiz;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of {@code /v1/quiz-questions}, the question bank. */
public final class QuestionViews {

    /** One line, not starting or ending with a space. */
    static final String KEY = "^[A-F]$";
    /** The options of every true-or-false question. */
    static final List<String> TRUE_FALSE = List.of("正确", "错误");
    static final String INSTANT = Patterns.INSTANT;

    private QuestionViews() {
    }

    @Schema(name = "QuizOption", description = "One option of a question.")
    public record Option(
            @Schema(description = "A for the first option, B for the second, and so on", minLength = 1, maxLength = 1,
                    pattern = KEY, required = true, examples = "A") @NotNull @Pattern(regexp = KEY) String key,
            @Schema(minLength = 1, maxLength = 200, pattern = Patterns.TEXT, required = true, examples = "全心全意为人民服务")
            @NotBlank @Size(max = 200) @Pattern(regexp = Patterns.TEXT) String text) {
    }

    @Schema(name = "QuizQuestionCreate", description = "A new question for a unit's bank. Choice questions list two "
            + "to six options keyed A, B, C... in that order; a true-or-false question has no options of its own (A 正确, "
            + "B 错误). A single choice or true-or-false question has exactly one correct key, a multiple choice one at "
            + "least one; every correct key names an option.")
    public record Create(
            @Schema(description = "The unit whose bank holds it: quizzes of this unit and the units under it may use it",
                    required = true) @NotNull UUID unitId,
            @Schema(required = true, examples = "SINGLE_CHOICE") @NotNull QuestionKind kind,
            @Schema(minLength = 1, maxLength = 500, pattern = Patterns.LONG_TEXT, required = true, examples = "中国共产党的根本宗旨是什么？")
            @NotBlank @Size(max = 500) @Pattern(regexp = Patterns.LONG_TEXT) String text,
            @Schema(description = "Two to six options (none for TRUE_FALSE)", maxItems = 6)
            @Size(max = 6) List<@NotNull @Valid Option> options,
            @Schema(type = SchemaType.ARRAY, implementation = OptionKey.class, minItems = 1, maxItems = 6,
                    required = true, description = "The correct option keys") @NotNull @Size(min = 1, max = 6)
            List<@NotNull @Pattern(regexp = KEY) String> correctKeys,
            @Schema(description = "Why the answer is right; shown to a member once they submitted", maxLength = 1000,
                    pattern = Patterns.LONG_TEXT, examples = "党章总纲：全心全意为人民服务是党的根本宗旨。")
            @Size(max = 1000) @Pattern(regexp = Patterns.LONG_TEXT) String explanation) {
    }

    @Schema(name = "QuizQuestionChange", description = "A question's new content (its unit stays). Attempts already "
            + "started keep the question as it was.")
    public record Change(
            @Schema(required = true, examples = "SINGLE_CHOICE") @NotNull QuestionKind kind,
            @Schema(minLength = 1, maxLength = 500, pattern = Patterns.LONG_TEXT, required = true, examples = "中国共产党的根本宗旨是什么？")
            @NotBlank @Size(max = 500) @Pattern(regexp = Patterns.LONG_TEXT) String text,
            @Schema(description = "Two to six options (none for TRUE_FALSE)", maxItems = 6)
            @Size(max = 6) List<@NotNull @Valid Option> options,
            @Schema(type = SchemaType.ARRAY, implementation = OptionKey.class, minItems = 1, maxItems = 6,
                    required = true, description = "The correct option keys") @NotNull @Size(min = 1, max = 6)
            List<@NotNull @Pattern(regexp = KEY) String> correctKeys,
            @Schema(description = "Why the answer is right; shown to a member once they submitted", maxLength = 1000,
                    pattern = Patterns.LONG_TEXT, examples = "党章总纲：全心全意为人民服务是党的根本宗旨。")
            @Size(max = 1000) @Pattern(regexp = Patterns.LONG_TEXT) String explanation) {
    }

    @Schema(name = "QuizQuestion", description = "A question of a unit's bank, with its answer: only for those who "
            + "manage quizzes.")
    public record View(
            UUID id,
            @Schema(description = "The unit whose bank holds it") UUID unitId,
            QuestionKind kind,
            @Schema(maxLength = 500, pattern = Patterns.LONG_TEXT, examples = "中国共产党的根本宗旨是什么？") String text,
            @Schema(description = "In key order", minItems = 2, maxItems = 6) List<Option> options,
            @Schema(type = SchemaType.ARRAY, implementation = OptionKey.class, minItems = 1, maxItems = 6)
            List<String> correctKeys,
            @Schema(maxLength = 1000, pattern = Patterns.LONG_TEXT, nullable = true) String explanation,
            @Schema(description = "When it was retired (no new quiz may use it); null while it is not",
                    format = "date-time", pattern = INSTANT, nullable = true) Instant retiredAt,
            @Schema(description = "Who made it (account id)", maxLength = 80, pattern = "^[A-Za-z0-9:._-]{1,80}$")
            String createdBy,
            @Schema(description = "Version; the ETag of the resource",
                    examples = "0") long version,
            Instant createdAt,
            Instant updatedAt) {

        static View of(QuizQuestion q) {
            return new View(q.id, q.unitId, q.kind, q.text, QuestionViews.options(q.options), keys(q.correctKeys), q.explanation,
                    q.retiredAt, q.createdBy, q.version, q.createdAt, q.updatedAt);
        }
    }

    @Schema(name = "QuizQuestionPage", description = "One page of questions, newest first.")
    public record Page(
            @Schema(description = "The questions of this page", maxItems = 100, required = true) List<View> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true, required = true)
            String nextCursor) {
    }

    /** Stored options (in key order) as keyed options. */
    static List<Option> options(String[] texts) {
        List<Option> options = new ArrayList<>(texts.length);
        for (int i = 0; i < texts.length; i++) {
            options.add(new Option(String.valueOf((char) ('A' + i)), texts[i]));
        }
        return options;
    }

    /** Stored keys ("AC") as a list. */
    static List<String> keys(String keys) {
        return keys.chars().mapToObj(c -> String.valueOf((char) c)).toList();
    }
}
