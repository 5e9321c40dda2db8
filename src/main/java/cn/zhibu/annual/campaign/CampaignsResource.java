package cn.zhibu.annual.campaign;

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
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
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

/** Campaigns (评选) of a branch: made with their timetable, changed, cancelled and closed. */
@Path("/v1/campaigns")
@Tag(name = "campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class CampaignsResource {

    private final CampaignService campaigns;
    private final Access access;
    private final Pagination pagination;
    private final JsonWebToken token;

    CampaignsResource(CampaignService campaigns, Access access, Pagination pagination, JsonWebToken token) {
        this.campaigns = campaigns;
        this.access = access;
        this.pagination = pagination;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent(required = false)
    @Operation(operationId = "createCampaign", summary = "Start a campaign",
            description = "A REPORT_REVIEW (述职评议), MEMBER_APPRAISAL (民主评议党员) or STAR_SELECTION (组工之星) of a "
                    + "branch, OPEN, with its timetable. REPORT_REVIEW rates its reporters (default: the "
                    + "branch committee and the party group leaders; 422 CAMPAIGN_NO_RATEES without any); "
                    + "MEMBER_APPRAISAL the unit's party members now; STAR_SELECTION starts with nobody (nominations "
                    + "add candidates). Secretaries and org admins of the unit.")
    @APIResponse(responseCode = "201", description = "The campaign",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CampaignViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response create(@Parameter(ref = "IdempotencyKeyOptional") @HeaderParam("Idempotency-Key") String key,
            @NotNull @Valid CampaignViews.Create request) {
        access.requireNamed(Action.ANNUAL_MANAGE, request.unitId(),
                () -> new ProblemException(CampaignProblem.CAMPAIGN_UNIT_NOT_FOUND, request.unitId().toString()));
        CampaignViews.View campaign = campaigns.create(request, token.getSubject());
        return Response.created(URI.create("/v1/campaigns/" + campaign.id())).tag(EntityTags.of(campaign.version()))
                .entity(campaign).build();
    }

    @GET
    @Operation(operationId = "listCampaigns", summary = "A unit's campaigns, latest year first",
            description = "Without unitId: the caller's own branch. Everyone who may see the unit's annual cycle.")
    @APIResponseSchema(value = CampaignViews.Page.class, responseCode = "200",
            responseDescription = "One page of campaigns")
    public CampaignViews.Page list(
            @Parameter(description = "The branch (default: the caller's branch)",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("unitId") String unitId,
            @Parameter(description = "Only this year's", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "2000",
                    maximum = "2100")) @QueryParam("year") String year,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        UUID unit = QueryParams.uuid("unitId", unitId).or(access::branchId)
                .orElseThrow(() -> new ProblemException(ProblemCode.INVALID_PARAMETER, "unitId",
                        "00000000-0000-0000-0000-000000000000"));
        access.require(Action.ANNUAL_READ, unit);
        Integer inYear = QueryParams.year("year", year).orElse(null);
        Page<CampaignViews.Summary> page = campaigns.list(unit, inYear,
                pagination.request(limit, cursor, "campaigns?unit=" + unit + "&year=" + inYear));
        return new CampaignViews.Page(page.items(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getCampaign", summary = "Read a campaign",
            description = "Its rules, its timetable with where each stage stands now, its state and its ratees. "
                    + "Sends an ETag; with If-None-Match naming it, answers 304.")
    @APIResponseSchema(value = CampaignViews.View.class, responseCode = "200", responseDescription = "The campaign")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response get(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        readable(id);
        CampaignViews.View view = campaigns.view(id);
        return EntityTags.read(view, view.version(), ifNoneMatch).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeCampaign", summary = "Change a campaign's title and timetable",
            description = "While OPEN (409 CAMPAIGN_NOT_OPEN otherwise). A stage that has closed never changes or "
                    + "reopens; an open stage keeps its opening and closes no earlier than now (409 "
                    + "CAMPAIGN_STAGE_CLOSED).")
    @APIResponseSchema(value = CampaignViews.View.class, responseCode = "200", responseDescription = "The campaign")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response change(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid CampaignViews.Change request) {
        managed(id);
        CampaignViews.View view = campaigns.change(id, IfMatch.parse(ifMatch), request);
        return EntityTags.changed(view, view.version());
    }

    @POST
    @Path("{id}/cancellation")
    @Operation(operationId = "cancelCampaign", summary = "Cancel a campaign",
            description = "While OPEN; its ballots stay stored but are never published.")
    @APIResponseSchema(value = CampaignViews.View.class, responseCode = "200", responseDescription = "The campaign")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response cancel(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        managed(id);
        CampaignViews.View view = campaigns.cancel(id, IfMatch.parse(ifMatch));
        return EntityTags.changed(view, view.version());
    }

    @POST
    @Path("{id}/closing")
    @Operation(operationId = "closeCampaign", summary = "Close a campaign and publish its results",
            description = "Once its last ballot-taking stage has closed (409 CAMPAIGN_STILL_RATING before). What the "
                    + "closing decides (decisions, honours) is stored in the same transaction; a part that refuses "
                    + "the closing (e.g. an objection unanswered) answers its own problem and nothing changes.")
    @APIResponseSchema(value = CampaignViews.View.class, responseCode = "200", responseDescription = "The campaign")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response close(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        managed(id);
        CampaignViews.View view = campaigns.close(id, IfMatch.parse(ifMatch));
        return EntityTags.changed(view, view.version());
    }

    /** The campaign's unit, if the caller may see its annual cycle; otherwise not found. */
    private UUID readable(UUID id) {
        UUID unit = campaigns.unitOf(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        if (!access.allows(Action.ANNUAL_READ, unit)) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return unit;
    }

    private void managed(UUID id) {
        access.require(Action.ANNUAL_MANAGE, readable(id));
    }
}
