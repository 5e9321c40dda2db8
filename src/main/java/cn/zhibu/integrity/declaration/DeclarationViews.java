package cn.zhibu.integrity.declaration;

import cn.zhibu.integrity.entry.EntryContent;
import cn.zhibu.integrity.entry.EntryType;
import cn.zhibu.platform.openapi.Patterns;
import cn.zhibu.platform.paging.Pagination;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of {@code /v1/integrity-declarations}. */
public final class DeclarationViews {

    private DeclarationViews() {
    }

    @Schema(name = "IntegrityDeclarationSubmit", description = "A cadre's own declaration: a personal matters report "
            + "(个人有关事项报告) or a gift (礼品礼金登记)")
    public record Submit(
            @Schema(description = "Content of type PERSONAL_MATTERS or GIFT", required = true)
            @NotNull @Valid EntryContent content) {
    }

    /** What a reviewer decides. */
    @Schema(name = "IntegrityDeclarationDecisionKind", description = "APPROVE on to the next stage, or RETURN to the "
            + "cadre")
    public enum Decision {
        /** On to the next stage: the integrity officer, or into the file. */
        APPROVE,
        /** Back to the cadre, with a note saying why. */
        RETURN
    }

    @Schema(name = "IntegrityDeclarationDecision", description = "A review of a declaration at its current stage")
    public record Review(
            @Schema(required = true) @NotNull Decision decision,
            @Schema(description = "What the cadre should know; required to return a declaration", maxLength = 500,
                    pattern = Patterns.TEXT, examples = "请补充房产面积和产权人信息")
            @Size(max = 500) @Pattern(regexp = Patterns.TEXT) String note) {
    }

    @Schema(name = "IntegrityDeclarationReview", description = "One stage's review of a declaration")
    public record StageReview(
            @Schema(description = "The reviewer's account", required = true)
            UUID reviewedBy,
            @Schema(required = true) Instant reviewedAt,
            @Schema(maxLength = 500, nullable = true, pattern = Patterns.TEXT, examples = "情况属实") String note) {
    }

    @Schema(name = "IntegrityDeclarationSummary", description = "A declaration without its content, as reviewers "
            + "see it in their queue and the cadre gets it back on submitting")
    public record Summary(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID fileId,
            @Schema(required = true) UUID personId,
            @Schema(maxLength = 32, pattern = cn.zhibu.platform.openapi.Patterns.LONG_TEXT, required = true,
                    examples = "李建国") String personName,
            @Schema(description = "The cadre's branch", required = true) UUID unitId,
            @Schema(ref = "IntegrityDeclarationType") EntryType type,
            @Schema(description = "The year a personal matters report reports on", nullable = true, minimum = "2000",
                    maximum = "2100") Integer reportYear,
            @Schema(required = true) Declaration.State state,
            @Schema(required = true) Instant submittedAt,
            @Schema(description = "The unit head's review, once done", nullable = true) StageReview unitReview,
            @Schema(description = "The integrity officer's review, once done", nullable = true)
            StageReview officerReview,
            @Schema(description = "The file's entry it became, once accepted", format = "uuid",
                    nullable = true, pattern = Patterns.UUID) UUID entryId,
            @Schema(minimum = "0", maximum = "999999999999999999", required = true) long version) {
    }

    @Schema(name = "IntegrityDeclaration", description = "A declaration with its content")
    public record View(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID fileId,
            @Schema(required = true) UUID personId,
            @Schema(maxLength = 32, pattern = cn.zhibu.platform.openapi.Patterns.LONG_TEXT, required = true,
                    examples = "李建国") String personName,
            @Schema(description = "The cadre's branch", required = true) UUID unitId,
            @Schema(ref = "IntegrityDeclarationType") EntryType type,
            @Schema(description = "The year a personal matters report reports on", nullable = true, minimum = "2000",
                    maximum = "2100") Integer reportYear,
            @Schema(required = true) Declaration.State state,
            @Schema(required = true) Instant submittedAt,
            @Schema(description = "The unit head's review, once done", nullable = true) StageReview unitReview,
            @Schema(description = "The integrity officer's review, once done", nullable = true)
            StageReview officerReview,
            @Schema(description = "The file's entry it became, once accepted", format = "uuid",
                    nullable = true, pattern = Patterns.UUID) UUID entryId,
            @Schema(minimum = "0", maximum = "999999999999999999", required = true) long version,
            @Schema(description = "What was declared", required = true) EntryContent content) {

        static View of(Summary s, EntryContent content) {
            return new View(s.id(), s.fileId(), s.personId(), s.personName(), s.unitId(), s.type(), s.reportYear(),
                    s.state(), s.submittedAt(), s.unitReview(), s.officerReview(), s.entryId(), s.version(), content);
        }
    }

    @Schema(name = "IntegrityDeclarationPage", description = "One page of the review queue, oldest first")
    public record Page(
            @Schema(maxItems = 100, required = true) List<Summary> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true) String nextCursor) {
    }

    @Schema(name = "IntegrityOwnDeclarationPage", description = "One page of the caller's own declarations, newest "
            + "first, with their content")
    public record OwnPage(
            @Schema(maxItems = 100, required = true) List<View> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true) String nextCursor) {
    }
}
