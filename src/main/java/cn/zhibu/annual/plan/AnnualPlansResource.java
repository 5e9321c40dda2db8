package cn.zhibu.annual.plan;

import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
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

/**
 * Annual plans (年度计划) of branches and their committee members: made at the start of the year, followed by live
 * progress from the records, summed up at year end and submitted to the unit above, which approves or returns them.
 */
@Path("/v1/annual-plans")
@Tag(name = "annual")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class AnnualPlansResource {

    private final PlanService plans;
    private final PlanLists lists;
    private final PlanAccess planAccess;
    private final Pagination pagination;
    private final JsonWebToken token;

    AnnualPlansResource(PlanService plans, PlanLists lists, PlanAccess planAccess, Pagination pagination,
            JsonWebToken token) {
        this.plans = plans;
        this.lists = lists;
        this.planAccess = planAccess;
        this.pagination = pagination;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAnnualPlan", summary = "Make a branch's plan of a year",
            description = "The branch's own plan (no ownerId) or a branch committee member's. One per branch, year "
                    + "and owner: a second answers 409 ANNUAL_PLAN_EXISTS naming the first (and its Location). "
                    + "Secretaries and org admins of the branch; a committee member makes their own.")
    @APIResponse(responseCode = "201", description = "The new plan, DRAFT",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response create(@NotNull @Valid PlanViews.Create request) {
        planAccess.creatable(request.unitId(), request.ownerId());
        PlanViews.View plan = plans.create(request, token.getSubject());
        return Response.created(URI.create("/v1/annual-plans/" + plan.id())).tag(EntityTags.of(plan.version()))
                .entity(plan).build();
    }

    @GET
    @Operation(operationId = "listAnnualPlans", summary = "A branch's annual plans",
            description = "Of one year or all, the latest year first, then in the order made; without items (read "
                    + "a plan for them and their progress).")
    @APIResponseSchema(value = PlanViews.Page.class, responseCode = "200", responseDescription = "One page of plans")
    public PlanViews.Page list(
            @Parameter(description = "The branch", required = true, schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("unitId") String unitId,
            @Parameter(description = "Only plans of this year", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "2000", maximum = "2100")) @QueryParam("year") String year,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        UUID unit = QueryParams.uuid("unitId", unitId).orElseThrow(() -> new ProblemException(
                ProblemCode.INVALID_PARAMETER, "unitId", "00000000-0000-0000-0000-000000000000"));
        Integer wanted = QueryParams.year("year", year).orElse(null);
        planAccess.requireRead(unit);
        Page<PlanViews.Listed> page = lists.list(unit, wanted, pagination.request(limit, cursor,
                "annual-plans?unit=" + unit + "&year=" + wanted));
        return new PlanViews.Page(page.items(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getAnnualPlan", summary = "Read a plan with its items and their live progress",
            description = "For those who may see its branch's plans, and its owner. Progress is counted from the "
                    + "records at each read, so every read answers in full; the ETag is the plan's version, which "
                    + "changes name in If-Match.")
    @APIResponse(responseCode = "200", description = "The plan", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanViews.View.class)))
    public Response get(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        planAccess.readable(id);
        PlanViews.View plan = lists.view(id);
        return Response.ok(plan).tag(EntityTags.of(plan.version())).build();
    }

    @PUT
    @Path("{id}/summary")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putAnnualPlanSummary", summary = "Write a plan's year-end summary",
            description = "While DRAFT or RETURNED (409 ANNUAL_PLAN_SUBMITTED otherwise). Its editors: secretaries "
                    + "and org admins of the branch, or the owner of a personal plan.")
    @APIResponseSchema(value = PlanViews.View.class, responseCode = "200", responseDescription = "The plan")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response summary(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PlanViews.Summary request) {
        planAccess.editable(id);
        PlanViews.View plan = plans.summary(id, IfMatch.parse(ifMatch), request);
        return EntityTags.changed(plan, plan.version());
    }

    @POST
    @Path("{id}/submission")
    @Operation(operationId = "submitAnnualPlan", summary = "Submit a plan to the unit above",
            description = "A DRAFT or RETURNED plan with its summary (422 ANNUAL_PLAN_SUMMARY_MISSING without) is "
                    + "SUBMITTED: no more edits until it is returned. Its editors.")
    @APIResponseSchema(value = PlanViews.View.class, responseCode = "200", responseDescription = "The plan, SUBMITTED")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response submit(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        planAccess.editable(id);
        PlanViews.View plan = plans.submit(id, IfMatch.parse(ifMatch), token.getSubject());
        return EntityTags.changed(plan, plan.version());
    }

    @POST
    @Path("{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reviewAnnualPlan", summary = "Approve or return a submitted plan",
            description = "By the unit above: ANNUAL_MANAGE (secretaries, org admins) on the parent of the plan's "
                    + "branch; a branch without a parent reviews its own (403 ANNUAL_PLAN_NOT_REVIEWER for anyone "
                    + "else). APPROVED is final; RETURNED (with a note) opens it to edits again. Every review is kept "
                    + "in the plan's history. Of two reviews at once one decides, the other answers 409.")
    @APIResponseSchema(value = PlanViews.View.class, responseCode = "200", responseDescription = "The plan, reviewed")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response review(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @NotNull @Valid PlanViews.ReviewRequest request) {
        planAccess.reviewer(id);
        PlanViews.View plan = plans.review(id, request, token.getSubject(), planAccess.person());
        return EntityTags.changed(plan, plan.version());
    }
}
