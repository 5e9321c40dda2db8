package cn.zhibu.privacy.mydata;

import static cn.zhibu.privacy.mydata.MyDataViews.CODE;

import cn.zhibu.platform.openapi.Patterns;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The sections of {@code GET /v1/me/data} about the annual cycle, campaigns and integrity declarations. */
public final class MyDataAnnualViews {

    private MyDataAnnualViews() {
    }

    @Schema(name = "MyDataCampaignRatee", description = "A campaign that rates the person")
    public record CampaignRatee(UUID campaignId, UUID personId, Instant addedAt) {
    }

    @Schema(name = "MyDataCampaignReport", description = "A report (述职报告) the person wrote")
    public record CampaignReport(UUID campaignId, UUID personId,
            @Schema(maxLength = 20000, pattern = Patterns.LONG_TEXT) String body,
            @Schema(type = SchemaType.ARRAY, implementation = MyDataText.class, maxItems = 5) List<String> links,
            Instant submittedAt, Instant updatedAt) {
    }

    @Schema(name = "MyDataCampaignBallot", description = "A ballot the person cast: their own, or a unit's they "
            + "spoke for (the ratee by id)")
    public record CampaignBallot(UUID campaignId, @Schema(maxLength = 24, pattern = CODE) String stage,
            @Schema(maxLength = 8, pattern = CODE) String raterKind, UUID raterId, UUID rateeId,
            @Schema(maxLength = 16, pattern = Patterns.LONG_TEXT) String grade, UUID castBy, Instant castAt) {
    }

    @Schema(name = "MyDataCampaignNomination", description = "A nomination of the person")
    public record CampaignNomination(UUID id, UUID campaignId, UUID personId,
            @Schema(description = "The unit that nominated; null: the person did", format = "uuid",
                    pattern = Patterns.UUID, nullable = true) UUID nominatedByUnitId,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT, nullable = true) String selfEvaluation,
            @Schema(maxLength = 5000, pattern = Patterns.LONG_TEXT, nullable = true) String deeds,
            Instant createdAt) {
    }

    @Schema(name = "MyDataCampaignDecision", description = "The committee's decision about the person")
    public record CampaignDecision(UUID campaignId, UUID personId,
            @Schema(maxLength = 16, pattern = Patterns.LONG_TEXT) String outcome,
            @Schema(maxLength = 1000, pattern = Patterns.LONG_TEXT) String reason, Instant updatedAt) {
    }

    @Schema(name = "MyDataCampaignObjection", description = "An objection the person raised (the candidate by id)")
    public record CampaignObjection(UUID id, UUID campaignId, UUID candidateId, UUID objectorId,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT) String text,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT, nullable = true) String answer,
            Instant createdAt,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant answeredAt) {
    }

    @Schema(name = "MyDataAnnualPlan", description = "An annual plan the person owns")
    public record AnnualPlan(UUID id, UUID unitId, UUID ownerId, @Schema(minimum = "2000", maximum = "2100") int year,
            @Schema(maxLength = 16, pattern = CODE) String state,
            @Schema(maxLength = 10000, pattern = Patterns.LONG_TEXT, nullable = true) String summary,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant submittedAt,
            Instant createdAt, Instant updatedAt) {
    }

    @Schema(name = "MyDataAnnualPlanItem", description = "An item of an annual plan the person owns")
    public record AnnualPlanItem(UUID id, UUID planId, UUID ownerId,
            @Schema(maxLength = 24, pattern = CODE) String kind,
            @Schema(maxLength = 200, pattern = Patterns.LONG_TEXT) String title,
            @Schema(minimum = "1", maximum = "1000", nullable = true) Integer targetCount,
            @Schema(format = "date", pattern = Patterns.DATE, nullable = true) LocalDate targetDate,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant doneAt,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT, nullable = true) String evidence) {
    }

    @Schema(name = "MyDataAnnualPlanReview", description = "A review of a plan the person made")
    public record AnnualPlanReview(UUID id, UUID planId, UUID reviewerPersonId,
            @Schema(maxLength = 16, pattern = CODE) String decision,
            @Schema(maxLength = 1000, pattern = Patterns.LONG_TEXT, nullable = true) String note,
            Instant reviewedAt) {
    }

    @Schema(name = "MyDataPledgeSignature", description = "A pledge the person signed, as signed")
    public record PledgeSignature(UUID pledgeId, UUID personId,
            @Schema(maxLength = 100, pattern = Patterns.LONG_TEXT) String title,
            @Schema(maxLength = 5000, pattern = Patterns.LONG_TEXT) String text,
            @Schema(type = SchemaType.ARRAY, implementation = MyDataText.class, maxItems = 20) List<String> standards,
            @Schema(maxLength = 64, pattern = "^[0-9a-f]{64}$") String sha256, Instant signedAt) {
    }

    @Schema(name = "MyDataPledgeReview", description = "The year-end review (践诺) of a signed pledge")
    public record PledgeReview(UUID pledgeId, UUID personId, Instant assessedAt,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT, nullable = true) String comment,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant commentedAt) {
    }

    @Schema(name = "MyDataPledgeAssessment", description = "The person's assessment of one standard")
    public record PledgeAssessment(UUID pledgeId, UUID personId, @Schema(minimum = "1", maximum = "20") int standard,
            @Schema(maxLength = 1000, pattern = Patterns.LONG_TEXT) String text,
            @Schema(maxLength = 8, pattern = CODE, nullable = true) String grade) {
    }

    @Schema(name = "MyDataHonour", description = "An honour the person won")
    public record Honour(UUID id, UUID personId, @Schema(maxLength = 100, pattern = Patterns.LONG_TEXT) String title,
            @Schema(maxLength = 16, pattern = CODE) String level, @Schema(minimum = "2000", maximum = "2100") int year,
            @Schema(maxLength = 100, pattern = Patterns.LONG_TEXT) String awardedBy,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID campaignId) {
    }

    @Schema(name = "MyDataIntegrityDeclaration", description = "An integrity declaration the person made, without "
            + "its content, with the reviewers' notes")
    public record IntegrityDeclaration(UUID id, UUID personId, @Schema(maxLength = 24, pattern = CODE) String type,
            @Schema(minimum = "2000", maximum = "2100", nullable = true) Integer reportYear,
            @Schema(maxLength = 24, pattern = CODE) String state, Instant submittedAt,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant unitReviewedAt,
            @Schema(maxLength = 500, pattern = Patterns.LONG_TEXT, nullable = true) String unitNote,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant officerReviewedAt,
            @Schema(maxLength = 500, pattern = Patterns.LONG_TEXT, nullable = true) String officerNote) {
    }
}
