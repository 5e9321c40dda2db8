package cn.zhibu.annual.campaign.decision;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A star selection's candidate cards. */
@Path("/v1/campaigns/{id}/candidates")
@Tag(name = "campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class CandidatesResource {

    private final NominationService nominations;

    CandidatesResource(NominationService nominations) {
        this.nominations = nominations;
    }

    @GET
    @Operation(operationId = "listCandidates", summary = "A campaign's candidate cards",
            description = "For those who may read the campaign unit's annual cycle (and members of its subtree). Per "
                    + "nominee: how nominated, their self-evaluation and deeds, and the year's record (points, the "
                    + "band they earn for reference, lectures delivered, attendance, study hours) as one input among "
                    + "others the committee weighs, never a verdict or a ranking; and, for managers only, whether the "
                    + "eligibility rules hold.")
    @APIResponseSchema(value = DecisionViews.Candidates.class, responseCode = "200",
            responseDescription = "The candidates, in the order nominated")
    public DecisionViews.Candidates list(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        return nominations.candidates(id);
    }
}
