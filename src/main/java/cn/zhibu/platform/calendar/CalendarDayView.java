package cn.zhibu.platform.calendar;

import cn.zhibu.platform.openapi.Patterns;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CalendarDay", description = "A holiday or an adjusted working day.")
public record CalendarDayView(
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

    static CalendarDayView of(CalendarDay day) {
        return new CalendarDayView(day.id, day.day, day.kind, day.name, day.version,
                day.updatedAt.atOffset(ZoneOffset.UTC));
    }
}
