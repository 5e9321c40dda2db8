package cn.zhibu.platform.meta;

import cn.zhibu.platform.calendar.CalendarDayService;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.platform.time.IsoWeek;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The service's own description: version and business time. */
@Path("/v1/meta")
@Tag(name = "platform")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class MetaResource {

    private final BusinessCalendar calendar;
    private final CalendarDayService days;
    private final String version;

    MetaResource(BusinessCalendar calendar, CalendarDayService days,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.calendar = calendar;
        this.days = days;
        this.version = version;
    }

    @GET
    @Operation(operationId = "getMeta", summary = "Service version and the current business date and week",
            description = "Tells clients which version answers, the business time zone, and which business "
                    + "date and ISO week it is now by the server's clock (a week runs Monday 00:00 to Sunday 24:00).")
    @APIResponse(responseCode = "200", description = "The service and the business time now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetaViews.Meta.class),
                    examples = @ExampleObject(name = "meta", value = """
                            {"name": "zhibu", "version": "0.1.0", "timeZone": "Asia/Shanghai",
                             "now": "2026-11-28T15:04:05+08:00", "businessDate": "2026-11-28", "isoWeek": "2026-W48",
                             "weekStart": "2026-11-23T00:00:00+08:00", "weekEnd": "2026-11-30T00:00:00+08:00",
                             "workday": false}""")))
    public MetaViews.Meta get() {
        Instant now = calendar.now();
        IsoWeek week = calendar.weekOf(now);
        return new MetaViews.Meta("zhibu", version, calendar.zone().getId(), now.atZone(calendar.zone()).toOffsetDateTime(),
                calendar.dateOf(now), week.toString(), calendar.weekStart(week).atZone(calendar.zone())
                        .toOffsetDateTime(), calendar.weekEnd(week).atZone(calendar.zone()).toOffsetDateTime(),
                days.isWorkday(calendar.dateOf(now)));
    }
}
