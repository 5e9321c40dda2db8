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
    public Meta get() {
        Instant now = calendar.now();
        IsoWeek week = calendar.weekOf(now);
        return new Meta("zhibu", version, calendar.zone().getId(), now.atZone(calendar.zone()).toOffsetDateTime(),
                calendar.dateOf(now), week.toString(), calendar.weekStart(week).atZone(calendar.zone())
                        .toOffsetDateTime(), calendar.weekEnd(week).atZone(calendar.zone()).toOffsetDateTime(),
                days.isWorkday(calendar.dateOf(now)));
    }
}
