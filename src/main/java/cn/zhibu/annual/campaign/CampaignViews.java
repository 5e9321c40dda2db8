package cn.zhibu.annual.campaign;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of {@code /v1/campaigns}. */
public final class CampaignViews {

    static final String GRADE = "^[^\\x00-\\x1F\\x7F]{1,16}$";

    private CampaignViews() {
    }

    @Schema(name = "CampaignStageTimes", description = "One stage of a timetable, open from opensAt (inclusive) to "
            + "closesAt (exclusive). Times are offset date-times; the service shows them in Asia/Shanghai "
            + "(the business calendar's zone).")
    public record StageTimes(
            @Schema(required = true, examples = "PEER_EVALUATION") @NotNull StageKind kind,
            @Schema(required = true, examples = "2027-01-10T09:00:00+08:00") @NotNull Instant opensAt,
            @Schema(required = true, examples = "2027-01-17T18:00:00+08:00") @NotNull Instant closesAt) {
    }

    @Schema(name = "CampaignCreate", description = "A new campaign (评选) of a branch, OPEN from the "
            + "start, with its timetable: exactly its type's stages, in order.")
    public record Create(
            @Schema(description = "The branch running it", required = true) @NotNull UUID unitId,
            @Schema(required = true, minimum = "2000", maximum = "2100", examples = "2026")
            @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(required = true, examples = "REPORT_REVIEW") @NotNull CampaignType type,
            @Schema(minLength = 1, maxLength = 64, pattern = Patterns.TEXT, required = true,
                    examples = "2026年度支部委员述职评议") @NotBlank @Size(max = 64) @Pattern(regexp = Patterns.TEXT)
            String title,
            @Schema(description = "The grades raters choose from, best first, distinct", required = true,
                    type = SchemaType.ARRAY, implementation = CampaignGrade.class, minItems = 2, maxItems = 10)
            @NotNull @Size(min = 2, max = 10) List<@NotNull @Pattern(regexp = GRADE) String> scale,
            @Schema(description = "The timetable: the type's stages in order (REPORT_REVIEW: REPORTING, "
                    + "PEER_EVALUATION; MEMBER_APPRAISAL: SELF_EVALUATION, PEER_EVALUATION, DECISION; "
                    + "STAR_SELECTION: NOMINATION, PEER_EVALUATION, DECISION, PUBLICITY)", required = true,
                    minItems = 2, maxItems = 4) @NotNull @Size(min = 2, max = 4) List<@NotNull @Valid StageTimes> stages,
            @Schema(description = "MEMBER_APPRAISAL, STAR_SELECTION: at most this many given the best grade",
                    minimum = "0", maximum = "1000", nullable = true) @Min(0) @Max(1000) Integer quotaCount,
            @Schema(description = "MEMBER_APPRAISAL, STAR_SELECTION: at most this share of the ratees given the best "
                    + "grade (not with quotaCount)", minimum = "0.001", maximum = "1", nullable = true,
                    examples = "0.3") @DecimalMin("0.001") @DecimalMax("1") BigDecimal quotaShare,
            @Schema(description = "STAR_SELECTION (required there): the working days the publicity (公示) lasts; "
                    + "the PUBLICITY stage spans at least that many", minimum = "1", maximum = "30", nullable = true,
                    examples = "5") @Min(1) @Max(30) Integer publicityWorkingDays,
            @Schema(description = "STAR_SELECTION: whether the unit's child units rate candidates beside members; "
                    + "default false", nullable = true) Boolean unitRaters,
            @Schema(description = "REPORT_REVIEW: the reporters, current members of the unit; none: the branch "
                    + "committee and the party group leaders", maxItems = 50, uniqueItems = true, nullable = true)
            @Size(min = 1, max = 50) List<@NotNull UUID> reporters) {
    }

    @Schema(name = "CampaignChange", description = "A campaign's new title and timetable (all of it). A stage that "
            + "has closed never changes; an open one keeps its opening and does not close in the past.")
    public record Change(
            @Schema(minLength = 1, maxLength = 64, pattern = Patterns.TEXT, required = true,
                    examples = "2026年度支部委员述职评议") @NotBlank @Size(max = 64) @Pattern(regexp = Patterns.TEXT)
            String title,
            @Schema(required = true, minItems = 2, maxItems = 4) @NotNull @Size(min = 2, max = 4)
            List<@NotNull @Valid StageTimes> stages) {
    }

    /** Where a stage stands now. */
    public enum StageState {
        NOT_YET_OPEN, OPEN, CLOSED
    }

    @Schema(name = "CampaignStage", description = "A stage of the timetable and where it stands now")
    public record Stage(
            StageKind kind,
            @Schema(description = "In Asia/Shanghai") OffsetDateTime opensAt,
            @Schema(description = "In Asia/Shanghai") OffsetDateTime closesAt,
            @Schema(description = "From the clock (a closed or cancelled campaign's stages are all CLOSED)")
            StageState state) {
    }

    @Schema(name = "CampaignRatee", description = "Someone the campaign rates")
    public record Ratee(
            UUID personId,
            @Schema(maxLength = 32, pattern = Patterns.LONG_TEXT, examples = "张三") String name) {
    }

    @Schema(name = "Campaign", description = "A campaign, its rules, timetable and ratees")
    public record View(
            UUID id,
            UUID unitId,
            @Schema(minimum = "2000", maximum = "2100") int year,
            CampaignType type,
            @Schema(maxLength = 64, pattern = Patterns.LONG_TEXT) String title,
            @Schema(type = SchemaType.ARRAY, implementation = CampaignGrade.class, maxItems = 10) List<String> scale,
            @Schema(maxItems = 4) List<Stage> stages,
            @Schema(minimum = "0", maximum = "1000", nullable = true) Integer quotaCount,
            @Schema(minimum = "0", maximum = "1", nullable = true) BigDecimal quotaShare,
            @Schema(minimum = "1", maximum = "30", nullable = true) Integer publicityWorkingDays,
            boolean unitRaters,
            CampaignState state,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) OffsetDateTime closedAt,
            @Schema(description = "In the order they were added", type = SchemaType.ARRAY, implementation = Ratee.class,
                    maxItems = 10000) List<Ratee> ratees,
            @Schema(description = "The version, as in the ETag", minimum = "0") long version) {
    }

    @Schema(name = "CampaignSummary", description = "A campaign in a list")
    public record Summary(
            UUID id,
            UUID unitId,
            @Schema(minimum = "2000", maximum = "2100") int year,
            CampaignType type,
            @Schema(maxLength = 64, pattern = Patterns.LONG_TEXT) String title,
            CampaignState state,
            @Schema(maxItems = 4) List<Stage> stages,
            @Schema(minimum = "0") long version) {
    }

    @Schema(name = "CampaignPage", description = "One page of campaigns, latest year first")
    public record Page(
            @Schema(maxItems = 100, required = true) List<Summary> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true, required = true)
            String nextCursor) {
    }
}
