package cn.zhibu.platform.calendar;

import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.idempotency.Idempotent;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The branch's holidays and adjusted working days (节假日与调休). */
@Path("/v1/calendar-days")
@Tag(name = "platform")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearerJwt")
public class CalendarDaysResource {

    private static final String BASE = "/v1/calendar-days/";

    private final CalendarDayService days;
    private final Pagination pagination;
    private final Access access;

    CalendarDaysResource(CalendarDayService days, Pagination pagination, Access access) {
        this.days = days;
        this.pagination = pagination;
        this.access = access;
    }

    @GET
    @Authenticated
    @Operation(operationId = "listCalendarDays", summary = "List holidays and adjusted working days",
            description = "Days in date order, optionally between two dates (inclusive), a page at a time.")
    @APIResponse(responseCode = "200", description = "One page of days",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CalendarDayViews.Page.class),
                    examples = @ExampleObject(name = "page", value = Examples.PAGE)))
    public CalendarDayViews.Page list(
            @Parameter(ref = "From") @QueryParam("from") String from,
            @Parameter(ref = "To") @QueryParam("to") String to,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        Optional<LocalDate> lower = QueryParams.date("from", from);
        Optional<LocalDate> upper = QueryParams.date("to", to);
        String query = "calendar-days?from=" + lower.map(LocalDate::toString).orElse("")
                + "&to=" + upper.map(LocalDate::toString).orElse("");
        Page<CalendarDayViews.View> page = days.list(lower, upper, pagination.request(limit, cursor, query));
        return new CalendarDayViews.Page(page.items(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(operationId = "getCalendarDay", summary = "Read one holiday or adjusted working day",
            description = "Sends an ETag; with If-None-Match naming it, answers 304 Not Modified.")
    @APIResponse(responseCode = "200", description = "The day",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CalendarDayViews.View.class),
                    examples = @ExampleObject(name = "day", value = Examples.DAY)))
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response get(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        CalendarDayViews.View day = days.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        return EntityTags.read(day, day.version(), ifNoneMatch).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Idempotent
    @Operation(operationId = "createCalendarDay", summary = "Set a holiday or an adjusted working day",
            description = "Requires an Idempotency-Key: a retry with the same key and body gets the first answer.")
    @APIResponse(responseCode = "201", description = "The day was set (or, on a replay, had been set)",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CalendarDayViews.View.class),
                    examples = @ExampleObject(name = "day", value = Examples.DAY)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response create(@Parameter(ref = "IdempotencyKey") @HeaderParam("Idempotency-Key") String key,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CalendarDayViews.Request.class),
                    examples = @ExampleObject(name = "holiday", value = Examples.REQUEST)))
            @NotNull @Valid CalendarDayViews.Request request) {
        access.requireEverywhere(Action.ORG_WRITE);
        CalendarDayViews.View day = days.create(request);
        return Response.created(URI.create(BASE + day.id())).tag(EntityTags.of(day.version())).entity(day).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(operationId = "updateCalendarDay", summary = "Change a holiday or an adjusted working day",
            description = "Requires If-Match with the ETag last read: 428 without it, 412 when someone changed it since.")
    @APIResponse(responseCode = "200", description = "The changed day",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CalendarDayViews.View.class),
                    examples = @ExampleObject(name = "day", value = Examples.DAY)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response update(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CalendarDayViews.Request.class),
                    examples = @ExampleObject(name = "holiday", value = Examples.REQUEST)))
            @NotNull @Valid CalendarDayViews.Request request) {
        access.requireEverywhere(Action.ORG_WRITE);
        CalendarDayViews.View day = days.update(id, IfMatch.parse(ifMatch), request);
        return EntityTags.changed(day, day.version());
    }

    @DELETE
    @Path("{id}")
    @Authenticated
    @Operation(operationId = "deleteCalendarDay", summary = "Remove a holiday or an adjusted working day",
            description = "Requires If-Match with the ETag last read.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void delete(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        access.requireEverywhere(Action.ORG_WRITE);
        days.delete(id, IfMatch.parse(ifMatch));
    }

    /** Examples for the contract. */
    static final class Examples {
        static final String REQUEST = """
                {"date": "2026-10-01", "kind": "HOLIDAY", "name": "国庆节"}""";
        static final String DAY = """
                {"id": "0b6a1f7e-3c1d-4a8e-9f3b-2d7c5e8a9b10", "date": "2026-10-01", "kind": "HOLIDAY",
                 "name": "国庆节", "version": 0, "updatedAt": "2026-09-01T08:00:00Z"}""";
        static final String PAGE = """
                {"items": [{"id": "0b6a1f7e-3c1d-4a8e-9f3b-2d7c5e8a9b10", "date": "2026-10-01", "kind": "HOLIDAY",
                 "name": "国庆节", "version": 0, "updatedAt": "2026-09-01T08:00:00Z"}],
                 "nextCursor": "WyIyMDI2LTEwLTAxIl0.3q2-7wAbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-"}""";

        private Examples() {
        }
    }
}
