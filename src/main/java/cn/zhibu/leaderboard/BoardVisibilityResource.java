package cn.zhibu.leaderboard;

import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Board visibility (榜单公开范围): what a branch's or committee's boards show, chosen by its secretary. */
@Path("/v1/leaderboards/{id}/visibility")
@Tag(name = "leaderboards")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class BoardVisibilityResource {

    private final BoardVisibility visibility;
    private final Access access;
    private final Pagination pagination;
    private final JsonWebToken token;

    BoardVisibilityResource(BoardVisibility visibility, Access access, Pagination pagination, JsonWebToken token) {
        this.visibility = visibility;
        this.access = access;
        this.pagination = pagination;
        this.token = token;
    }

    @GET
    @Operation(operationId = "getBoardVisibility", summary = "What a unit's boards show",
            description = "Its own choice, else that of the nearest unit above it that chose, else the defaults "
                    + "(person boards SELF_ONLY, unit boards and study leaders PUBLISHED, weekly publication on). "
                    + "For those who may read its boards. The ETag is the version of the unit's own choice, for "
                    + "If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "What the unit's boards show", headers = @Header(name = "ETag",
            ref = "ETag"), content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VisibilityViews.Visibility.class)))
    @APIResponse(ref = "NotFound", responseCode = "404")
    public Response find(@Parameter(ref = "Id") @PathParam("id") UUID unitId) {
        access.require(Action.LEADERBOARD_READ, unitId);
        VisibilityViews.Visibility found = visibility.find(unitId);
        return Response.ok(found).tag(EntityTags.of(found.version())).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putBoardVisibility", summary = "Choose what a branch's or committee's boards show",
            description = "From now on, for the unit and the units below it without a choice of their own: live "
                    + "boards, CSV exports, \"my standing\", published weeks (the snapshots stay as frozen; what "
                    + "they show follows the choice) and study leaders. Only a branch or a committee chooses (422 "
                    + "BOARD_VISIBILITY_NOT_A_BRANCH). Every choice is kept in the unit's history. Who may: its "
                    + "secretaries and org admins.")
    @APIResponse(responseCode = "200", description = "What the unit's boards show now", headers = @Header(
            name = "ETag", ref = "ETag"), content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VisibilityViews.Visibility.class)))
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "PreconditionFailed", responseCode = "412")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    @APIResponse(ref = "PreconditionRequired", responseCode = "428")
    public Response choose(@Parameter(ref = "Id") @PathParam("id") UUID unitId,
            @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "The ETag of the unit's own "
                    + "choice last read; not sent for its first choice",
                    schema = @Schema(maxLength = 300, pattern = IfMatch.PATTERN))
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid VisibilityViews.Change change) {
        access.require(Action.LEADERBOARD_MANAGE, unitId);
        VisibilityViews.Visibility chosen = visibility.choose(unitId, ifMatch, change, token.getSubject());
        return EntityTags.changed(chosen, chosen.version());
    }

    @GET
    @Path("changes")
    @Operation(operationId = "listBoardVisibilityChanges", summary = "A unit's choices of what its boards show",
            description = "Every choice the unit made, as made (who, what, when), the latest first. Who may: its "
                    + "secretaries and org admins.")
    @APIResponseSchema(value = VisibilityViews.ChangePage.class, responseCode = "200",
            responseDescription = "One page of choices")
    @APIResponse(ref = "NotFound", responseCode = "404")
    public VisibilityViews.ChangePage changes(@Parameter(ref = "Id") @PathParam("id") UUID unitId,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        access.require(Action.LEADERBOARD_MANAGE, unitId);
        Page<VisibilityViews.ChangeRecord> page = visibility.history(unitId,
                pagination.request(limit, cursor, "board-visibility-changes?unit=" + unitId));
        return new VisibilityViews.ChangePage(page.items(), page.nextCursor());
    }
}
