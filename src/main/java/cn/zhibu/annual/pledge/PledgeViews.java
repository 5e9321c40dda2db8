package cn.zhibu.annual.pledge;

import cn.zhibu.platform.openapi.Patterns;
import cn.zhibu.platform.paging.Pagination;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of {@code /v1/pledges}. */
public final class PledgeViews {

    static final String HASH = "^[0-9a-f]{64}$";

    private PledgeViews() {
    }

    @Schema(name = "PledgeCreate", description = "A branch's pledge (承诺书) of a year: one per branch and year")
    public record Create(
            @Schema(description = "The branch", required = true) @NotNull UUID unitId,
            @Schema(minimum = "2000", maximum = "2100", required = true, examples = "2026") @NotNull @Min(2000)
            @Max(2100) Integer year,
            @Schema(minLength = 1, maxLength = 100, pattern = Patterns.TEXT, required = true,
                    examples = "争做一名新时代的优秀组工干部的倡议书") @NotBlank @Size(max = 100)
            @Pattern(regexp = Patterns.TEXT) String title,
            @Schema(description = "The preamble", minLength = 1, maxLength = 5000, pattern = Patterns.LONG_TEXT,
                    required = true, examples = "为深入学习贯彻新时代党的组织路线，我们倡议：") @NotBlank @Size(max = 5000)
            @Pattern(regexp = Patterns.LONG_TEXT) String text,
            @Schema(description = "The standards, numbered from 1 in this order", type = SchemaType.ARRAY,
                    implementation = PledgeStandard.class, minItems = 1, maxItems = 20, required = true)
            @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 500) @Pattern(regexp = Patterns.TEXT)
            String> standards) {
    }

    @Schema(name = "PledgeChange", description = "A pledge's new title, preamble and standards (all of them); only "
            + "until its first signature")
    public record Change(
            @Schema(minLength = 1, maxLength = 100, pattern = Patterns.TEXT, required = true,
                    examples = "争做一名新时代的优秀组工干部的倡议书") @NotBlank @Size(max = 100)
            @Pattern(regexp = Patterns.TEXT) String title,
            @Schema(minLength = 1, maxLength = 5000, pattern = Patterns.LONG_TEXT, required = true)
            @NotBlank @Size(max = 5000) @Pattern(regexp = Patterns.LONG_TEXT) String text,
            @Schema(type = SchemaType.ARRAY, implementation = PledgeStandard.class, minItems = 1, maxItems = 20,
                    required = true) @NotNull @Size(min = 1, max = 20)
            List<@NotBlank @Size(max = 500) @Pattern(regexp = Patterns.TEXT) String> standards) {
    }

    @Schema(name = "Pledge", description = "A branch's pledge of a year, with how many signed it")
    public record View(
            UUID id,
            UUID unitId,
            @Schema(minimum = "2000", maximum = "2100") int year,
            @Schema(maxLength = 100, pattern = Patterns.LONG_TEXT) String title,
            @Schema(maxLength = 5000, pattern = Patterns.LONG_TEXT) String text,
            @Schema(type = SchemaType.ARRAY, implementation = PledgeStandard.class, maxItems = 20)
            List<String> standards,
            @Schema(description = "Whether anyone signed it: then it never changes") boolean signed,
            @Schema(description = "How many signed it", minimum = "0", maximum = "100000") int signatureCount,
            @Schema(description = "How many current members of the unit have not signed it: for those who manage "
                    + "the unit's annual cycle only (null for others)", minimum = "0", maximum = "100000",
                    nullable = true) Integer unsignedCount,
            @Schema(description = "Version; the ETag (each signature bumps it)") long version,
            Instant createdAt,
            Instant updatedAt) {
    }

    @Schema(name = "PledgePage", description = "One page of pledges, latest year first")
    public record Page(
            @Schema(maxItems = 100, required = true) List<View> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true) String nextCursor) {
    }

    @Schema(name = "PledgeSignature", description = "What a member signed, frozen: the exact title, text and "
            + "standards, and the SHA-256 of their canonical form (see the API guide)")
    public record Signature(
            UUID pledgeId,
            UUID personId,
            @Schema(maxLength = 32, pattern = Patterns.LONG_TEXT, examples = "张三") String personName,
            @Schema(maxLength = 100, pattern = Patterns.LONG_TEXT) String title,
            @Schema(maxLength = 5000, pattern = Patterns.LONG_TEXT) String text,
            @Schema(type = SchemaType.ARRAY, implementation = PledgeStandard.class, maxItems = 20)
            List<String> standards,
            @Schema(minLength = 64, maxLength = 64, pattern = HASH,
                    examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
            Instant signedAt) {
    }

    @Schema(name = "PledgeSigner", description = "Who signed, and when")
    public record Signer(
            UUID personId,
            @Schema(maxLength = 32, pattern = Patterns.LONG_TEXT, examples = "张三") String personName,
            Instant signedAt) {
    }

    @Schema(name = "PledgeSignerPage", description = "One page of signers, in the order they signed")
    public record SignerPage(
            @Schema(maxItems = 100, required = true) List<Signer> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true) String nextCursor) {
    }

    @Schema(name = "PledgeStandardAssessment", description = "A member's assessment of one standard they signed")
    public record Assessment(
            @Schema(description = "The standard's number, from 1", minimum = "1", maximum = "20", required = true,
                    examples = "1") @NotNull @Min(1) @Max(20) Integer standard,
            @Schema(minLength = 1, maxLength = 1000, pattern = Patterns.LONG_TEXT, required = true,
                    examples = "全年按时参加支部学习，完成学习笔记两万字。") @NotBlank @Size(max = 1000)
            @Pattern(regexp = Patterns.LONG_TEXT) String text,
            @Schema(description = "The member's own grade, if they give one", nullable = true, maxLength = 8,
                    pattern = "^[A-Z_]{1,8}$") PledgeGrade grade) {
    }

    @Schema(name = "PledgeSelfAssessment", description = "The member's assessment of every standard of the pledge "
            + "they signed, each once")
    public record SelfAssessment(
            @Schema(minItems = 1, maxItems = 20, required = true) @NotNull @Size(min = 1, max = 20)
            List<@NotNull @Valid Assessment> standards) {
    }

    @Schema(name = "PledgeReviewComment", description = "The secretary's comment on a member's self-assessment")
    public record Comment(
            @Schema(minLength = 1, maxLength = 2000, pattern = Patterns.LONG_TEXT, required = true,
                    examples = "该同志认真践行承诺，表现突出。") @NotBlank @Size(max = 2000)
            @Pattern(regexp = Patterns.LONG_TEXT) String comment) {
    }

    @Schema(name = "PledgeReview", description = "A member's year-end review (践诺) of a pledge they signed: their "
            + "self-assessment, then the secretary's comment")
    public record Review(
            UUID pledgeId,
            UUID personId,
            @Schema(maxLength = 32, pattern = Patterns.LONG_TEXT, examples = "张三") String personName,
            Instant signedAt,
            @Schema(minLength = 64, maxLength = 64, pattern = HASH) String sha256,
            @Schema(type = SchemaType.ARRAY, implementation = Assessment.class, maxItems = 20)
            List<Assessment> standards,
            @Schema(description = "When the member last assessed; null before", format = "date-time",
                    pattern = Patterns.INSTANT, nullable = true) Instant assessedAt,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT, nullable = true) String comment,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true)
            Instant commentedAt,
            @Schema(description = "Version; the ETag (0 before the self-assessment)") long version) {
    }

    @Schema(name = "PersonPledge", description = "A pledge of a person's branch or that they signed, with their "
            + "signature and review")
    public record PersonPledge(
            UUID pledgeId,
            UUID unitId,
            @Schema(minimum = "2000", maximum = "2100") int year,
            @Schema(maxLength = 100, pattern = Patterns.LONG_TEXT) String title,
            @Schema(description = "When they signed; null if they have not", format = "date-time",
                    pattern = Patterns.INSTANT, nullable = true) Instant signedAt,
            @Schema(minLength = 64, maxLength = 64, pattern = HASH, nullable = true) String sha256,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant assessedAt,
            @Schema(description = "Whether the secretary has commented on their self-assessment") boolean reviewed,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT, nullable = true) String comment) {
    }

    @Schema(name = "PersonPledgePage", description = "One page of a person's pledges, latest year first")
    public record PersonPledgePage(
            @Schema(maxItems = 100, required = true) List<PersonPledge> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true) String nextCursor) {
    }
}
