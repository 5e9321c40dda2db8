package cn.zhibu.platform.calendar;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CalendarDayPage", description = "One page of calendar days.")
public record CalendarDayPage(
        @Schema(description = "The days of this page", maxItems = 100, required = true)
        List<CalendarDayView> items,
        @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true, required = true)
        String nextCursor) {
}
