package cn.zhibu.annual.honour;

import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.IfMatch;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** Honours (荣誉) won by units and people, recorded by those who manage their annual cycle. */
@Path("/v1/honours")
@Tag(name = "annual")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class HonoursResource {

    private final HonourService honours;
    private final JsonWebToken token;

    HonoursResource(HonourService honours, JsonWebToken token) {
        this.honours = honours;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createHonour", summary = "Record an honour of a unit or a person",
            description = "Exactly one of unitId and personId (422 HONOUR_HOLDER). Those who manage the unit's "
                    + "annual cycle, or the person's branch's; a unit or person out of sight: 422 "
                    + "HONOUR_HOLDER_NOT_FOUND.")
    @APIResponse(responseCode = "201", description = "The honour",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = HonourViews.View.class)))
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response create(@NotNull @Valid HonourViews.Create request) {
        HonourViews.View honour = honours.create(request, token.getSubject());
        return Response.created(URI.create("/v1/honours/" + honour.id())).tag(EntityTags.of(honour.version()))
                .entity(honour).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getHonour", summary = "Read an honour",
            description = "For those who may see its unit's (or its person's branch's) annual cycle. Sends an ETag; "
                    + "with If-None-Match naming it, 304.")
    @APIResponseSchema(value = HonourViews.View.class, responseCode = "200", responseDescription = "The honour")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response get(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        HonourViews.View honour = honours.read(id);
        return EntityTags.read(honour, honour.version(), ifNoneMatch).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeHonour", summary = "Change an honour",
            description = "Its title, level, year, awarding body, evidence and note (all of them); its holder stays. "
                    + "A star's honour, entered by its selection's closing, stands: 409 HONOUR_FROM_CAMPAIGN.")
    @APIResponseSchema(value = HonourViews.View.class, responseCode = "200", responseDescription = "The honour")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response change(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid HonourViews.Change request) {
        IfMatch precondition = IfMatch.parse(ifMatch);
        HonourViews.View honour = honours.change(id, precondition, request);
        return EntityTags.changed(honour, honour.version());
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteHonour", summary = "Remove an honour recorded in error",
            description = "Those who manage its unit's (or its person's branch's) annual cycle. It is gone for good. "
                    + "A star's honour, entered by its selection's closing, stands: 409 HONOUR_FROM_CAMPAIGN.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response delete(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        honours.delete(id);
        return Response.noContent().build();
    }
}
