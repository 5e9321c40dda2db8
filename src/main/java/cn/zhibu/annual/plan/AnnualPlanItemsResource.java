package cn.zhibu.annual.plan;

import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.IfMatch;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
 * The items of an annual plan: added, changed and removed by the plan's editors while it is DRAFT or RETURNED, each
 * change naming the plan's version; OTHER items ticked done with evidence (or undone) by their owner or ANNUAL_MANAGE.
 * Every answer is the whole plan, with its new version.
 */
@Path("/v1/annual-plans/{id}/items")
@Tag(name = "annual")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class AnnualPlanItemsResource {

    private final PlanService plans;
    private final PlanAccess planAccess;
    private final JsonWebToken token;

    AnnualPlanItemsResource(PlanService plans, PlanAccess planAccess, JsonWebToken token) {
        this.plans = plans;
        this.planAccess = planAccess;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addAnnualPlanItem", summary = "Add an item to a plan",
            description = "A kind of work with a target count or a target date in the plan's year. SESSIONS name "
                    + "their sessionKind. Recorded kinds count the branch's records of the year live; OTHER items are "
                    + "ticked done. At most 200 items. Its editors: secretaries and org admins of the branch, or the "
                    + "owner of a personal plan.")
    @APIResponse(responseCode = "201", description = "The plan with the new item (Location names the item)",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response add(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PlanViews.ItemRequest request) {
        planAccess.editable(id);
        PlanService.Added added = plans.addItem(id, IfMatch.parse(ifMatch), request);
        return Response.created(URI.create("/v1/annual-plans/" + id + "/items/" + added.itemId()))
                .tag(EntityTags.of(added.plan().version())).entity(added.plan()).build();
    }

    @PUT
    @Path("{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeAnnualPlanItem", summary = "Change an item of a plan",
            description = "All of it. An OTHER item ticked done stays done while it stays OTHER. Its editors.")
    @APIResponseSchema(value = PlanViews.View.class, responseCode = "200", responseDescription = "The plan")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response change(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The item", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("itemId") UUID itemId,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PlanViews.ItemRequest request) {
        planAccess.editable(id);
        PlanViews.View plan = plans.changeItem(id, itemId, IfMatch.parse(ifMatch), request);
        return EntityTags.changed(plan, plan.version());
    }

    @DELETE
    @Path("{itemId}")
    @Operation(operationId = "deleteAnnualPlanItem", summary = "Remove an item from a plan",
            description = "While the plan is DRAFT or RETURNED. Its editors.")
    @APIResponseSchema(value = PlanViews.View.class, responseCode = "200", responseDescription = "The plan")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response delete(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The item", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("itemId") UUID itemId,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        planAccess.editable(id);
        PlanViews.View plan = plans.deleteItem(id, itemId, IfMatch.parse(ifMatch));
        return EntityTags.changed(plan, plan.version());
    }

    @POST
    @Path("{itemId}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completeAnnualPlanItem", summary = "Tick an OTHER item done, with its evidence",
            description = "Recorded kinds count their records and are not ticked (422 ANNUAL_PLAN_ITEM_RECORDED). "
                    + "The item's owner, or secretaries and org admins of the branch.")
    @APIResponseSchema(value = PlanViews.View.class, responseCode = "200", responseDescription = "The plan")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response complete(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The item", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("itemId") UUID itemId,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PlanViews.Completion request) {
        planAccess.tickable(id, itemId);
        PlanViews.View plan = plans.complete(id, itemId, IfMatch.parse(ifMatch), request, token.getSubject());
        return EntityTags.changed(plan, plan.version());
    }

    @DELETE
    @Path("{itemId}/completion")
    @Operation(operationId = "undoAnnualPlanItemCompletion", summary = "Undo an OTHER item's tick",
            description = "It is not done after all: its evidence is cleared. The item's owner, or secretaries and "
                    + "org admins of the branch.")
    @APIResponseSchema(value = PlanViews.View.class, responseCode = "200", responseDescription = "The plan")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response undo(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The item", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("itemId") UUID itemId,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        planAccess.tickable(id, itemId);
        PlanViews.View plan = plans.undo(id, itemId, IfMatch.parse(ifMatch));
        return EntityTags.changed(plan, plan.version());
    }
}
