package cn.zhibu.study.checkin;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
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

/** Make-ups (补卡): members ask to check in a missed day; reviewers of their branch approve or reject. */
@Path("/v1/check-ins/make-ups")
@Tag(name = "check-ins")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class MakeUpsResource {

    private final MakeUpService makeUps;
    private final CheckInAccess readers;
    private final Pagination pagination;
    private final Access access;
    private final JsonWebToken token;

    MakeUpsResource(MakeUpService makeUps, CheckInAccess readers, Pagination pagination, Access access,
            JsonWebToken token) {
        this.makeUps = makeUps;
        this.readers = readers;
        this.pagination = pagination;
        this.access = access;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(operationId = "requestMakeUp", summary = "Ask to check in a missed day",
            description = "By the caller's own person (403 STUDY_NOT_A_PERSON for other accounts).")
    @APIResponse(responseCode = "201", description = "The pending request",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CheckInViews.MakeUpView.class)))
    @APIResponse(ref = "CheckInExists", responseCode = "409")
    @APIResponse(ref = "CheckInRefused", responseCode = "422")
    public Response request(@Parameter(ref = "IdempotencyKey") @HeaderParam("Idempotency-Key") String key,
            @NotNull @Valid CheckInViews.MakeUpCreate request) {
        UUID person = readers.self();
        CheckInViews.MakeUpView makeUp = makeUps.request(person, readers.branchOf(person), request,
                token.getSubject());
        return Response.created(URI.create("/v1/check-ins/make-ups/" + makeUp.id())).entity(makeUp).build();
    }

    @GET
    @Operation(operationId = "listMakeUps", summary = "Make-up requests of a unit, or of a person",
            description = "With `unitId`: the requests of the branches in that unit's subtree in a status "
                    + "(default PENDING: the reviewer's queue), for its secretaries and org admins.")
    @APIResponse(responseCode = "200", description = "One page of make-up requests")
    public CheckInViews.MakeUpPage list(
            @Parameter(description = "The unit whose branches' requests to list (reviewers)", schema = @Schema(
                    type = SchemaType.STRING, format = "uuid")) @QueryParam("unitId") String unitId,
            @Parameter(description = "With unitId: the status to list (default PENDING)", schema = @Schema(
                    implementation = MakeUpStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "The person whose requests to list (default: the caller's own)", schema = @Schema(
                    type = SchemaType.STRING, format = "uuid")) @QueryParam("personId") String personId,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        Optional<UUID> unit = QueryParams.uuid("unitId", unitId);
        Optional<UUID> named = QueryParams.uuid("personId", personId);
        if (unit.isPresent() && named.isPresent()) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "personId", "unitId | personId");
        }
        Page<CheckInViews.MakeUpView> page;
        if (unit.isPresent()) {
            MakeUpStatus wanted = status(status);
            access.require(Action.CHECK_IN_REVIEW, unit.get());
            page = makeUps.forUnit(unit.get(), wanted, pagination.request(limit, cursor,
                    "make-ups?unit=" + unit.get() + "&status=" + wanted));
        } else {
            if (status != null && !status.isEmpty()) {
                throw new ProblemException(ProblemCode.INVALID_PARAMETER, "status", "only with unitId");
            }
            UUID person = readers.personOrSelf(named);
            readers.requireReadable(person);
            page = makeUps.forPerson(person, pagination.request(limit, cursor, "make-ups?person=" + person));
        }
        return new CheckInViews.MakeUpPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getMakeUp", summary = "Read one make-up request",
            description = "A member reads their own; group leaders, secretaries and org admins those of people in "
                    + "their units.")
    @APIResponseSchema(value = CheckInViews.MakeUpView.class, responseCode = "200", responseDescription = "The request")
    public CheckInViews.MakeUpView get(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        CheckInViews.MakeUpView makeUp = makeUps.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        readers.requireReadable(makeUp.personId());
        return makeUp;
    }

    @POST
    @Path("{id}/approve")
    @Operation(operationId = "approveMakeUp", summary = "Approve a make-up request",
            description = "Makes the check-in on the missed day and credits MAKE_UP_CHECK_IN dated to it (under "
                    + "that day's rule and caps; 0 points where the branch gives none).")
    @APIResponseSchema(value = CheckInViews.MakeUpView.class, responseCode = "200",
            responseDescription = "The approved request, with its check-in and points")
    @APIResponse(ref = "ReviewForbidden", responseCode = "403")
    @APIResponse(ref = "ReviewConflict", responseCode = "409")
    public CheckInViews.MakeUpView approve(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        reviewable(id);
        return makeUps.approve(id, token.getSubject());
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectMakeUp", summary = "Reject a make-up request",
            description = "With a reason; nothing is credited, and it no longer counts against the monthly limit. "
                    + "Decided once: 409 MAKE_UP_ALREADY_DECIDED after.")
    @APIResponseSchema(value = CheckInViews.MakeUpView.class, responseCode = "200",
            responseDescription = "The rejected request")
    @APIResponse(ref = "ReviewForbidden", responseCode = "403")
    @APIResponse(ref = "ReviewConflict", responseCode = "409")
    public CheckInViews.MakeUpView reject(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @NotNull @Valid CheckInViews.Reason request) {
        reviewable(id);
        return makeUps.reject(id, request.reason(), token.getSubject());
    }

    private void reviewable(UUID id) {
        CheckInViews.MakeUpView makeUp = makeUps.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        readers.requireReviewer(makeUp.personId(), makeUp.branchId());
    }

    private static MakeUpStatus status(String text) {
        if (text == null || text.isEmpty()) {
            return MakeUpStatus.PENDING;
        }
        try {
            return MakeUpStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "status", "PENDING, APPROVED or REJECTED");
        }
    }
}
