package cn.zhibu.leaderboard;

import cn.zhibu.platform.idempotency.Idempotent;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.platform.time.IsoWeek;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Published weeks (已发布的周榜): a unit's week frozen once, read, listed, and published again as a new edition. */
@Path("/v1/leaderboards")
@Tag(name = "leaderboards")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class PublishedWeeksResource {

    private final PublishedWeeks weeks;
    private final Access access;
    private final Pagination pagination;
    private final BusinessCalendar calendar;
    private final ObjectMapper json;
    private final JsonWebToken token;
    private final BoardVisibility visibility;

    PublishedWeeksResource(PublishedWeeks weeks, Access access, Pagination pagination, BusinessCalendar calendar,
            ObjectMapper json, JsonWebToken token, BoardVisibility visibility) {
        this.weeks = weeks;
        this.visibility = visibility;
        this.access = access;
        this.pagination = pagination;
        this.calendar = calendar;
        this.json = json;
        this.token = token;
    }

    @POST
    @Path("{id}/weeks/{week}/publish")
    @Idempotent(required = false)
    @Operation(operationId = "publishWeek", summary = "Publish a unit's week (once)",
            description = "Freezes the unit's people board and units board (ranked by points per member) of a "
                    + "past week or of this week into a snapshot that never changes afterwards.")
    @APIResponse(responseCode = "201", description = "Published now",
            headers = {@Header(name = "Location", ref = "Location"),
                    @Header(name = "Idempotent-Replayed", ref = "Idempotent-Replayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PublishedViews.Published.class)))
    @APIResponse(responseCode = "200", description = "Published before: the existing snapshot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PublishedViews.Published.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "LeaderboardWeekRefused", responseCode = "422")
    public Response publish(@Parameter(ref = "IdempotencyKeyOptional") @HeaderParam("Idempotency-Key") String key,
            @Parameter(ref = "Id") @PathParam("id") UUID unitId,
            @Parameter(description = "The ISO week", required = true,
                    schema = @Schema(pattern = IsoWeek.PATTERN, maxLength = 8)) @PathParam("week") String week) {
        access.require(Action.LEADERBOARD_MANAGE, unitId);
        IsoWeek which = week(week);
        var page = pagination.request(null, null, published(unitId, which));
        PublishedViews.Outcome outcome = weeks.publish(unitId, which, token.getSubject(), page, seen(unitId));
        if (!outcome.created()) {
            return Response.ok(outcome.published()).build();
        }
        return Response.created(URI.create("/v1/leaderboards/" + unitId + "/weeks/" + which))
                .entity(outcome.published()).build();
    }

    @POST
    @Path("{id}/weeks/{week}/editions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent(required = false)
    @Operation(operationId = "republishWeek", summary = "Publish a unit's week again, as a new edition",
            description = "For a week frozen with wrong figures (published before its standings were complete).")
    @APIResponse(responseCode = "201", description = "The new edition",
            headers = {@Header(name = "Location", ref = "Location"),
                    @Header(name = "Idempotent-Replayed", ref = "Idempotent-Replayed")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PublishedViews.Published.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response republish(@Parameter(ref = "IdempotencyKeyOptional") @HeaderParam("Idempotency-Key") String key,
            @Parameter(ref = "Id") @PathParam("id") UUID unitId,
            @Parameter(description = "The ISO week", required = true,
                    schema = @Schema(pattern = IsoWeek.PATTERN, maxLength = 8)) @PathParam("week") String week,
            @NotNull @Valid PublishedViews.EditionRequest request) {
        access.requireEverywhere(Action.LEADERBOARD_MANAGE);
        IsoWeek which = week(week);
        var page = pagination.request(null, null, published(unitId, which));
        PublishedViews.Outcome outcome = weeks.republish(unitId, which, request.reason(), token.getSubject(), page,
                seen(unitId));
        return Response.created(URI.create("/v1/leaderboards/" + unitId + "/weeks/" + which))
                .entity(outcome.published()).build();
    }

    @GET
    @Path("{id}/weeks/{week}")
    @Operation(operationId = "getPublishedWeek", summary = "A unit's published week",
            description = "The snapshot as published (one page of people, best first, and the units board) with "
                    + "its revisions, as the unit's board visibility shows them now: the people listed are everyone, "
                    + "the caller's own row or nobody; the units, unless unit boards are OFF.")
    @APIResponseSchema(value = PublishedViews.Published.class, responseCode = "200",
            responseDescription = "The published week")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response published(@Parameter(ref = "Id") @PathParam("id") UUID unitId,
            @Parameter(description = "The ISO week", required = true,
                    schema = @Schema(pattern = IsoWeek.PATTERN, maxLength = 8)) @PathParam("week") String week,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        access.require(Action.LEADERBOARD_READ, unitId);
        IsoWeek which = week(week);
        var page = pagination.request(limit, cursor, published(unitId, which));
        return LeaderboardsResource.tagged(json, weeks.find(unitId, which, page, seen(unitId)), ifNoneMatch);
    }

    @GET
    @Path("{id}/weeks")
    @Operation(operationId = "listPublishedWeeks", summary = "A unit's published weeks, newest first",
            description = "For those who may read the unit's boards.")
    @APIResponseSchema(value = PublishedViews.SummaryPage.class, responseCode = "200",
            responseDescription = "One page of published weeks")
    public PublishedViews.SummaryPage publishedWeeks(@Parameter(ref = "Id") @PathParam("id") UUID unitId,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        access.require(Action.LEADERBOARD_READ, unitId);
        return weeks.list(unitId, pagination.request(limit, cursor, "published-weeks?unit=" + unitId));
    }

    /** What the caller may see of the unit's people now (nobody where its person boards are OFF). */
    private Seen seen(UUID unitId) {
        return visibility.seen(unitId, access.personId().orElse(null));
    }

    private static String published(UUID unitId, IsoWeek week) {
        return "published-week?unit=" + unitId + "&week=" + week;
    }

    private IsoWeek week(String week) {
        return LeaderboardsResource.week(week, calendar);
    }
}
