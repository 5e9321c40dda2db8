package cn.zhibu.study;

import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.idempotency.Idempotent;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

/** Study materials (学习资料): published by secretaries for a unit's subtree, studied and checked in by members. */
@Path("/v1/study-materials")
@Tag(name = "check-ins")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class StudyMaterialsResource {

    private static final String BASE = "/v1/study-materials/";

    private final StudyMaterialService materials;
    private final MaterialOpenings openings;
    private final Pagination pagination;
    private final Access access;
    private final BusinessCalendar calendar;
    private final JsonWebToken token;

    StudyMaterialsResource(StudyMaterialService materials, MaterialOpenings openings, Pagination pagination,
            Access access, BusinessCalendar calendar, JsonWebToken token) {
        this.materials = materials;
        this.openings = openings;
        this.pagination = pagination;
        this.access = access;
        this.calendar = calendar;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Operation(operationId = "createStudyMaterial", summary = "Publish a study material for a unit's subtree",
            description = "Secretaries and org admins of the audience unit. It opens at publishFrom (default: "
                    + "now) and closes at publishUntil (if any).")
    @APIResponse(responseCode = "201", description = "The material was created (or, on a replay, had been)",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StudyMaterialViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "StudyMaterialRefused", responseCode = "422")
    public Response create(@Parameter(ref = "IdempotencyKey") @HeaderParam("Idempotency-Key") String key,
            @NotNull @Valid StudyMaterialViews.Create request) {
        access.requireNamed(Action.STUDY_MATERIAL_WRITE, request.unitId(),
                () -> new ProblemException(StudyProblem.MATERIAL_UNIT_NOT_FOUND, request.unitId().toString()));
        StudyMaterialViews.View material = materials.create(request, token.getSubject());
        return Response.created(URI.create(BASE + material.id())).tag(EntityTags.of(material.version()))
                .entity(material).build();
    }

    @GET
    @Operation(operationId = "listStudyMaterials", summary = "Study materials open to me, or those of a unit",
            description = "Without `unitId`: the materials open to the caller now (their own person is in the "
                    + "audience, inside the publishing window, not withdrawn); empty for callers who are not a "
                    + "person.")
    @APIResponse(responseCode = "200", description = "One page of materials")
    public StudyMaterialViews.Page list(
            @Parameter(description = "List the materials of this unit's subtree (managers)", schema = @Schema(
                    type = SchemaType.STRING, format = "uuid")) @QueryParam("unitId") String unitId,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        Optional<UUID> unit = QueryParams.uuid("unitId", unitId);
        Page<StudyMaterialViews.View> page;
        if (unit.isPresent()) {
            access.require(Action.STUDY_MATERIAL_WRITE, unit.get());
            page = materials.under(unit.get(), pagination.request(limit, cursor, "study-materials?unit=" + unit.get()));
        } else {
            Optional<UUID> person = access.personId();
            var request = pagination.request(limit, cursor, "study-materials?person=" + person.map(UUID::toString)
                    .orElse(""));
            page = person.map(p -> materials.openTo(p, request)).orElseGet(() -> new Page<>(java.util.List.of(), null));
        }
        return new StudyMaterialViews.Page(page.items(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getStudyMaterial", summary = "Read one study material",
            description = "Once it has opened and until it is withdrawn, those in its audience and those whose "
                    + "roles reach its unit read it (a closed one too).")
    @APIResponseSchema(value = StudyMaterialViews.View.class, responseCode = "200",
            responseDescription = "The material")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response get(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        StudyMaterialViews.View material = materials.find(id).filter(this::readable)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        return EntityTags.read(material, material.version(), ifNoneMatch).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeStudyMaterial", summary = "Change a study material",
            description = "Its content and publishing window (the audience stays). Not once withdrawn.")
    @APIResponseSchema(value = StudyMaterialViews.View.class, responseCode = "200",
            responseDescription = "The changed material")
    @APIResponse(ref = "StudyMaterialConflict", responseCode = "409")
    @APIResponse(ref = "StudyMaterialRefused", responseCode = "422")
    public Response change(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid StudyMaterialViews.Change request) {
        writable(id);
        StudyMaterialViews.View material = materials.change(id, IfMatch.parse(ifMatch), request);
        return EntityTags.changed(material, material.version());
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(operationId = "withdrawStudyMaterial", summary = "Withdraw a study material",
            description = "Closes it from now on for good; it is kept, with the check-ins and quizzes made on it. "
                    + "Withdrawing it again changes nothing.")
    @APIResponseSchema(value = StudyMaterialViews.View.class, responseCode = "200",
            responseDescription = "The withdrawn material")
    public Response withdraw(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        writable(id);
        StudyMaterialViews.View material = materials.withdraw(id, IfMatch.parse(ifMatch));
        return EntityTags.changed(material, material.version());
    }

    @POST
    @Path("{id}/open")
    @Operation(operationId = "openStudyMaterial", summary = "Record that I open a study material now",
            description = "A member opens a material open to them (their own person is in its audience, inside "
                    + "its publishing window).")
    @APIResponseSchema(value = StudyMaterialViews.Opening.class, responseCode = "200",
            responseDescription = "Today's first opening")
    @APIResponse(ref = "CheckInRefused", responseCode = "422")
    public StudyMaterialViews.Opening open(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        UUID person = access.personId().orElseThrow(() -> new ProblemException(StudyProblem.STUDY_NOT_A_PERSON));
        return openings.open(person, materials.requireOpen(person, id, calendar.now()));
    }

    /**
     * Managers of its unit read a material in every state; once open and until withdrawn, so do those in its
     * audience and those whose roles reach its unit.
     */
    private boolean readable(StudyMaterialViews.View material) {
        if (access.allows(Action.STUDY_MATERIAL_WRITE, material.unitId())) {
            return true;
        }
        boolean published = material.withdrawnAt() == null && !material.publishFrom().isAfter(calendar.now());
        return published && (access.allows(Action.ORG_READ, material.unitId())
                || access.personId().map(person -> materials.inAudience(person, material.id())).orElse(false));
    }

    private void writable(UUID id) {
        StudyMaterialViews.View material = materials.find(id)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
        access.require(Action.STUDY_MATERIAL_WRITE, material.unitId());
    }
}
