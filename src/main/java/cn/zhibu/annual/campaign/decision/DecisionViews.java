package cn.zhibu.annual.campaign.decision;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of a campaign's nominations, candidates, decisions and objections. */
public final class DecisionViews {

    static final String NAME = "^[^\\x00-\\x1F\\x7F]{0,64}$";

    private DecisionViews() {
    }

    /** How a candidate came to stand. */
    public enum NominatedBy {
        SELF, UNIT
    }

    /** A rule a nominee must meet, as the settings name them. */
    public enum EligibilityRule {
        MINIMUM_BAND, NO_DISCIPLINE_IN_YEAR
    }

    @Schema(name = "NominationCreate", description = "A nomination for a star selection (组工之星). By oneself: "
            + "personId omitted (or one's own), selfEvaluation and deeds required. By a unit (the campaign's unit or one "
            + "below it, managed by the caller): nominatedByUnitId and the person.")
    public record NominationCreate(
            @Schema(description = "The nominee; omitted: oneself") UUID personId,
            @Schema(description = "The nominating unit; omitted: a self-nomination") UUID nominatedByUnitId,
            @Schema(description = "The nominee's self-evaluation (自我评价)", maxLength = 2000,
                    pattern = Patterns.LONG_TEXT, examples = "认真履职，积极参加组织生活。")
            @Size(max = 2000) @Pattern(regexp = Patterns.LONG_TEXT) String selfEvaluation,
            @Schema(description = "Deeds (主要事迹)", maxLength = 5000, pattern = Patterns.LONG_TEXT,
                    examples = "牵头完成年度干部档案专项审核。")
            @Size(max = 5000) @Pattern(regexp = Patterns.LONG_TEXT) String deeds) {
    }

