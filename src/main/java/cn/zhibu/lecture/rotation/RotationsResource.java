package cn.zhibu.lecture.rotation;

import cn.zhibu.lecture.LectureProblem;
import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.problem.ProblemMessages;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
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

/**
 * A branch's rotation (轮值) of party-day hosts and micro-lecture speakers: the plan and applying it, the rules,
 * members' exemptions and unavailable days, and units' blackouts.
 */
@Path("/v1/rotations/{id}")
@Tag(name = "lectures")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class RotationsResource {

    private final RotationService rotation;
    private final RotationRules rules;
    private final Coverage coverage;
    private final Access access;
    private final HttpHeaders headers;
    private final JsonWebToken token;

    RotationsResource(RotationService rotation, RotationRules rules, Coverage coverage, Access access,
            HttpHeaders headers, JsonWebToken token) {
        this.rotation = rotation;
        this.rules = rules;
        this.coverage = coverage;
        this.access = access;
        this.headers = headers;
        this.token = token;
    }

    @GET
    @Operation(operationId = "previewRotation", summary = "Preview the rotation of a branch's future sessions",
            description = "Hosts and speakers of every future PLANNED session as the rotation would make them "
                    + "now, each with its reason, against who has them today (changed marks the difference).")
    @APIResponseSchema(value = RotationViews.Plan.class, responseCode = "200", responseDescription = "The plan")
    public RotationViews.Plan preview(@Parameter(ref = "Id") @PathParam("id") UUID branchId) {
        branch(Action.PARTY_DAY_MANAGE, branchId);
        return rotation.preview(branchId, locale());
    }

    @POST
    @Path("apply")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "applyRotation", summary = "Apply the previewed rotation",
            description = "Writes the plan previewed under planId: hosts and speakers of future PLANNED sessions.")
    @APIResponseSchema(value = RotationViews.Plan.class, responseCode = "200",
            responseDescription = "The plan as now applied (no changes left)")
    @APIResponse(ref = "PreconditionFailed", responseCode = "412")
    public RotationViews.Plan apply(@Parameter(ref = "Id") @PathParam("id") UUID branchId,
            @NotNull @Valid RotationViews.Apply request) {
        branch(Action.PARTY_DAY_MANAGE, branchId);
        return rotation.apply(branchId, request.planId(), locale());
    }

    @GET
    @Path("coverage")
    @Operation(operationId = "getLectureCoverage", summary = "A branch's party-day coverage in a period",
            description = "培训覆盖面: the share of the branch's party members who attended at least one session "
                    + "(started, not cancelled) from `from` to `to`.")
    @APIResponseSchema(value = RotationViews.Coverage.class, responseCode = "200", responseDescription = "The figures")
    public RotationViews.Coverage coverage(@Parameter(ref = "Id") @PathParam("id") UUID branchId,
            @Parameter(ref = "From") @QueryParam("from") String from,
            @Parameter(ref = "To") @QueryParam("to") String to) {
        branch(Action.LECTURE_COVERAGE_READ, branchId);
        java.time.LocalDate today = rotation.today();
        java.time.LocalDate start = QueryParams.date("from", from).orElse(today.withDayOfYear(1));
        java.time.LocalDate end = QueryParams.date("to", to).orElse(today);
        if (end.isBefore(start) || start.plusYears(5).isBefore(end)) {
            throw new ProblemException(LectureProblem.LECTURE_DATES_INCONSISTENT, end.toString(), start.toString());
        }
        return coverage.of(branchId, start, end, access.allows(Action.PEOPLE_READ, branchId), locale());
    }

    @GET
    @Path("settings")
    @Operation(operationId = "getRotationSettings", summary = "A branch's rotation rules",
            description = "Newcomer days and whether probationary members lecture; the defaults until the branch "
                    + "chooses. For those who may see the branch's party days.")
    @APIResponse(responseCode = "200", description = "The rules", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RotationViews.Settings.class)))
    public Response settings(@Parameter(ref = "Id") @PathParam("id") UUID branchId) {
        branch(Action.PARTY_DAY_READ, branchId);
        RotationViews.Settings settings = rules.settings(branchId);
        return Response.ok(settings).tag(EntityTags.of(settings.version())).build();
    }

    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeRotationSettings", summary = "Choose a branch's rotation rules",
            description = "The first choice without If-Match, later ones with the ETag last read (412 when stale, "
                    + "428 without it). They count from the next preview.")
    @APIResponseSchema(value = RotationViews.Settings.class, responseCode = "200", responseDescription = "The rules")
    public Response choose(@Parameter(ref = "Id") @PathParam("id") UUID branchId,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid RotationViews.SettingsChange change) {
        branch(Action.PARTY_DAY_MANAGE, branchId);
        RotationViews.Settings settings = rules.choose(branchId, ifMatch, change);
        return Response.ok(settings).tag(EntityTags.of(settings.version())).build();
    }

    @GET
    @Path("absences")
    @Operation(operationId = "listSpeakerAbsences", summary = "Exemptions and unavailable days of a branch's members",
            description = "Secretaries and org admins of the branch see everyone's (or one person's with personId); "
                    + "a member sees their own. The latest 1000, latest first.")
    @APIResponseSchema(value = RotationViews.Absences.class, responseCode = "200", responseDescription = "The absences")
    public RotationViews.Absences absences(@Parameter(ref = "Id") @PathParam("id") UUID branchId,
            @Parameter(description = "Only this person's", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("personId") String personId) {
        Optional<UUID> person = QueryParams.uuid("personId", personId);
        if (!access.allows(Action.PARTY_DAY_MANAGE, branchId)) {
            branch(Action.PARTY_DAY_READ, branchId);
            UUID self = access.personId().orElseThrow(() -> new ProblemException(ProblemCode.FORBIDDEN));
            if (person.isPresent() && !person.get().equals(self)) {
                throw new ProblemException(ProblemCode.FORBIDDEN);
            }
            person = Optional.of(self);
        }
        return new RotationViews.Absences(rules.absences(branchId, person));
    }

    @POST
    @Path("absences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSpeakerAbsence", summary = "Exempt a member from lecturing, or mark days unavailable",
            description = "LEAVE, ILLNESS and OTHER exempt a party member of the branch for the dates "
                    + "(secretaries and org admins of the branch).")
    @APIResponseSchema(value = RotationViews.Absence.class, responseCode = "201", responseDescription = "The absence")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response absent(@Parameter(ref = "Id") @PathParam("id") UUID branchId,
            @NotNull @Valid RotationViews.AbsenceCreate request) {
        boolean own = request.kind() == AbsenceKind.UNAVAILABLE
                && access.personId().filter(request.personId()::equals).isPresent();
        if (!(own && access.allows(Action.PARTY_DAY_READ, branchId))) {
            branch(Action.PARTY_DAY_MANAGE, branchId);
        }
        return Response.status(201).entity(rules.absent(branchId, request, token.getSubject(), own)).build();
    }

    @DELETE
    @Path("absences/{absenceId}")
    @Operation(operationId = "deleteSpeakerAbsence", summary = "Remove an exemption or unavailable days",
            description = "Secretaries and org admins of the branch; a member their own unavailable days.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeAbsence(@Parameter(ref = "Id") @PathParam("id") UUID branchId,
            @Parameter(description = "The absence", required = true, schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @PathParam("absenceId") UUID absenceId) {
        branch(Action.PARTY_DAY_READ, branchId);
        RotationViews.Absence absence = rules.absence(branchId, absenceId)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        boolean own = absence.kind() == AbsenceKind.UNAVAILABLE
                && access.personId().filter(absence.personId()::equals).isPresent();
        if (!own) {
            if (!access.allows(Action.PARTY_DAY_MANAGE, branchId)) {
                throw new ProblemException(ProblemCode.NOT_FOUND);
            }
        }
        rules.removeAbsence(branchId, absenceId);
        return Response.noContent().build();
    }

    @GET
    @Path("blackouts")
    @Operation(operationId = "listHostBlackouts", summary = "Days the branch's units cannot host",
            description = "For those who may see the branch's party days. The latest 1000, latest first.")
    @APIResponseSchema(value = RotationViews.Blackouts.class, responseCode = "200",
            responseDescription = "The blackouts")
    public RotationViews.Blackouts blackouts(@Parameter(ref = "Id") @PathParam("id") UUID branchId) {
        branch(Action.PARTY_DAY_READ, branchId);
        return new RotationViews.Blackouts(rules.blackouts(branchId));
    }

    @POST
    @Path("blackouts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createHostBlackout", summary = "Mark days a unit cannot host",
            description = "For a party group or department of the branch (422 PARTY_DAY_HOST_NOT_IN_BRANCH "
                    + "otherwise); at most two years. They count from the next preview.")
    @APIResponseSchema(value = RotationViews.Blackout.class, responseCode = "201", responseDescription = "The blackout")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response blackout(@Parameter(ref = "Id") @PathParam("id") UUID branchId,
            @NotNull @Valid RotationViews.BlackoutCreate request) {
        branch(Action.PARTY_DAY_MANAGE, branchId);
        return Response.status(201).entity(rules.blackout(branchId, request, token.getSubject())).build();
    }

    @DELETE
    @Path("blackouts/{blackoutId}")
    @Operation(operationId = "deleteHostBlackout", summary = "Remove a unit's blackout",
            description = "Secretaries and org admins of the branch.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeBlackout(@Parameter(ref = "Id") @PathParam("id") UUID branchId,
            @Parameter(description = "The blackout", required = true, schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @PathParam("blackoutId") UUID blackoutId) {
        branch(Action.PARTY_DAY_MANAGE, branchId);
        rules.removeBlackout(branchId, blackoutId);
        return Response.noContent().build();
    }

    private Locale locale() {
        return ProblemMessages.of(headers);
    }

    /** The unit, seen as the action asks; not a branch: not found. */
    private void branch(Action action, UUID branchId) {
        access.require(action, branchId);
        rules.requireBranch(branchId);
    }
}
