package cn.zhibu.annual.campaign.decision;

import cn.zhibu.platform.http.EntityTags;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The committee's decisions of member appraisals and star selections. */
@Path("/v1/campaigns/{id}/decisions")
@Tag(name = "campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class DecisionsResource {

    private final DecisionService decisions;
    private final JsonWebToken token;

    DecisionsResource(DecisionService decisions, JsonWebToken token) {
        this.decisions = decisions;
        this.token = token;
    }

    @PUT
    @Path("{personId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideRatee", summary = "Decide a ratee's outcome, with its reason",
            description = "Holders of ANNUAL_MANAGE on the campaign's unit, while its DECISION stage is open (409 "
                    + "DECISION_CLOSED otherwise). A member appraisal's outcome is a grade of its scale; a star "
                    + "selection's SELECTED or NOT_SELECTED. The best grade (or SELECTED) is given at most as the "
                    + "quota allows (422 DECISION_QUOTA_EXCEEDED, nothing stored): floor(share × ratees) with the "
                    + "share of zhibu.member-appraisal.best-share or the campaign's stricter quota; a star selection's "
                    + "quotaCount or floor(quotaShare × candidates). A first decision needs no If-Match; replacing one "
                    + "takes its ETag.")
    @APIResponseSchema(value = DecisionViews.Decision.class, responseCode = "200",
            responseDescription = "The decision")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response decide(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The ratee", required = true, schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @PathParam("personId") UUID personId,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid DecisionViews.DecisionChange request) {
        DecisionViews.Decision decision = decisions.decide(id, personId, ifMatch, request, token.getSubject());
        return EntityTags.changed(decision, decision.version());
    }

    @GET
    @Operation(operationId = "listDecisions", summary = "A campaign's decisions",
            description = "Holders of ANNUAL_MANAGE: all of them with the quota, at any time. Members, once a star "
                    + "selection's publicity opens or the campaign is closed (403 DECISIONS_NOT_PUBLISHED before): the "
                    + "best outcomes (as announced) and their own. Never who rated or decided what.")
    @APIResponseSchema(value = DecisionViews.Decisions.class, responseCode = "200",
            responseDescription = "The decisions, in the order first made")
    public DecisionViews.Decisions list(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        return decisions.list(id);
    }
}
