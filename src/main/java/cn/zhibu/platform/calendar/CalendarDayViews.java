package cn.zhibu.platform.calendar;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response bodies of {@code /v1/calendar-days}. */
public final class CalendarDayViews {

    private CalendarDayViews() {
    }

    @Schema(name = "CalendarDayRequest", description = "A holiday or an adjusted working day to set.")
    public record Request(
            @Schema(description = "The date", format = "date", required = true, examples = "2026-10-01")
            @NotNull
            LocalDate date,
            @Schema(description = "HOLIDAY: no work on a weekday; WORKDAY: work on a weekend day", required = true,
                    examples = "HOLIDAY")
            @NotNull
            CalendarDayKind kind,
            @Schema(description = "What the day is", minLength = 1, maxLength = 64, pattern = Patterns.TEXT,
                    required = true, examples = "国庆节")
            @NotBlank
            @Size(max = 64)
            @jakarta.validation.constraints.Pattern(regexp = Patterns.TEXT)
            String name) {
    }

    @Schema(name = "CalendarDay", description = "A holiday or an adjusted working day.")
    public record View(
            @Schema(description = "Id", examples = "0b6a1f7e-3c1d-4a8e-9f3b-2d7c5e8a9b10")
            UUID id,
            @Schema(description = "The date", format = "date", examples = "2026-10-01")
            LocalDate date,
            @Schema(description = "HOLIDAY or WORKDAY", examples = "HOLIDAY")
            CalendarDayKind kind,
            @Schema(description = "What the day is", maxLength = 64, pattern = Patterns.TEXT, examples = "国庆节")
            String name,
            @Schema(description = "Version; the ETag of the resource",
                    examples = "0")
            long version,
            @Schema(description = "Last change", examples = "2026-09-01T08:00:00Z")
            OffsetDateTime updatedAt) {

        static CalendarDayViews.View of(CalendarDay day) {
            return new CalendarDayViews.View(day.id, day.day, day.kind, day.name, day.version,
                    day.updatedAt.atOffset(ZoneOffset.UTC));
        }
    }

    @Schema(name = "CalendarDayPage", description = "One page of calendar days.")
    public record Page(
            @Schema(description = "The days of this page", maxItems = 100, required = true)
            List<CalendarDayViews.View> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true, required = true)
            String nextCursor) {
    }
}
