package cn.zhibu.lecture.attendance;

import cn.zhibu.lecture.LectureProblem;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.problem.ProblemMessages;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
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

/** Attendance of party days: codes shown on site, members signing in with them, secretaries recording it. */
@Path("/v1/party-days")
@Tag(name = "party-days")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class AttendanceResource {

    private final AttendanceService attendance;
    private final AttendanceRoll roll;
    private final Access access;
    private final JsonWebToken token;
    private final HttpHeaders headers;

    AttendanceResource(AttendanceService attendance, AttendanceRoll roll, Access access, JsonWebToken token,
            HttpHeaders headers) {
        this.attendance = attendance;
        this.roll = roll;
        this.access = access;
        this.token = token;
        this.headers = headers;
    }

    @GET
    @Path("{id}/sign-in-code")
    @Operation(operationId = "getPartyDaySignInCode", summary = "The sign-in code to show on site",
            description = "Six random digits that sign in one member, valid for "
                    + "zhibu.party-days.sign-in-code-seconds (default 60).")
    @APIResponse(responseCode = "200", description = "The code", headers = @Header(name = "Cache-Control",
            description = "no-store: the code is never kept by caches", schema = @Schema(type = SchemaType.STRING,
                    maxLength = 8, enumeration = "no-store")), content = @Content(
                    mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AttendanceViews.Code.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response code(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        managed(id);
        return Response.ok(attendance.code(id)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("{id}/attendance/sign-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signInToPartyDay", summary = "Sign in to a party day with the code shown on site",
            description = "By a member's own account (403 LECTURE_NOT_A_PERSON otherwise), a member of the "
                    + "session's branch now (422 ATTENDEE_NOT_MEMBER), while sign-in is open (422 "
                    + "SIGN_IN_OUTSIDE_WINDOW).")
    @APIResponseSchema(value = AttendanceViews.View.class, responseCode = "200",
            responseDescription = "The member's attendance")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public AttendanceViews.View signIn(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @NotNull @Valid AttendanceViews.SignIn request) {
        UUID person = access.personId().orElseThrow(() -> new ProblemException(LectureProblem.LECTURE_NOT_A_PERSON));
        readable(id);
        return attendance.signIn(id, person, request.code(), token.getSubject());
    }

    @PUT
    @Path("{id}/attendance/{personId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordPartyDayAttendance", summary = "Record a member's attendance or leave",
            description = "PRESENT, LEAVE (请假, with a reason) or ABSENT, once the session has started (409 "
                    + "PARTY_DAY_NOT_STARTED before); not for a cancelled session (409 PARTY_DAY_CLOSED).")
    @APIResponseSchema(value = AttendanceViews.View.class, responseCode = "200",
            responseDescription = "The member's attendance")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public AttendanceViews.View record(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The member", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("personId") UUID personId,
            @NotNull @Valid AttendanceViews.Record request) {
        managed(id);
        return attendance.record(id, personId, request, token.getSubject(), locale());
    }

    @GET
    @Path("{id}/attendance")
    @Operation(operationId = "getPartyDayAttendance", summary = "The attendance roll of a party day",
            description = "Every member of the branch on the session's day (and anyone else with a record), by "
                    + "name, with PRESENT, LEAVE, ABSENT or NOT_RECORDED, and the counts of each.")
    @APIResponseSchema(value = AttendanceViews.Roll.class, responseCode = "200", responseDescription = "The roll")
    public AttendanceViews.Roll roll(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        UUID branch = readable(id);
        if (!access.allows(Action.PARTY_DAY_MANAGE, branch) && !(access.allows(Action.LECTURE_COVERAGE_READ, branch)
                && access.allows(Action.PEOPLE_READ, branch))) {
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
        return roll.roll(id);
    }

    /** The session's branch; 404 unless the caller may see its party days. */
    private UUID readable(UUID id) {
        UUID branch = attendance.branchOf(id);
        if (!access.allows(Action.PARTY_DAY_READ, branch)) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        return branch;
    }

    private void managed(UUID id) {
        access.require(Action.PARTY_DAY_MANAGE, readable(id));
    }

    private Locale locale() {
        return ProblemMessages.of(headers);
    }
}
