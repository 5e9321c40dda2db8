package cn.zhibu.org;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of {@code /v1/org-units}. */
public final class OrgUnitRequests {


    private OrgUnitRequests() {
    }

    @Schema(name = "OrgUnitCreate", description = "A new org unit.")
    public record Create(
            @Schema(description = "What the unit is; it decides where it may stand", required = true,
                    examples = "PARTY_GROUP")
            @NotNull OrgUnitKind kind,
            @Schema(description = "Full name, unique among its siblings", minLength = 1, maxLength = 64,
                    pattern = Patterns.TEXT, required = true, examples = "第一党小组")
            @NotBlank @Size(max = 64) @Pattern(regexp = Patterns.TEXT) String name,
            @Schema(description = "Short name for small screens", minLength = 1, maxLength = 16, pattern = Patterns.TEXT,
                    required = true, examples = "一组")
            @NotBlank @Size(max = 16) @Pattern(regexp = Patterns.TEXT) String shortName,
            @Schema(description = "The parent unit; none for a top unit (a committee or a branch)",
                    examples = "0b6a1f7e-3c1d-4a8e-9f3b-2d7c5e8a9b10")
            UUID parentId,
            @Schema(description = "Position among its siblings (smaller first)", minimum = "0", maximum = "9999",
                    format = "int32", examples = "10")
            @Min(0) @Max(9999) Integer sortOrder) {
    }

    @Schema(name = "OrgUnitChange", description = "A unit's new names and position among its siblings.")
    public record Change(
            @Schema(description = "Full name, unique among its siblings", minLength = 1, maxLength = 64,
                    pattern = Patterns.TEXT, required = true, examples = "第一党小组")
            @NotBlank @Size(max = 64) @Pattern(regexp = Patterns.TEXT) String name,
            @Schema(description = "Short name for small screens", minLength = 1, maxLength = 16, pattern = Patterns.TEXT,
                    required = true, examples = "一组")
            @NotBlank @Size(max = 16) @Pattern(regexp = Patterns.TEXT) String shortName,
            @Schema(description = "Position among its siblings (smaller first)", minimum = "0", maximum = "9999",
                    format = "int32", required = true, examples = "10")
            @NotNull @Min(0) @Max(9999) Integer sortOrder) {
    }

    @Schema(name = "OrgUnitMove", description = "Where to move a unit (with everything under it).")
    public record Move(
            @Schema(description = "The new parent; none to make it a top unit",
                    examples = "0b6a1f7e-3c1d-4a8e-9f3b-2d7c5e8a9b10")
            UUID parentId) {
    }
}
