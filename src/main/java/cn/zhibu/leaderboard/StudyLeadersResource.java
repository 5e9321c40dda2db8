package cn.zhibu.leaderboard;

import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.idempotency.Idempotent;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.time.IsoWeek;
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
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Study leaders of the week (本周领学人): proposed at publication, confirmed by a secretary, listed with history. */
@Path("/v1/leaderboards")
@Tag(name = "leaderboards")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class StudyLeadersResource {

    private final StudyLeaders leaders;
    private final Access access;
    private final Pagination pagination;
    private final JsonWebToken token;
    private final BoardVisibility visibility;

    StudyLeadersResource(StudyLeaders leaders, Access access, Pagination pagination, JsonWebToken token,
            BoardVisibility visibility) {
        this.leaders = leaders;
        this.visibility = visibility;
        this.access = access;
        this.pagination = pagination;
        this.token = token;
    }

    @GET
    @Path("{id}/weeks/{week}/leaders")
    @Operation(operationId = "getWeekStudyLeaders", summary = "A unit's study leaders of a week",
            description = "Proposed when the week was published: the top member(s) "
                    + "(zhibu.leaderboards.leaders-per-unit) of the unit's top-ranked child unit. 404 "
                    + "LEADERBOARD_UNITS_OFF where the unit's unit boards and study leaders are OFF.")
    @APIResponseSchema(value = StudyLeaderViews.Week.class, responseCode = "200",
            responseDescription = "The week's leaders")
    @APIResponse(ref = "NotFound", responseCode = "404")
    public StudyLeaderViews.Week week(@Parameter(ref = "Id") @PathParam("id") UUID unitId,
            @Parameter(description = "The ISO week", required = true,
                    schema = @Schema(pattern = IsoWeek.PATTERN, maxLength = 8)) @PathParam("week") String week) {
        access.require(Action.LEADERBOARD_READ, unitId);
        visibility.requireUnitBoards(unitId);
        return leaders.week(unitId, week(week));
    }

    @POST
    @Path("{id}/weeks/{week}/leaders")
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent(required = false)
    @Operation(operationId = "confirmWeekStudyLeaders", summary = "Confirm a unit's study leaders of a week",
            description = "Names the week's leaders: proposed members, or other participants of that week on the "
                    + "unit's board (422 STUDY_LEADER_NOT_ELIGIBLE otherwise); proposals not named are REPLACED.")
    @APIResponseSchema(value = StudyLeaderViews.Week.class, responseCode = "200",
            responseDescription = "The week's leaders as confirmed")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public StudyLeaderViews.Week confirm(
            @Parameter(ref = "IdempotencyKeyOptional") @HeaderParam("Idempotency-Key") String key,
            @Parameter(ref = "Id") @PathParam("id") UUID unitId,
            @Parameter(description = "The ISO week", required = true,
                    schema = @Schema(pattern = IsoWeek.PATTERN, maxLength = 8)) @PathParam("week") String week,
            @NotNull @Valid StudyLeaderViews.Confirmation confirmation) {
        access.require(Action.LEADERBOARD_MANAGE, unitId);
        visibility.requireUnitBoards(unitId);
        return leaders.confirm(unitId, week(week), confirmation.personIds(), token.getSubject());
    }

    @GET
    @Path("{id}/leaders")
    @Operation(operationId = "listStudyLeaders", summary = "A unit's confirmed study leaders, the latest week first",
            description = "The history of the unit's study leaders of the week. For those who may read its boards; "
                    + "404 LEADERBOARD_UNITS_OFF where its unit boards and study leaders are OFF.")
    @APIResponseSchema(value = StudyLeaderViews.Page.class, responseCode = "200",
            responseDescription = "One page of leaders")
    @APIResponse(ref = "NotFound", responseCode = "404")
    public StudyLeaderViews.Page history(@Parameter(ref = "Id") @PathParam("id") UUID unitId,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        access.require(Action.LEADERBOARD_READ, unitId);
        visibility.requireUnitBoards(unitId);
        Page<StudyLeaderViews.Leader> page = leaders.history(unitId,
                pagination.request(limit, cursor, "study-leaders?unit=" + unitId));
        return new StudyLeaderViews.Page(page.items(), page.nextCursor());
    }

    private static IsoWeek week(String week) {
        return QueryParams.isoWeek("week", week)
                .orElseThrow(() -> new ProblemException(ProblemCode.INVALID_PARAMETER, "week", "2026-W48"));
    }
}
