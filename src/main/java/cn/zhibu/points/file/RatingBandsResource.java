package cn.zhibu.points.file;

import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rating bands (评定档次) of a unit's subtree: what a year's points total earns in the member file. */
@Path("/v1/rating-bands/{unitId}")
@Tag(name = "points")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class RatingBandsResource {

    private final RatingBandService bands;
    private final Access access;
    private final JsonWebToken token;

    RatingBandsResource(RatingBandService bands, Access access, JsonWebToken token) {
        this.bands = bands;
        this.access = access;
        this.token = token;
    }

    @GET
    @Operation(operationId = "getRatingBands", summary = "The rating bands that hold in a unit",
            description = "The unit's own bands, or those it inherits from the nearest unit above that has its "
                    + "own, or the defaults (优秀 ≥ 80, 良好 ≥ 60, 合格 ≥ 0); `source` says which.")
    @APIResponseSchema(value = RatingBandViews.Effective.class, responseCode = "200", responseDescription = "The bands")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response get(@Parameter(description = "The unit", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("unitId") UUID unitId,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        access.require(Action.ORG_READ, unitId);
        RatingBandViews.Effective effective = bands.effective(unitId);
        return effective.version() == null ? Response.ok(effective).build()
                : EntityTags.read(effective, effective.version(), ifNoneMatch).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putRatingBands", summary = "Set a unit's own rating bands",
            description = "They hold in the unit and the units under it that have none of their own.")
    @APIResponse(responseCode = "200", description = "The unit's bands now", headers = @Header(name = "ETag",
            ref = "ETag"), content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RatingBandViews.Effective.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "PreconditionFailed", responseCode = "412")
    @APIResponse(ref = "RatingBandsRefused", responseCode = "422")
    @APIResponse(ref = "PreconditionRequired", responseCode = "428")
    public Response put(@Parameter(description = "The unit", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("unitId") UUID unitId,
            @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "The ETag of the unit's own bands, "
                    + "last read; not sent when the unit has none yet", schema = @Schema(maxLength = 300,
                    pattern = IfMatch.PATTERN)) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid RatingBandViews.Change request) {
        access.require(Action.SCORING_RULE_WRITE, unitId);
        RatingBandViews.Effective effective = bands.change(unitId, ifMatch, request, token.getSubject());
        return EntityTags.changed(effective, effective.version());
    }

    @DELETE
    @Operation(operationId = "deleteRatingBands", summary = "Remove a unit's own rating bands",
            description = "The unit inherits again (from above, or the defaults). Needs the If-Match of its own bands; "
                    + "404 when it has none.")
    @APIResponseSchema(value = RatingBandViews.Effective.class, responseCode = "200",
            responseDescription = "The bands that hold in the unit now")
    public RatingBandViews.Effective delete(@Parameter(description = "The unit", schema = @Schema(type = SchemaType.STRING,
            format = "uuid")) @PathParam("unitId") UUID unitId,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        access.require(Action.SCORING_RULE_WRITE, unitId);
        return bands.remove(unitId, ifMatch);
    }
}
