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
            description = "Six random digits that sign in one member, valid for zhibu.party-days.sign-in-code-seconds "
                    + "(default 60): the current one while it is unused and unexpired, otherwise a new one, so a "
                    + "display asking every few seconds shows the next code as soon as one is used. While sign-in "
                    + "is open, from zhibu.party-days.sign-in-opens-minutes (default 30) before the start to the end "
                    + "(422 SIGN_IN_OUTSIDE_WINDOW otherwise); not for a cancelled session (409 PARTY_DAY_CLOSED). "
                    + "Secretaries and org admins of the branch. Never cached.")
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
            description = "By a member's own account (403 LECTURE_NOT_A_PERSON otherwise), a member of the session's "
                    + "branch now (422 ATTENDEE_NOT_MEMBER), while sign-in is open (422 SIGN_IN_OUTSIDE_WINDOW). "
                    + "The member becomes PRESENT (method CODE), replacing a LEAVE or ABSENT record, and is credited "
                    + "PARTY_DAY_ATTENDANCE once (0 points where the branch gives none). A code not shown for the "
                    + "session is 422 SIGN_IN_CODE_WRONG; after five of them the member's code sign-in is locked for "
                    + "the session (429 SIGN_IN_CODE_LOCKED, Retry-After: until sign-in closes; the secretary "
                    + "records the attendance). An expired code is 422 SIGN_IN_CODE_EXPIRED, one that signed in "
                    + "another member 409 SIGN_IN_CODE_USED. Safe to retry: signing in again once PRESENT, or with "
                    + "the code one used, answers the attendance and uses no code.")
    @APIResponse(responseCode = "200", description = "The member's attendance", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttendanceViews.View.class)))
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
                    + "PARTY_DAY_NOT_STARTED before); not for a cancelled session (409 PARTY_DAY_CLOSED). The person "
                    + "is a member of the branch on the session's day (422 ATTENDEE_NOT_MEMBER). PRESENT credits "
                    + "PARTY_DAY_ATTENDANCE once, whether the member also signed in with a code or not; recording "
                    + "PRESENT over PRESENT keeps the record. Changing PRESENT to LEAVE or ABSENT reverses the "
                    + "attendance's points in the ledger (a correction entry); PRESENT again credits them anew. "
                    + "Secretaries and org admins of the branch.")
    @APIResponse(responseCode = "200", description = "The member's attendance", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttendanceViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public AttendanceViews.View record(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The member", schema = @Schema(type = SchemaType.STRING, format = "uuid",
                    maxLength = 36)) @PathParam("personId") UUID personId,
            @NotNull @Valid AttendanceViews.Record request) {
        managed(id);
        return attendance.record(id, personId, request, token.getSubject(), locale());
    }

    @GET
    @Path("{id}/attendance")
    @Operation(operationId = "getPartyDayAttendance", summary = "The attendance roll of a party day",
            description = "Every member of the branch on the session's day (and anyone else with a record), by "
                    + "name, with PRESENT, LEAVE, ABSENT or NOT_RECORDED, and the counts of each. Not paged: at "
                    + "most 1000 entries (`truncated` says when there were more; the counts cover everyone). "
                    + "Secretaries and org admins of the branch, and group leaders granted on it (those who read "
                    + "lecture coverage and see people; API clients with stats:read read the coverage figures only).")
    @APIResponse(responseCode = "200", description = "The roll", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttendanceViews.Roll.class)))
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
