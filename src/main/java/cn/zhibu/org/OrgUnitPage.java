package cn.zhibu.org;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrgUnitPage", description = "One page of org units.")
public record OrgUnitPage(
        @Schema(description = "The units of this page", maxItems = 100, required = true)
        List<OrgUnitView> items,
        @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true, required = true)
        String nextCursor) {
}
