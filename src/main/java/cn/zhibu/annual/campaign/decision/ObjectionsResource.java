package cn.zhibu.annual.campaign.decision;

import cn.zhibu.platform.http.EntityTags;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

/** Objections (异议) to a star selection's candidates during publicity (公示), and the committee's answers. */
@Path("/v1/campaigns/{id}/objections")
@Tag(name = "campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class ObjectionsResource {

    private final ObjectionService objections;
    private final JsonWebToken token;

    ObjectionsResource(ObjectionService objections, JsonWebToken token) {
        this.objections = objections;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "raiseObjection", summary = "Object to a candidate during publicity",
            description = "A current member of the campaign unit's subtree, with their own account, while the "
                    + "PUBLICITY stage is open (409 OBJECTION_CLOSED otherwise). Who objected is shown to those who "
                    + "run the campaign, for follow-up, and to nobody else.")
    @APIResponse(responseCode = "201", description = "The objection",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DecisionViews.Objection.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response raise(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @NotNull @Valid DecisionViews.ObjectionCreate request) {
        DecisionViews.Objection objection = objections.raise(id, request);
        return Response.status(Response.Status.CREATED).tag(EntityTags.of(objection.version())).entity(objection)
                .build();
    }

    @GET
    @Operation(operationId = "listObjections", summary = "A campaign's objections",
            description = "Holders of ANNUAL_MANAGE: all of them, with who objected (but not on an objection to "
                    + "themself). A member: their own.")
    @APIResponseSchema(value = DecisionViews.Objections.class, responseCode = "200",
            responseDescription = "The objections, earliest first")
    public DecisionViews.Objections list(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        return objections.list(id);
    }

    @PUT
    @Path("{objectionId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "answerObjection", summary = "Answer an objection",
            description = "Holders of ANNUAL_MANAGE on the campaign's unit, with If-Match of the objection's version, "
                    + "while the campaign is open (409 OBJECTION_ANSWER_CLOSED otherwise). A star selection closes "
                    + "only once every objection is answered.")
    @APIResponseSchema(value = DecisionViews.Objection.class, responseCode = "200",
            responseDescription = "The answered objection")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response answer(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The objection", required = true, schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @PathParam("objectionId") UUID objectionId,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid DecisionViews.AnswerChange request) {
        DecisionViews.Objection objection = objections.answer(id, objectionId, ifMatch, request, token.getSubject());
        return EntityTags.changed(objection, objection.version());
    }
}
