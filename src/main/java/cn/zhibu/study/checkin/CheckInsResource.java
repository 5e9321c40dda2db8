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
import java.time.LocalDate;
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

/** Check-ins (学习打卡): members check in their day's study; reviewers clear or reject flagged ones. */
@Path("/v1/check-ins")
@Tag(name = "check-ins")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class CheckInsResource {

    private final CheckInService checkIns;
    private final CheckInStreaks streaks;
    private final CheckInAccess readers;
    private final Pagination pagination;
    private final Access access;
    private final JsonWebToken token;

    CheckInsResource(CheckInService checkIns, CheckInStreaks streaks, CheckInAccess readers, Pagination pagination,
            Access access, JsonWebToken token) {
        this.checkIns = checkIns;
        this.streaks = streaks;
        this.readers = readers;
        this.pagination = pagination;
        this.access = access;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(operationId = "createCheckIn", summary = "Check in today's study",
            description = "By the caller's own person (403 STUDY_NOT_A_PERSON for other accounts), for today as "
                    + "the server's clock says (Asia/Shanghai).")
    @APIResponse(responseCode = "201", description = "The check-in, its points and the streak",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CheckInViews.Receipt.class)))
    @APIResponse(ref = "CheckInExists", responseCode = "409")
    @APIResponse(ref = "CheckInRefused", responseCode = "422")
    public Response create(@Parameter(ref = "IdempotencyKey") @HeaderParam("Idempotency-Key") String key,
            @NotNull @Valid CheckInViews.Create request) {
        UUID person = readers.self();
        CheckInViews.Receipt receipt = checkIns.checkIn(person, readers.ownBranch(person), request, token.getSubject());
        return Response.created(URI.create("/v1/check-ins/" + receipt.checkIn().id())).entity(receipt).build();
    }

    @GET
    @Operation(operationId = "listCheckIns", summary = "A person's check-ins, latest day first",
            description = "Between `from` and `to` (business days of the years 2000 to 2100, inclusive, either "
                    + "open; 400 INVALID_PARAMETER otherwise), of every status.")
    @APIResponse(responseCode = "200", description = "One page of check-ins")
    public CheckInViews.Page list(
            @Parameter(description = "The person (default: the caller's own)", schema = @Schema(
                    type = SchemaType.STRING, format = "uuid")) @QueryParam("personId") String personId,
            @Parameter(ref = "From") @QueryParam("from") String from,
            @Parameter(ref = "To") @QueryParam("to") String to,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        Optional<UUID> named = QueryParams.uuid("personId", personId);
        Optional<LocalDate> first = QueryParams.date("from", from);
        Optional<LocalDate> last = QueryParams.date("to", to);
        for (var day : java.util.Map.of("from", first, "to", last).entrySet()) {
            if (day.getValue().filter(d -> d.getYear() < 2000 || d.getYear() > 2100).isPresent()) {
                throw new ProblemException(ProblemCode.INVALID_PARAMETER, day.getKey(), "a day of the years 2000 to 2100");
            }
        }
        if (first.isPresent() && last.isPresent() && last.get().isBefore(first.get())) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "to", "a day not before from");
        }
        UUID person = readers.personOrSelf(named);
        readers.requireReadable(person);
        Page<CheckInViews.View> page = checkIns.list(person, first, last, pagination.request(limit, cursor,
                "check-ins?person=" + person + "&from=" + first.map(LocalDate::toString).orElse("") + "&to="
                        + last.map(LocalDate::toString).orElse("")));
        return new CheckInViews.Page(page.items(), page.nextCursor());
    }

    @GET
    @Path("streak")
    @Operation(operationId = "getCheckInStreak", summary = "A person's study streak",
            description = "The current and longest runs of days with a credited check-in (see CheckInStreak). "
                    + "Without `personId`, the caller's own.")
    @APIResponseSchema(value = CheckInViews.Streak.class, responseCode = "200", responseDescription = "The streak")
    public CheckInViews.Streak streak(
            @Parameter(description = "The person (default: the caller's own)", schema = @Schema(
                    type = SchemaType.STRING, format = "uuid")) @QueryParam("personId") String personId) {
        UUID person = readers.personOrSelf(QueryParams.uuid("personId", personId));
        readers.requireReadable(person);
        return streaks.view(person);
    }

    @GET
    @Path("flagged")
    @Operation(operationId = "listFlaggedCheckIns", summary = "Flagged check-ins awaiting review",
            description = "Those of the branches in a unit's subtree, latest first: they have no points until cleared. "
                    + "Secretaries and org admins of the unit.")
    @APIResponse(responseCode = "200", description = "One page of flagged check-ins")
    public CheckInViews.Page flagged(
            @Parameter(required = true, description = "The unit (a branch, or a unit above branches)",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("unitId") String unitId,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        UUID unit = QueryParams.uuid("unitId", unitId)
                .orElseThrow(() -> new ProblemException(ProblemCode.INVALID_PARAMETER, "unitId", "UUID"));
        access.require(Action.CHECK_IN_REVIEW, unit);
        Page<CheckInViews.View> page = checkIns.flagged(unit, pagination.request(limit, cursor,
                "check-ins/flagged?unit=" + unit));
        return new CheckInViews.Page(page.items(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getCheckIn", summary = "Read one check-in",
            description = "A member reads their own; group leaders, secretaries and org admins those of people in "
                    + "their units.")
    @APIResponseSchema(value = CheckInViews.View.class, responseCode = "200", responseDescription = "The check-in")
    public CheckInViews.View get(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        CheckInViews.View checkIn = checkIns.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        readers.requireReadable(checkIn.personId());
        return checkIn;
    }

    @POST
    @Path("{id}/clear")
    @Operation(operationId = "clearCheckIn", summary = "Clear a flagged check-in",
            description = "The reviewer finds it plausible after all: it is credited now (CHECK_IN, dated to its "
                    + "own day, under that day's rule and caps, and STUDY_TIME for its study time where the branch has "
                    + "that rule) and counts for the streak.")
    @APIResponseSchema(value = CheckInViews.View.class, responseCode = "200",
            responseDescription = "The credited check-in")
    @APIResponse(ref = "ReviewForbidden", responseCode = "403")
    @APIResponse(ref = "ReviewConflict", responseCode = "409")
    public CheckInViews.View clear(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        reviewable(id);
        return checkIns.clear(id, token.getSubject());
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectCheckIn", summary = "Reject a flagged check-in",
            description = "With a reason: it stays uncredited for good, and still counts as the day's check-in "
                    + "(no second one that day).")
    @APIResponseSchema(value = CheckInViews.View.class, responseCode = "200",
            responseDescription = "The rejected check-in")
    @APIResponse(ref = "ReviewForbidden", responseCode = "403")
    @APIResponse(ref = "ReviewConflict", responseCode = "409")
    public CheckInViews.View reject(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @NotNull @Valid CheckInViews.Reason request) {
        reviewable(id);
        return checkIns.reject(id, request.reason(), token.getSubject());
    }

    private void reviewable(UUID id) {
        CheckInViews.View checkIn = checkIns.find(id).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        readers.requireReviewer(checkIn.personId(), checkIn.branchId());
    }
}
