package cn.zhibu.annual.campaign;

import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Taking part in a campaign: reporters' reports, members' (and units') ballots, one's own ballots, and the
 * results. Rating is voluntary; no answer names a rater except to the rater themself.
 */
@Path("/v1/campaigns/{id}")
@Tag(name = "campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class CampaignBallotsResource {

    private final CampaignService campaigns;
    private final CampaignReports reports;
    private final CampaignBallots ballots;
    private final CampaignResults results;
    private final CampaignRaters raters;
    private final Access access;

    CampaignBallotsResource(CampaignService campaigns, CampaignReports reports, CampaignBallots ballots,
            CampaignResults results, CampaignRaters raters, Access access) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.ballots = ballots;
        this.results = results;
        this.raters = raters;
        this.access = access;
    }

    @PUT
    @Path("reports/{personId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "writeCampaignReport", summary = "Write one's report (述职报告)",
            description = "By the reporter themself (403 CAMPAIGN_NOT_THE_REPORTER otherwise), while REPORTING is "
                    + "open (409 CAMPAIGN_STAGE_NOT_OPEN). Writing again replaces it.")
    @APIResponseSchema(value = CampaignBallotViews.Report.class, responseCode = "200",
            responseDescription = "The report")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public CampaignBallotViews.Report writeReport(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The reporter") @PathParam("personId") UUID personId,
            @NotNull @Valid CampaignBallotViews.ReportWrite request) {
        readable(id);
        return reports.write(id, personId, person(), request);
    }

    @GET
    @Path("reports")
    @Operation(operationId = "listCampaignReports", summary = "Read the reports",
            description = "Every member reads them: they are meant to be read before rating.")
    @APIResponseSchema(value = CampaignBallotViews.Reports.class, responseCode = "200",
            responseDescription = "The reports submitted so far")
    public CampaignBallotViews.Reports listReports(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        readable(id);
        return new CampaignBallotViews.Reports(reports.list(id));
    }

    @PUT
    @Path("ballots/{stage}/{rateeId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "castCampaignBallot", summary = "Rate a ratee",
            description = "In an open SELF_EVALUATION (one's own grade only) or PEER_EVALUATION (never oneself: 422 "
                    + "CAMPAIGN_SELF_RATING); 409 CAMPAIGN_STAGE_NOT_OPEN otherwise, nothing stored. By a current "
                    + "party member of the campaign's unit, or for a child unit (onBehalfOfUnitId, star selections "
                    + "with unit raters) by its secretary, org admin or group leader. One ballot per rater, ratee and "
                    + "stage: casting again replaces it. Voluntary: nobody is reminded.")
    @APIResponseSchema(value = CampaignBallotViews.Ballot.class, responseCode = "200",
            responseDescription = "The ballot as stored")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public CampaignBallotViews.Ballot cast(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "SELF_EVALUATION or PEER_EVALUATION") @PathParam("stage") StageKind stage,
            @Parameter(description = "Who is rated") @PathParam("rateeId") UUID rateeId,
            @NotNull @Valid CampaignBallotViews.Cast request) {
        readable(id);
        return ballots.cast(id, stage, rater(request.onBehalfOfUnitId()), rateeId, request.grade());
    }

    @DELETE
    @Path("ballots/{stage}/{rateeId}")
    @Operation(operationId = "withdrawCampaignBallot", summary = "Withdraw one's ballot",
            description = "While the stage is open (409 CAMPAIGN_STAGE_NOT_OPEN after); 404 when there is none.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public void withdraw(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "SELF_EVALUATION or PEER_EVALUATION") @PathParam("stage") StageKind stage,
            @Parameter(description = "Who was rated") @PathParam("rateeId") UUID rateeId,
            @Parameter(description = "The unit the ballot was cast for; none: the caller's own",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("onBehalfOfUnitId") String unitId) {
        readable(id);
        ballots.withdraw(id, stage, rater(QueryParams.uuid("onBehalfOfUnitId", unitId).orElse(null)), rateeId);
    }

    @GET
    @Path("my-ballots")
    @Operation(operationId = "listMyCampaignBallots", summary = "The caller's own ballots",
            description = "And those of the units the caller votes for. Empty for an account without a person.")
    @APIResponseSchema(value = CampaignBallotViews.Ballots.class, responseCode = "200",
            responseDescription = "The caller's ballots")
    public CampaignBallotViews.Ballots mine(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        readable(id);
        return access.personId().map(person -> new CampaignBallotViews.Ballots(ballots.mine(id, person,
                unit -> raters.speaksFor(person, unit))))
                .orElseGet(() -> new CampaignBallotViews.Ballots(java.util.List.of()));
    }

    @GET
    @Path("results")
    @Operation(operationId = "getCampaignResults", summary = "A campaign's results",
            description = "Per ratee the count of each grade of the peer evaluation and its raters (counts only from "
                    + "zhibu.campaigns.min-raters raters on), and each ballot-taking stage's participation. Managers "
                    + "see the counts once rating is over (the committee weighs them), participation only before; "
                    + "members once the campaign is CLOSED (409 CAMPAIGN_RESULTS_NOT_PUBLISHED before), of a member "
                    + "appraisal their own row only.")
    @APIResponseSchema(value = CampaignBallotViews.Results.class, responseCode = "200",
            responseDescription = "The results")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public CampaignBallotViews.Results results(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        UUID unit = readable(id);
        boolean manager = access.allows(Action.ANNUAL_MANAGE, unit);
        return results.published(id, access.personId().orElse(null), manager);
    }

    /** The caller as a rater: their person, for themself or for a unit they may act for. */
    private CampaignBallots.Rater rater(UUID unitId) {
        UUID person = person();
        return unitId == null ? CampaignBallots.Rater.person(person)
                : new CampaignBallots.Rater(person, unitId, raters.speaksFor(person, unitId));
    }

    private UUID person() {
        return access.personId().orElseThrow(() -> new ProblemException(CampaignProblem.CAMPAIGN_NOT_A_PERSON));
    }

    /** The campaign's unit, if the caller may see its annual cycle; otherwise not found. */
    private UUID readable(UUID id) {
        UUID unit = campaigns.unitOf(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        if (!access.allows(Action.ANNUAL_READ, unit)) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return unit;
    }
}
