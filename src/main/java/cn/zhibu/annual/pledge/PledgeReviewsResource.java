package cn.zhibu.annual.pledge;

import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
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
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The year-end review (践诺) of a member's signed pledge: their self-assessment, then the secretary's comment. */
@Path("/v1/pledges/{id}/reviews/{personId}")
@Tag(name = "annual")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class PledgeReviewsResource {

    private final PledgeReviewService reviews;
    private final PledgeAccess guard;
    private final JsonWebToken token;

    PledgeReviewsResource(PledgeReviewService reviews, PledgeAccess guard, JsonWebToken token) {
        this.reviews = reviews;
        this.guard = guard;
        this.token = token;
    }

    @GET
    @Operation(operationId = "getPledgeReview", summary = "A member's review of a pledge they signed",
            description = "The member themself, and those who manage the pledge's unit. 404 if they have not signed.")
    @APIResponseSchema(value = PledgeViews.Review.class, responseCode = "200", responseDescription = "The review")
    public Response get(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The member", required = true) @PathParam("personId") UUID personId) {
        guard.reviewReadable(id, personId);
        PledgeViews.Review review = reviews.review(id, personId);
        return Response.ok(review).tag(EntityTags.of(review.version())).build();
    }

    @PUT
    @Path("self-assessment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assessPledge", summary = "The member's self-assessment of the standards they signed",
            description = "By the member themself (403 PLEDGE_REVIEW_NOT_YOURS for others), after signing (409 "
                    + "PLEDGE_NOT_SIGNED), every standard once, until the secretary has commented (409 "
                    + "PLEDGE_REVIEW_COMMENTED). Replaces an earlier one; If-Match, when sent, names its version.")
    @APIResponseSchema(value = PledgeViews.Review.class, responseCode = "200", responseDescription = "The review")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    @APIResponse(ref = "PreconditionFailed", responseCode = "412")
    public Response assess(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The member", required = true) @PathParam("personId") UUID personId,
            @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "The ETag of the review last read; "
                    + "optional (the member alone writes it), checked when sent", schema = @Schema(maxLength = 300,
                    pattern = IfMatch.PATTERN)) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PledgeViews.SelfAssessment request) {
        guard.readable(id);
        if (!personId.equals(guard.caller())) {
            throw new ProblemException(PledgeProblem.PLEDGE_REVIEW_NOT_YOURS);
        }
        Optional<IfMatch> precondition = ifMatch == null || ifMatch.isBlank() ? Optional.empty()
                : Optional.of(IfMatch.parse(ifMatch));
        PledgeViews.Review review = reviews.assess(id, personId, precondition, request);
        return EntityTags.changed(review, review.version());
    }

    @PUT
    @Path("comment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "commentPledgeReview", summary = "The secretary's comment on a self-assessment",
            description = "Those who manage the pledge's unit, once the member has assessed (409 PLEDGE_NOT_ASSESSED "
                    + "before), at the review's version (If-Match). From then on the self-assessment stands.")
    @APIResponseSchema(value = PledgeViews.Review.class, responseCode = "200", responseDescription = "The review")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response comment(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The member", required = true) @PathParam("personId") UUID personId,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PledgeViews.Comment request) {
        guard.managed(id);
        if (guard.isCaller(personId)) {
            // a secretary's own pledge is reviewed by another of the branch's managers
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
        PledgeViews.Review review = reviews.comment(id, personId, IfMatch.parse(ifMatch), request.comment(),
                token.getSubject());
        return EntityTags.changed(review, review.version());
    }
}
