package cn.zhibu.platform.calendar;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CalendarDayRequest", description = "A holiday or an adjusted working day to set.")
public record CalendarDayRequest(
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
