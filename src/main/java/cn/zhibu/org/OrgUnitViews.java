package cn.zhibu.org;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response bodies of {@code /v1/org-units}. */
public final class OrgUnitViews {


    private OrgUnitViews() {
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

    @Schema(name = "OrgUnit", description = "A unit of the organisation tree.")
    public record View(
            @Schema(description = "Id", examples = "0b6a1f7e-3c1d-4a8e-9f3b-2d7c5e8a9b10")
            UUID id,
            @Schema(description = "What the unit is", examples = "BRANCH")
            OrgUnitKind kind,
            @Schema(description = "Full name", maxLength = 64, pattern = Patterns.TEXT, examples = "机关党支部")
            String name,
            @Schema(description = "Short name", maxLength = 16, pattern = Patterns.TEXT, examples = "机关支部")
            String shortName,
            @Schema(description = "The parent unit; null for a top unit", format = "uuid", nullable = true,
                    pattern = Patterns.UUID)
            UUID parentId,
            @Schema(description = "The units above it, from the top down", maxItems = 32)
            List<UUID> ancestorIds,
            @Schema(description = "Position among its siblings", minimum = "0", maximum = "9999", format = "int32",
                    examples = "10")
            int sortOrder,
            @Schema(description = "Whether it is archived (kept for history, closed for new things)", examples = "false")
            boolean archived,
            @Schema(description = "Version; the ETag of the resource",
                    examples = "0")
            long version,
            @Schema(description = "Last change", examples = "2026-09-01T08:00:00Z")
            OffsetDateTime updatedAt) {

        static OrgUnitViews.View of(OrgUnit unit) {
            List<UUID> ancestors = Arrays.stream(unit.path.split("/"))
                    .filter(part -> !part.isEmpty())
                    .map(UUID::fromString)
                    .filter(id -> !id.equals(unit.id))
                    .toList();
            return new OrgUnitViews.View(unit.id, unit.kind, unit.name, unit.shortName, unit.parentId, ancestors,
                    unit.sortOrder, unit.archived(), unit.version, unit.updatedAt.atOffset(ZoneOffset.UTC));
        }
    }

    @Schema(name = "OrgUnitPage", description = "One page of org units.")
    public record Page(
            @Schema(description = "The units of this page", maxItems = 100, required = true)
            List<OrgUnitViews.View> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true, required = true)
            String nextCursor) {
    }
}
