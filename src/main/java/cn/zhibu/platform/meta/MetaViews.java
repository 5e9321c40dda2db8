package cn.zhibu.platform.meta;

import cn.zhibu.platform.time.IsoWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The response body of {@code /v1/meta}. */
public final class MetaViews {

    private MetaViews() {
    }

    @Schema(name = "Meta", description = "The service's version and the current business time.")
    public record Meta(
            @Schema(description = "Service name", maxLength = 32, pattern = "^[a-z]+$", examples = "zhibu")
            String name,
            @Schema(description = "Service version", maxLength = 64, pattern = "^[0-9A-Za-z.+-]+$",
                    examples = "0.1.0-SNAPSHOT")
            String version,
            @Schema(description = "Business time zone (IANA id)", maxLength = 64, pattern = "^[A-Za-z0-9_+/-]+$",
                    examples = "Asia/Shanghai")
            String timeZone,
            @Schema(description = "Now, by the server's clock, in the business zone",
                    examples = "2026-11-28T15:04:05+08:00")
            OffsetDateTime now,
            @Schema(description = "Today's business date", format = "date", examples = "2026-11-28")
            LocalDate businessDate,
            @Schema(description = "The current ISO week", maxLength = 8, pattern = IsoWeek.PATTERN,
                    examples = "2026-W48")
            String isoWeek,
            @Schema(description = "Start of the current week (Monday 00:00)",
                    examples = "2026-11-23T00:00:00+08:00")
            OffsetDateTime weekStart,
            @Schema(description = "End of the current week (next Monday 00:00, exclusive)",
                    examples = "2026-11-30T00:00:00+08:00")
            OffsetDateTime weekEnd,
            @Schema(description = "Whether today is a working day: Monday to Friday unless set otherwise in calendar-days",
                    examples = "true")
            boolean workday) {
    }
}
