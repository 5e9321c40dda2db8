package cn.zhibu.lecture.orglife;

import cn.zhibu.lecture.PartyDayAccess;
import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.IfMatch;
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

/**
 * The problem list (问题清单) and rectification list (整改清单) of an organisational life meeting (组织生活会):
 * read by those who see the branch's party days, kept by its secretaries and org admins; an item's owner closes
 * their own item too.
 */
@Path("/v1/party-days/{id}")
@Tag(name = "party-days")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class OrgLifeResource {

    private final OrgLifeService orgLife;
    private final Access access;
    private final PartyDayAccess sessions;
    private final Pagination pagination;
    private final JsonWebToken token;

    OrgLifeResource(OrgLifeService orgLife, Access access, PartyDayAccess sessions, Pagination pagination,
            JsonWebToken token) {
        this.orgLife = orgLife;
        this.access = access;
        this.sessions = sessions;
        this.pagination = pagination;
        this.token = token;
    }

    @POST
    @Path("problems")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createOrgLifeProblem", summary = "Add a problem to a meeting's problem list",
            description = "Of an ORG_LIFE_MEETING session (409 ORG_LIFE_NOT_A_MEETING otherwise) that is not "
                    + "cancelled: the committee's problem, or a member's (personId: a member of the branch, 422 "
                    + "ORG_LIFE_NOT_MEMBER otherwise), found in self-examination, criticism or by the organisation.")
    @APIResponse(responseCode = "201", description = "The recorded problem",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrgLifeViews.ProblemView.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response addProblem(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @NotNull @Valid OrgLifeViews.ProblemCreate request) {
        sessions.managed(id);
        OrgLifeViews.ProblemView problem = orgLife.addProblem(id, request, token.getSubject());
        return Response.status(Response.Status.CREATED).entity(problem).build();
    }

    @GET
    @Path("problems")
    @Operation(operationId = "listOrgLifeProblems", summary = "A meeting's problem list",
            description = "In the order recorded, with the members' names. For those who may see the branch's "
                    + "party days.")
    @APIResponseSchema(value = OrgLifeViews.ProblemPage.class, responseCode = "200",
            responseDescription = "One page of problems")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public OrgLifeViews.ProblemPage problems(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        sessions.readable(id);
        Page<OrgLifeViews.ProblemView> page = orgLife.problems(id, pagination.request(limit, cursor,
                "org-life-problems?day=" + id));
        return new OrgLifeViews.ProblemPage(page.items(), page.nextCursor());
    }

    @POST
    @Path("rectifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createRectification", summary = "Add an item to a meeting's rectification list",
            description = "Of an ORG_LIFE_MEETING session that is not cancelled: an item with its owner (a member of "
                    + "the branch) and due date (not before the session's day, 422 RECTIFICATION_DUE_BEFORE_SESSION), "
                    + "OPEN.")
    @APIResponse(responseCode = "201", description = "The new item",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrgLifeViews.RectificationView.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response addRectification(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @NotNull @Valid OrgLifeViews.RectificationCreate request) {
        sessions.managed(id);
        OrgLifeViews.RectificationView item = orgLife.addRectification(id, request, token.getSubject());
        return Response.created(URI.create("/v1/party-days/" + id + "/rectifications/" + item.id()))
                .tag(EntityTags.of(item.version())).entity(item).build();
    }

    @GET
    @Path("rectifications")
    @Operation(operationId = "listSessionRectifications", summary = "A meeting's rectification list",
            description = "In the order recorded, each item with its owner's name and whether it is overdue. For "
                    + "those who may see the branch's party days.")
    @APIResponseSchema(value = OrgLifeViews.RectificationPage.class, responseCode = "200",
            responseDescription = "One page of items")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public OrgLifeViews.RectificationPage rectifications(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        sessions.readable(id);
        Page<OrgLifeViews.RectificationView> page = orgLife.rectifications(id, pagination.request(limit, cursor,
                "rectifications?day=" + id));
        return new OrgLifeViews.RectificationPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("rectifications/{rectificationId}")
    @Operation(operationId = "getRectification", summary = "Read a rectification item",
            description = "For those who may see the branch's party days. Sends an ETag; with If-None-Match naming "
                    + "it, answers 304.")
    @APIResponseSchema(value = OrgLifeViews.RectificationView.class, responseCode = "200",
            responseDescription = "The item")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response rectification(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The item", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("rectificationId") UUID rectificationId,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        sessions.readable(id);
        OrgLifeViews.RectificationView item = orgLife.rectification(id, rectificationId);
        return EntityTags.read(item, item.version(), ifNoneMatch).build();
    }

    @PUT
    @Path("rectifications/{rectificationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeRectification", summary = "Change an OPEN rectification item",
            description = "Its item, measures, owner and due date (all of them); a DONE item is reopened first (409 "
                    + "RECTIFICATION_STATE_CONFLICT).")
    @APIResponseSchema(value = OrgLifeViews.RectificationView.class, responseCode = "200",
            responseDescription = "The changed item")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response change(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The item", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("rectificationId") UUID rectificationId,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid OrgLifeViews.RectificationChange request) {
        sessions.managed(id);
        OrgLifeViews.RectificationView item = orgLife.change(id, rectificationId, IfMatch.parse(ifMatch), request);
        return EntityTags.changed(item, item.version());
    }

    @POST
    @Path("rectifications/{rectificationId}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "closeRectification", summary = "Close a rectification item with its evidence",
            description = "OPEN → DONE, with the evidence (整改佐证) and links; who and when are kept. By the branch's "
                    + "secretaries and org admins, or by the item's owner.")
    @APIResponseSchema(value = OrgLifeViews.RectificationView.class, responseCode = "200",
            responseDescription = "The item, DONE")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response close(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The item", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("rectificationId") UUID rectificationId,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid OrgLifeViews.Close request) {
        UUID branch = sessions.readable(id);
        if (!access.allows(Action.PARTY_DAY_MANAGE, branch) && !access.personId()
                .filter(person -> person.equals(orgLife.ownerOf(id, rectificationId))).isPresent()) {
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
        OrgLifeViews.RectificationView item = orgLife.close(id, rectificationId, IfMatch.parse(ifMatch), request,
                token.getSubject());
        return EntityTags.changed(item, item.version());
    }

    @POST
    @Path("rectifications/{rectificationId}/reopen")
    @Operation(operationId = "reopenRectification", summary = "Reopen a DONE rectification item",
            description = "The rectification fell short: the item is OPEN again, its evidence cleared. Secretaries "
                    + "and org admins of the branch.")
    @APIResponseSchema(value = OrgLifeViews.RectificationView.class, responseCode = "200",
            responseDescription = "The item, OPEN")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response reopen(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The item", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("rectificationId") UUID rectificationId,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        sessions.managed(id);
        OrgLifeViews.RectificationView item = orgLife.reopen(id, rectificationId, IfMatch.parse(ifMatch));
        return EntityTags.changed(item, item.version());
    }
}
