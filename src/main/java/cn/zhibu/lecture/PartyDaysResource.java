package cn.zhibu.lecture;

import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.idempotency.Idempotent;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.problem.ProblemMessages;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Party days (主题党日) of a branch: planned one by one or as a series, changed, confirmed, held or cancelled. */
@Path("/v1/party-days")
@Tag(name = "party-days")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class PartyDaysResource {

    private final PartyDayService days;
    private final Access access;
    private final Pagination pagination;
    private final BusinessCalendar calendar;
    private final HttpHeaders headers;

    PartyDaysResource(PartyDayService days, Access access, Pagination pagination, BusinessCalendar calendar,
            HttpHeaders headers) {
        this.days = days;
        this.access = access;
        this.pagination = pagination;
        this.calendar = calendar;
        this.headers = headers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent(required = false)
    @Operation(operationId = "createPartyDay", summary = "Plan a party day",
            description = "A session of a branch, PLANNED, with its lecture slots empty until the rotation (or a "
                    + "secretary) fills them.")
    @APIResponse(responseCode = "201", description = "The planned session",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PartyDayViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response create(@Parameter(ref = "IdempotencyKeyOptional") @HeaderParam("Idempotency-Key") String key,
            @NotNull @Valid PartyDayViews.Create request) {
        access.requireNamed(Action.PARTY_DAY_MANAGE, request.branchId(),
                () -> new ProblemException(LectureProblem.PARTY_DAY_BRANCH_NOT_FOUND, request.branchId().toString()));
        PartyDayViews.View day = days.create(request, locale());
        return Response.created(URI.create("/v1/party-days/" + day.id())).tag(EntityTags.of(day.version()))
                .entity(day).build();
    }

    @POST
    @Path("series")
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent(required = false)
    @Operation(operationId = "createPartyDaySeries", summary = "Plan a year's party days at a rule",
            description = "Adds the sessions of a schedule, skipping dates already past and days that have a "
                    + "session of that kind.")
    @APIResponseSchema(value = PartyDayViews.SeriesResult.class, responseCode = "200",
            responseDescription = "What was created and what was skipped")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public PartyDayViews.SeriesResult series(
            @Parameter(ref = "IdempotencyKeyOptional") @HeaderParam("Idempotency-Key") String key,
            @NotNull @Valid PartyDayViews.Series request) {
        access.requireNamed(Action.PARTY_DAY_MANAGE, request.branchId(),
                () -> new ProblemException(LectureProblem.PARTY_DAY_BRANCH_NOT_FOUND, request.branchId().toString()));
        return days.series(request, locale());
    }

    @GET
    @Operation(operationId = "listPartyDays", summary = "A branch's party days, earliest first",
            description = "Without branchId: the caller's own branch. From `from` (default: 1 January of this "
                    + "year) to `to` (inclusive).")
    @APIResponseSchema(value = PartyDayViews.Page.class, responseCode = "200",
            responseDescription = "One page of sessions")
    public PartyDayViews.Page list(
            @Parameter(description = "The branch (default: the caller's)", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("branchId") String branchId,
            @Parameter(ref = "From") @QueryParam("from") String from,
            @Parameter(ref = "To") @QueryParam("to") String to,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        UUID branch = QueryParams.uuid("branchId", branchId).or(access::branchId)
                .orElseThrow(() -> new ProblemException(ProblemCode.INVALID_PARAMETER, "branchId",
                        "00000000-0000-0000-0000-000000000000"));
        access.require(Action.PARTY_DAY_READ, branch);
        LocalDate start = QueryParams.date("from", from).orElse(LocalDate.of(calendar.today().getYear(), 1, 1));
        LocalDate end = QueryParams.date("to", to).orElse(null);
        Page<PartyDayViews.View> page = days.list(branch, start, end,
                pagination.request(limit, cursor, "party-days?branch=" + branch + "&from=" + start + "&to=" + end),
                locale());
        return new PartyDayViews.Page(page.items(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPartyDay", summary = "Read a party day with its lectures",
            description = "For those who may see its branch's party days. Sends an ETag; with If-None-Match naming "
                    + "it, answers 304.")
    @APIResponseSchema(value = PartyDayViews.View.class, responseCode = "200", responseDescription = "The session")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response get(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        readable(id);
        PartyDayViews.View view = days.view(id, locale());
        return EntityTags.read(view, view.version(), ifNoneMatch).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changePartyDay", summary = "Change a party day",
            description = "Its time, theme, place, agenda, slots and host (all of them), while PLANNED or "
                    + "CONFIRMED (409 PARTY_DAY_CLOSED otherwise).")
    @APIResponseSchema(value = PartyDayViews.View.class, responseCode = "200",
            responseDescription = "The changed session")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response change(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PartyDayViews.Change request) {
        managed(id);
        PartyDayViews.View day = days.change(id, IfMatch.parse(ifMatch), request, locale());
        return EntityTags.changed(day, day.version());
    }

    @POST
    @Path("{id}/confirm")
    @Operation(operationId = "confirmPartyDay", summary = "Confirm a planned party day",
            description = "From then on the rotation no longer changes its host or speakers (swaps and "
                    + "reassignments still may). Secretaries and org admins of the branch.")
    @APIResponseSchema(value = PartyDayViews.View.class, responseCode = "200",
            responseDescription = "The confirmed session")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response confirm(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return move(id, ifMatch, PartyDayState.CONFIRMED);
    }

    @POST
    @Path("{id}/held")
    @Operation(operationId = "holdPartyDay", summary = "Record that a party day was held",
            description = "Once it has started (409 PARTY_DAY_NOT_STARTED before). Open swap requests lapse.")
    @APIResponseSchema(value = PartyDayViews.View.class, responseCode = "200", responseDescription = "The held session")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response hold(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return move(id, ifMatch, PartyDayState.HELD);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(operationId = "cancelPartyDay", summary = "Cancel a party day",
            description = "Its speakers go back to the rotation at the next re-planning; open swap requests "
                    + "lapse. Secretaries and org admins of the branch.")
    @APIResponseSchema(value = PartyDayViews.View.class, responseCode = "200",
            responseDescription = "The cancelled session")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response cancel(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return move(id, ifMatch, PartyDayState.CANCELLED);
    }

    private Response move(UUID id, String ifMatch, PartyDayState to) {
        managed(id);
        PartyDayViews.View day = days.move(id, IfMatch.parse(ifMatch), to, locale());
        return EntityTags.changed(day, day.version());
    }

    /** The session's branch, if the caller may see its party days; otherwise not found. */
    private UUID readable(UUID id) {
        UUID branch = days.branchOf(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        if (!access.allows(Action.PARTY_DAY_READ, branch)) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return branch;
    }

    private void managed(UUID id) {
        access.require(Action.PARTY_DAY_MANAGE, readable(id));
    }

    private Locale locale() {
        return ProblemMessages.of(headers);
    }
}
