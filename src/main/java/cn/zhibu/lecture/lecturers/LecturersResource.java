package cn.zhibu.lecture.lecturers;

import cn.zhibu.lecture.PartyDayAccess;
import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.IfMatch;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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

/** The lecturers of a party lecture, an integrity education session or a field teaching session. */
@Path("/v1/party-days/{id}/lecturers")
@Tag(name = "party-days")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class LecturersResource {

    private final LecturerService lecturers;
    private final Access access;
    private final PartyDayAccess sessions;
    private final JsonWebToken token;

    LecturersResource(LecturerService lecturers, Access access, PartyDayAccess sessions, JsonWebToken token) {
        this.lecturers = lecturers;
        this.access = access;
        this.sessions = sessions;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createLecturer", summary = "Add a lecturer to a session",
            description = "To a PARTY_LECTURE, INTEGRITY_EDUCATION or FIELD_TEACHING session (409 "
                    + "LECTURER_WRONG_KIND otherwise), not cancelled and not yet held, at most five: a person of zhibu "
                    + "(active, and one the caller can see or a member of the branch) or an invited guest.")
    @APIResponse(responseCode = "201", description = "The lecturer",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LecturerViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response add(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @NotNull @Valid LecturerViews.Create request) {
        sessions.managed(id);
        LecturerViews.View lecturer = lecturers.add(id, request, access.reach(Action.PEOPLE_READ),
                token.getSubject());
        return Response.created(URI.create("/v1/party-days/" + id + "/lecturers/" + lecturer.id()))
                .tag(EntityTags.of(lecturer.version())).entity(lecturer).build();
    }

    @GET
    @Operation(operationId = "listLecturers", summary = "A session's lecturers, in order",
            description = "For those who may see the branch's party days.")
    @APIResponseSchema(value = LecturerViews.Lecturers.class, responseCode = "200",
            responseDescription = "The lecturers")
    public LecturerViews.Lecturers list(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        sessions.readable(id);
        return lecturers.list(id);
    }

    @GET
    @Path("{lecturerId}")
    @Operation(operationId = "getLecturer", summary = "Read a lecturer of a session",
            description = "Sends an ETag; with If-None-Match naming it, answers 304.")
    @APIResponseSchema(value = LecturerViews.View.class, responseCode = "200", responseDescription = "The lecturer")
    @APIResponse(ref = "NotModified", responseCode = "304")
    public Response get(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The lecturer", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("lecturerId") UUID lecturerId,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        sessions.readable(id);
        LecturerViews.View lecturer = lecturers.get(id, lecturerId);
        return EntityTags.read(lecturer, lecturer.version(), ifNoneMatch).build();
    }

    @PUT
    @Path("{lecturerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeLecturer", summary = "Change a lecturer of a session",
            description = "All of its details; once the session is HELD only the topic and materials (409 "
                    + "LECTURER_SESSION_HELD).")
    @APIResponseSchema(value = LecturerViews.View.class, responseCode = "200",
            responseDescription = "The changed lecturer")
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response change(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The lecturer", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("lecturerId") UUID lecturerId,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid LecturerViews.Change request) {
        sessions.managed(id);
        LecturerViews.View lecturer = lecturers.change(id, lecturerId, IfMatch.parse(ifMatch), request,
                access.reach(Action.PEOPLE_READ));
        return EntityTags.changed(lecturer, lecturer.version());
    }

    @DELETE
    @Path("{lecturerId}")
    @Operation(operationId = "deleteLecturer", summary = "Remove a lecturer from a session",
            description = "Before the session is held (409 LECTURER_SESSION_HELD after).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response delete(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(description = "The lecturer", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("lecturerId") UUID lecturerId,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        sessions.managed(id);
        lecturers.delete(id, lecturerId, IfMatch.parse(ifMatch));
        return Response.noContent().build();
    }
}
