package cn.zhibu.org;

import cn.zhibu.platform.openapi.Patterns;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrgUnit", description = "A unit of the organisation tree.")
public record OrgUnitView(
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

    static OrgUnitView of(OrgUnit unit) {
        List<UUID> ancestors = Arrays.stream(unit.path.split("/"))
                .filter(part -> !part.isEmpty())
                .map(UUID::fromString)
                .filter(id -> !id.equals(unit.id))
                .toList();
        return new OrgUnitView(unit.id, unit.kind, unit.name, unit.shortName, unit.parentId, ancestors,
                unit.sortOrder, unit.archived(), unit.version, unit.updatedAt.atOffset(ZoneOffset.UTC));
    }
}
