package cn.zhibu.annual.campaign.decision;

import cn.zhibu.platform.http.EntityTags;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Nominations (推荐) of a star selection (组工之星): by the person themself or by a unit, while nominations are open. */
@Path("/v1/campaigns/{id}/nominations")
@Tag(name = "campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class NominationsResource {

    private final NominationService nominations;
    private final JsonWebToken token;

    NominationsResource(NominationService nominations, JsonWebToken token) {
        this.nominations = nominations;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "nominateCandidate", summary = "Nominate a candidate for a star selection",
            description = "While the campaign's NOMINATION stage is open (409 NOMINATION_CLOSED otherwise). By oneself "
                    + "(a current member of the campaign unit's subtree): selfEvaluation and deeds required. By a unit "
                    + "(the campaign's unit or one below it): a holder of ANNUAL_MANAGE on it. One nomination per person "
                    + "(409 NOMINATION_EXISTS); the nominee becomes a ratee. A nominee who fails an eligibility rule of "
                    + "the settings is refused with the rule's code (422 NOMINEE_BAND_TOO_LOW, NOMINEE_DISCIPLINED).")
    @APIResponse(responseCode = "201", description = "The nomination",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DecisionViews.Nomination.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response nominate(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @NotNull @Valid DecisionViews.NominationCreate request) {
        DecisionViews.Nomination nomination = nominations.nominate(id, request, token.getSubject());
        return Response.status(Response.Status.CREATED).tag(EntityTags.of(nomination.version())).entity(nomination)
                .build();
    }

    @DELETE
    @Path("{nominationId}")
    @Operation(operationId = "withdrawNomination", summary = "Withdraw a nomination",
            description = "By the nominee, or a holder of ANNUAL_MANAGE on the nominating unit (403 "
                    + "NOMINATION_NOT_YOURS otherwise), while nominations are open. The person is no longer a ratee.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response withdraw(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The nomination", required = true, schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @PathParam("nominationId") UUID nominationId) {
        nominations.withdraw(id, nominationId);
        return Response.noContent().build();
    }
}
