package cn.zhibu.annual.honour;

import cn.zhibu.platform.openapi.Patterns;
import cn.zhibu.platform.paging.Pagination;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of honours. */
public final class HonourViews {

    /** An https address, ASCII. */
    static final String HTTPS = "^https://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?([/?#][\\x21-\\x7E]*)?$";

    private HonourViews() {
    }

    @Schema(name = "HonourCreate", description = "A title won by a unit or by a person: exactly one of unitId and "
            + "personId")
    public record Create(
            @Schema(description = "The unit that won it", format = "uuid", pattern = Patterns.UUID,
                    nullable = true) UUID unitId,
            @Schema(description = "The person who won it", format = "uuid", pattern = Patterns.UUID,
                    nullable = true) UUID personId,
            @Schema(minLength = 1, maxLength = 100, pattern = Patterns.TEXT, required = true,
                    examples = "全区先进基层党组织") @NotBlank @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String title,
            @Schema(required = true, examples = "DISTRICT") @NotNull HonourLevel level,
            @Schema(description = "The year it was won for, up to this year", minimum = "2000", maximum = "2100",
                    required = true, examples = "2025") @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(minLength = 1, maxLength = 100, pattern = Patterns.TEXT, required = true,
                    examples = "中共示范区委") @NotBlank @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String awardedBy,
            @Schema(description = "A link to the evidence (https)", minLength = 12, maxLength = 2048, pattern = HTTPS,
                    nullable = true, examples = "https://www.example.gov.cn/tzgg/2025/honours.html")
            @Size(max = 2048) @Pattern(regexp = HTTPS) String evidenceUrl,
            @Schema(maxLength = 1000, pattern = Patterns.LONG_TEXT, nullable = true, examples = "区委表彰决定")
            @Size(max = 1000) @Pattern(regexp = Patterns.LONG_TEXT) String note) {
    }

    @Schema(name = "HonourChange", description = "An honour's new details (all of them); its holder stays")
    public record Change(
            @Schema(minLength = 1, maxLength = 100, pattern = Patterns.TEXT, required = true,
                    examples = "全区先进基层党组织") @NotBlank @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String title,
            @Schema(required = true, examples = "DISTRICT") @NotNull HonourLevel level,
            @Schema(minimum = "2000", maximum = "2100", required = true, examples = "2025") @NotNull @Min(2000)
            @Max(2100) Integer year,
            @Schema(minLength = 1, maxLength = 100, pattern = Patterns.TEXT, required = true,
                    examples = "中共示范区委") @NotBlank @Size(max = 100) @Pattern(regexp = Patterns.TEXT) String awardedBy,
            @Schema(minLength = 12, maxLength = 2048, pattern = HTTPS, nullable = true) @Size(max = 2048)
            @Pattern(regexp = HTTPS) String evidenceUrl,
            @Schema(maxLength = 1000, pattern = Patterns.LONG_TEXT, nullable = true) @Size(max = 1000)
            @Pattern(regexp = Patterns.LONG_TEXT) String note) {
    }

    @Schema(name = "Honour", description = "A title won (荣誉) by a unit or a person")
    public record View(
            UUID id,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID unitId,
            @Schema(format = "uuid", pattern = Patterns.UUID, nullable = true) UUID personId,
            @Schema(description = "The unit's or the person's name", maxLength = 64, pattern = Patterns.LONG_TEXT,
                    examples = "示范区委组织部机关党支部") String holderName,
            @Schema(maxLength = 100, pattern = Patterns.LONG_TEXT) String title,
            HonourLevel level,
            @Schema(description = "The level's Chinese label", maxLength = 4, pattern = Patterns.LONG_TEXT,
                    examples = "区") String levelLabel,
            @Schema(minimum = "2000", maximum = "2100") int year,
            @Schema(maxLength = 100, pattern = Patterns.LONG_TEXT) String awardedBy,
            @Schema(maxLength = 2048, pattern = HTTPS, nullable = true) String evidenceUrl,
            @Schema(maxLength = 1000, pattern = Patterns.LONG_TEXT, nullable = true) String note,
            @Schema(description = "The star selection (组工之星) that entered it", format = "uuid",
                    pattern = Patterns.UUID, nullable = true) UUID campaignId,
            @Schema(description = "Version; the ETag") long version,
            Instant createdAt,
            Instant updatedAt) {
    }

    @Schema(name = "HonourPage", description = "One page of honours, latest year first")
    public record Page(
            @Schema(maxItems = 100, required = true) List<View> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true) String nextCursor) {
    }
}
