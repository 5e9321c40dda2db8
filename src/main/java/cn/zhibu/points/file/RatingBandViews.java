package cn.zhibu.points.file;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of {@code /v1/rating-bands}. */
public final class RatingBandViews {

    static final int MAX_BANDS = 10;

    private RatingBandViews() {
    }

    @Schema(name = "RatingBand", description = "A band: the name a year's total earns when it reaches minPoints. "
            + "Bands come from app points alone: a reference (参考), one input a committee weighs, never a verdict.")
    public record Band(
            @Schema(minLength = 1, maxLength = 16, pattern = Patterns.TEXT, required = true, examples = "优秀")
            @NotBlank @Size(max = 16) @Pattern(regexp = Patterns.TEXT) String name,
            @Schema(description = "The least total of the year that earns it", minimum = "0", maximum = "100000",
                    required = true, examples = "80") @NotNull @Min(0) @Max(100000) Integer minPoints) {
    }

    @Schema(name = "RatingBandsChange", description = "A unit's own bands, highest first: names unique, minimums "
            + "strictly descending. A total below the last minimum earns no band.")
    public record Change(
            @Schema(minItems = 1, maxItems = MAX_BANDS, required = true)
            @NotNull @Size(min = 1, max = MAX_BANDS) List<@NotNull @Valid Band> bands) {
    }

    /** Where a unit's bands come from. */
    public enum Source {
        /** The unit's own. */
        OWN,
        /** The nearest unit above that has its own. */
        INHERITED,
        /** No unit up the tree has any: 优秀 80, 良好 60, 合格 0. */
        DEFAULT
    }

    @Schema(name = "RatingBands", description = "The bands that hold in a unit, and where they come from.")
    public record Effective(
            UUID unitId,
            Source source,
            @Schema(description = "The unit whose bands these are; null for the defaults", format = "uuid",
                    nullable = true, pattern = Patterns.UUID) UUID sourceUnitId,
            @Schema(maxItems = MAX_BANDS) List<Band> bands,
            @Schema(description = "The entity tag of the unit's own bands, as in ETag (send it in If-Match): an "
                    + "opaque number that changes with every change, never taken up again by bands removed and set "
                    + "anew; null when the unit has none",
                    nullable = true) Long version) {
    }
}