    @Schema(name = "Nomination", description = "A candidate's nomination")
    public record Nomination(
            UUID id,
            UUID campaignId,
            UUID personId,
            @Schema(maxLength = 64, pattern = NAME, examples = "张三") String personName,
            NominatedBy nominatedBy,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID nominatedByUnitId,
            @Schema(maxLength = 64, pattern = NAME, nullable = true, examples = "第一党小组") String nominatedByUnitName,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT, nullable = true) String selfEvaluation,
            @Schema(maxLength = 5000, pattern = Patterns.LONG_TEXT, nullable = true) String deeds,
            Instant createdAt,
            @Schema(description = "Version; the ETag of the nomination") long version) {
    }

    @Schema(name = "CandidateAttendance", description = "Sessions of the year held (HELD) that expected the person, and "
            + "those they attended")
    public record Attendance(
            @Schema(minimum = "0", maximum = "100000") int present,
            @Schema(minimum = "0", maximum = "100000") int expected) {
    }

    @Schema(name = "CandidateStudyHours", description = "Study hours (学时) of the year and the yearly requirement")
    public record StudyHours(
            @Schema(minimum = "0", maximum = "100000") BigDecimal earned,
            @Schema(minimum = "0", maximum = "100000") BigDecimal required) {
    }

    @Schema(name = "CandidateYearRecord", description = "The candidate's record of the campaign's year, as one input "
            + "among others that the committee weighs: never a verdict, and nobody is ranked by it.")
    public record YearRecord(
            @Schema(minimum = "2000", maximum = "2100") int year,
            @Schema(description = "Points of the year (积分), from the ledger: one input among others",
                    minimum = "-1000000000", maximum = "1000000000") long points,
            @Schema(description = "The rating band (评定档次) those points earn under the campaign unit's bands, for "
                    + "reference only (参考); none below the last band", maxLength = 16, pattern = NAME,
                    nullable = true, examples = "优秀") String ratingBand,
            @Schema(description = "Micro lectures delivered in the year", minimum = "0", maximum = "100000")
            int lecturesDelivered,
            Attendance attendance,
            @Schema(description = "Study hours of the year; null where the service keeps none", nullable = true)
            StudyHours studyHours) {
    }

    @Schema(name = "CandidateEligibility", description = "Whether the candidate meets the eligibility rules the "
            + "service is set with (zhibu.star-selection.*), as of now")
    public record Eligibility(
            boolean eligible,
            @Schema(description = "The rules not met", maxItems = 2) List<EligibilityRule> failedRules) {
    }

    @Schema(name = "CandidateCard", description = "A candidate as the committee and members see them: how nominated, "
            + "their own words, and the year's record as one input among others")
    public record CandidateCard(
            UUID nominationId,
            UUID personId,
            @Schema(maxLength = 64, pattern = NAME, examples = "张三") String name,
            NominatedBy nominatedBy,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID nominatedByUnitId,
            @Schema(maxLength = 64, pattern = NAME, nullable = true, examples = "第一党小组") String nominatedByUnitName,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT, nullable = true) String selfEvaluation,
            @Schema(maxLength = 5000, pattern = Patterns.LONG_TEXT, nullable = true) String deeds,
            @Schema(description = "The year's record: one input among others, never a verdict") YearRecord record,
            @Schema(description = "Whether the eligibility rules hold: for those who manage the campaign only (null "
                    + "for everyone else)", nullable = true) Eligibility eligibility) {
    }

    @Schema(name = "CandidateList", description = "A campaign's candidates, in the order they were nominated (a "
            + "campaign has a few dozen at most)")
    public record Candidates(
            UUID campaignId,
            @Schema(maxItems = 1000) List<CandidateCard> items) {
    }

    @Schema(name = "DecisionChange", description = "The committee's decision for a ratee: a grade of the campaign's "
            + "scale (member appraisal) or SELECTED / NOT_SELECTED (star selection), with its reason")
    public record DecisionChange(
            @Schema(required = true, minLength = 1, maxLength = 16, pattern = Patterns.TEXT, examples = "SELECTED")
            @NotBlank @Size(max = 16) @Pattern(regexp = Patterns.TEXT) String outcome,
            @Schema(required = true, minLength = 1, maxLength = 1000, pattern = Patterns.LONG_TEXT,
                    examples = "年度考核优秀，群众评价好。")
            @NotBlank @Size(max = 1000) @Pattern(regexp = Patterns.LONG_TEXT) String reason) {
    }

    @Schema(name = "Decision", description = "A ratee's decided outcome and its reason (who decided is not shown)")
    public record Decision(
            UUID personId,
            @Schema(maxLength = 64, pattern = NAME, examples = "张三") String name,
            @Schema(maxLength = 16, pattern = NAME, examples = "SELECTED") String outcome,
            @Schema(maxLength = 1000, pattern = Patterns.LONG_TEXT) String reason,
            @Schema(description = "When first decided; stars are listed in this order") Instant decidedAt,
            Instant updatedAt,
            @Schema(description = "Version; the ETag of the decision") long version) {
    }

    @Schema(name = "DecisionQuota", description = "How often the best grade (or SELECTED) may be given, and how often "
            + "it is")
    public record Quota(
            @Schema(maxLength = 16, pattern = NAME, examples = "SELECTED") String outcome,
            @Schema(minimum = "0", maximum = "100000") int most,
            @Schema(minimum = "0", maximum = "100000") int given) {
    }

    @Schema(name = "DecisionList", description = "A campaign's decisions, in the order first made")
    public record Decisions(
            UUID campaignId,
            @Schema(description = "Shown to those who run the campaign; null to members", nullable = true) Quota quota,
            @Schema(type = SchemaType.ARRAY, implementation = Decision.class, maxItems = 10000) List<Decision> items) {
    }

    @Schema(name = "ObjectionCreate", description = "An objection to a candidate during publicity (公示)")
    public record ObjectionCreate(
            @Schema(required = true, description = "The candidate objected to") @NotNull UUID personId,
            @Schema(required = true, minLength = 1, maxLength = 2000, pattern = Patterns.LONG_TEXT,
                    examples = "该同志今年三次未参加主题党日。")
            @NotBlank @Size(max = 2000) @Pattern(regexp = Patterns.LONG_TEXT) String text) {
    }

    @Schema(name = "ObjectionAnswer", description = "The committee's answer to an objection")
    public record AnswerChange(
            @Schema(required = true, minLength = 1, maxLength = 2000, pattern = Patterns.LONG_TEXT,
                    examples = "经核实，该同志因公出差请假，已按规定履行手续。")
            @NotBlank @Size(max = 2000) @Pattern(regexp = Patterns.LONG_TEXT) String answer) {
    }

    @Schema(name = "Objection", description = "An objection and its answer. Who objected is shown only to those who "
            + "run the campaign (for follow-up), and never about an objection to themself")
    public record Objection(
            UUID id,
            UUID campaignId,
            UUID personId,
            @Schema(maxLength = 64, pattern = NAME, examples = "张三") String personName,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID objectorId,
            @Schema(maxLength = 64, pattern = NAME, nullable = true, examples = "李四") String objectorName,
            @Schema(description = "Whether the caller raised it") boolean own,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT) String text,
            @Schema(maxLength = 2000, pattern = Patterns.LONG_TEXT, nullable = true) String answer,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant answeredAt,
            Instant createdAt,
            @Schema(description = "Version; the ETag of the objection") long version) {
    }

    @Schema(name = "ObjectionList", description = "A campaign's objections, earliest first: all of them to those who "
            + "run it, one's own to a member")
    public record Objections(
            UUID campaignId,
            @Schema(maxItems = 10000) List<Objection> items) {
    }
}
