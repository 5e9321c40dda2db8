package cn.zhibu.annual.campaign;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of a campaign's reports, ballots and results. */
public final class CampaignBallotViews {

    private CampaignBallotViews() {
    }

    @Schema(name = "CampaignReportWrite", description = "A reporter's report (述职报告), replacing the one before")
    public record ReportWrite(
            @Schema(minLength = 1, maxLength = 20000, pattern = Patterns.LONG_TEXT, required = true,
                    examples = "一年来，本人认真履行支部委员职责……") @NotNull @Size(min = 1, max = 20000)
            @Pattern(regexp = Patterns.LONG_TEXT) String text,
            @Schema(description = "Up to five https links (documents, photos)", type = SchemaType.ARRAY,
                    implementation = CampaignLink.class, maxItems = 5, nullable = true)
            @Size(max = 5) List<@NotNull @Size(min = 9, max = 512) @Pattern(regexp = CampaignLink.URL) String> links) {
    }

    @Schema(name = "CampaignReport", description = "A reporter's report")
    public record Report(
            UUID personId,
            @Schema(maxLength = 32, pattern = Patterns.LONG_TEXT, examples = "张三") String name,
            @Schema(maxLength = 20000, pattern = Patterns.LONG_TEXT) String text,
            @Schema(type = SchemaType.ARRAY, implementation = CampaignLink.class, maxItems = 5) List<String> links,
            OffsetDateTime submittedAt,
            OffsetDateTime updatedAt) {
    }

    @Schema(name = "CampaignReports", description = "The reports submitted so far, in the order of the reporters")
    public record Reports(@Schema(maxItems = 50) List<Report> items) {
    }

    @Schema(name = "CampaignBallotCast", description = "A grade for a ratee. Voluntary: nobody is reminded to rate.")
    public record Cast(
            @Schema(required = true, type = SchemaType.STRING, implementation = CampaignGrade.class)
            @NotNull @Pattern(regexp = CampaignViews.GRADE) String grade,
            @Schema(description = "STAR_SELECTION with unit raters: the child unit this ballot is cast for (by its "
                    + "secretary or group leader); none: the caller's own", format = "uuid", pattern = Patterns.UUID,
                    nullable = true) UUID onBehalfOfUnitId) {
    }

    @Schema(name = "CampaignBallot", description = "One of the caller's own ballots")
    public record Ballot(
            StageKind stage,
            UUID rateeId,
            @Schema(type = SchemaType.STRING, implementation = CampaignGrade.class) String grade,
            @Schema(description = "The unit it was cast for; null: the caller's own", format = "uuid",
                    pattern = Patterns.UUID, nullable = true) UUID onBehalfOfUnitId,
            OffsetDateTime castAt) {
    }

    @Schema(name = "CampaignBallots", description = "The caller's own ballots of a campaign (and those of the units "
            + "they vote for)")
    public record Ballots(@Schema(maxItems = 20000) List<Ballot> items) {
    }

    @Schema(name = "CampaignGradeCount", description = "How many raters gave a grade")
    public record GradeCount(
            @Schema(type = SchemaType.STRING, implementation = CampaignGrade.class) String grade,
            @Schema(minimum = "0", maximum = "1000000") long count) {
    }

    @Schema(name = "CampaignAggregate", description = "A ratee's grades in a peer evaluation: never who gave them")
    public record Aggregate(
            StageKind stage,
            @Schema(description = "Distinct raters (people and units) of this ratee", minimum = "0",
                    maximum = "1000000") long raters,
            @Schema(description = "Whether raters reach zhibu.campaigns.min-raters; if not, counts is null")
            boolean enoughRaters,
            @Schema(description = "The count per grade, in the scale's order (zeros included); null with too few "
                    + "raters", maxItems = 10, nullable = true) List<GradeCount> counts) {
    }

    @Schema(name = "CampaignRateeResult", description = "One ratee's results")
    public record RateeResult(
            UUID personId,
            @Schema(maxLength = 32, pattern = Patterns.LONG_TEXT, examples = "张三") String name,
            @Schema(description = "The ratee's own self-evaluation: shown to the ratee and to those who manage the "
                    + "campaign, null for everyone else (and when none was given)", nullable = true,
                    type = SchemaType.STRING, implementation = CampaignGrade.class) String selfGrade,
            @Schema(description = "Empty while a ballot-taking stage is still open", maxItems = 1)
            List<Aggregate> aggregates) {
    }

    @Schema(name = "CampaignStageParticipation", description = "How many took part in a ballot-taking stage")
    public record Participation(
            StageKind stage,
            @Schema(description = "Distinct raters who cast at least one ballot", minimum = "0",
                    maximum = "1000000") long raters,
            @Schema(description = "Who may rate: SELF_EVALUATION the ratees; PEER_EVALUATION the unit's current "
                    + "party members (and child units, with unit raters)", minimum = "0", maximum = "1000000")
            long eligibleRaters,
            @Schema(description = "raters / eligibleRaters, 0 to 1, three decimals", minimum = "0", maximum = "1")
            BigDecimal rate) {
    }

    @Schema(name = "CampaignResults", description = "Aggregates per ratee and the participation of each stage. "
            + "No answer names a rater.")
    public record Results(
            UUID campaignId,
            CampaignState state,
            @Schema(description = "zhibu.campaigns.min-raters", minimum = "1", maximum = "100") int minRaters,
            @Schema(maxItems = 2) List<Participation> participation,
            @Schema(maxItems = 10000) List<RateeResult> ratees) {
    }
}
