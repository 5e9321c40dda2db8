package cn.zhibu.org;

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
import java.util.Optional;
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

/** The organisation tree (党组织): committees, branches, party groups and departments. */
@Path("/v1/org-units")
@Tag(name = "org")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearerJwt")
public class OrgUnitsResource {

    private static final String BASE = "/v1/org-units/";

    private final OrgUnitService units;
    private final Pagination pagination;
    private final Access access;

    OrgUnitsResource(OrgUnitService units, Pagination pagination, Access access) {
        this.units = units;
        this.pagination = pagination;
        this.access = access;
    }

    @GET
    @Authenticated
    @Operation(operationId = "listOrgUnits", summary = "List org units",
            description = "The children of `parentId`, by position and name; or, with `under`, everything below "
                    + "that unit, depth first.")
    @APIResponse(responseCode = "200", description = "One page of units")
    public OrgUnitViews.Page list(
            @Parameter(description = "List the children of this unit", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("parentId") String parentId,
            @Parameter(description = "List everything below this unit instead", schema = @Schema(
                    type = SchemaType.STRING, format = "uuid")) @QueryParam("under") String under,
            @Parameter(description = "Include archived units", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("includeArchived") String includeArchivedFlag,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        boolean includeArchived = QueryParams.flag("includeArchived", includeArchivedFlag);
        Optional<UUID> parent = QueryParams.uuid("parentId", parentId);
        Optional<UUID> root = QueryParams.uuid("under", under);
        if (parent.isPresent() && root.isPresent()) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "under", "parentId | under");
        }
        String query = "org-units?parentId=" + parent.map(UUID::toString).orElse("") + "&under="
                + root.map(UUID::toString).orElse("") + "&includeArchived=" + includeArchived;
        root.or(() -> parent).ifPresent(unit -> access.require(Action.ORG_READ, unit));
        Access.Reach reach = access.reach(Action.ORG_READ);
        var page = pagination.request(limit, cursor, query);
        Page<OrgUnitViews.View> result;
        if (root.isPresent()) {
            result = units.subtree(root.get(), includeArchived, page);
        } else if (parent.isPresent() || reach.everywhere()) {
            result = units.children(parent, includeArchived, page);
        } else {
            result = units.tops(reach.unitIds(), includeArchived, page);
        }
        return new OrgUnitViews.Page(result.items(), result.nextCursor());
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(operationId = "getOrgUnit", summary = "Read one org unit",
            description = "Sends an ETag; with If-None-Match naming it, answers 304 Not Modified.")
    @APIResponseSchema(value = OrgUnitViews.View.class, responseCode = "200", responseDescription = "The unit")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response get(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        access.require(Action.ORG_READ, id);
        OrgUnitViews.View unit = units.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        return EntityTags.read(unit, unit.version(), ifNoneMatch).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Idempotent
    @Operation(operationId = "createOrgUnit", summary = "Create an org unit",
            description = "A committee holds committees and branches; a branch holds party groups and departments; "
                    + "only committees and branches stand at the top. Requires an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The unit was created (or, on a replay, had been)",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrgUnitViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "OrgUnitRefused", responseCode = "422")
    public Response create(@Parameter(ref = "IdempotencyKey") @HeaderParam("Idempotency-Key") String key,
            @NotNull @Valid OrgUnitViews.Create request) {
        writableParent(request.parentId());
        OrgUnitViews.View unit = units.create(request);
        return Response.created(URI.create(BASE + unit.id())).tag(EntityTags.of(unit.version())).entity(unit).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(operationId = "changeOrgUnit", summary = "Rename an org unit or change its position",
            description = "Requires If-Match with the ETag last read.")
    @APIResponseSchema(value = OrgUnitViews.View.class, responseCode = "200", responseDescription = "The changed unit")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response change(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid OrgUnitViews.Change request) {
        access.require(Action.ORG_WRITE, id);
        return ok(units.change(id, IfMatch.parse(ifMatch), request));
    }

    @POST
    @Path("{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(operationId = "moveOrgUnit", summary = "Move an org unit, with everything under it",
            description = "Never under itself or its own units. Requires If-Match with the ETag last read; the "
                    + "units below it change version too.")
    @APIResponseSchema(value = OrgUnitViews.View.class, responseCode = "200", responseDescription = "The moved unit")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "OrgUnitRefused", responseCode = "422")
    public Response move(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid OrgUnitViews.Move request) {
        access.require(Action.ORG_WRITE, id);
        writableParent(request.parentId());
        return ok(units.move(id, IfMatch.parse(ifMatch), request.parentId()));
    }

    @POST
    @Path("{id}/archive")
    @Authenticated
    @Operation(operationId = "archiveOrgUnit", summary = "Archive an org unit",
            description = "Units are never deleted: an archived unit keeps its history and takes nothing new. "
                    + "Only a unit with no active unit under it can be archived.")
    @APIResponseSchema(value = OrgUnitViews.View.class, responseCode = "200", responseDescription = "The archived unit")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response archive(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        access.require(Action.ORG_WRITE, id);
        return ok(units.archive(id, IfMatch.parse(ifMatch)));
    }

    /** A new top unit needs the right everywhere; a unit under a parent needs it there. */
    private void writableParent(UUID parentId) {
        if (parentId == null) {
            access.requireEverywhere(Action.ORG_WRITE);
        } else {
            access.requireNamed(Action.ORG_WRITE, parentId,
                    () -> new ProblemException(OrgProblem.ORG_UNIT_PARENT_NOT_FOUND, parentId.toString()));
        }
    }

    private static Response ok(OrgUnitViews.View unit) {
        return EntityTags.changed(unit, unit.version());
    }
}
