package cn.zhibu.lecture.minutes;

import cn.zhibu.lecture.PartyDayAccess;
import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.security.Access;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The minutes (会议记录) of a session of any kind: read by those who see the branch's sessions, written and archived
 * by its secretaries and org admins, corrected after archiving only by addenda.
 */
@Path("/v1/party-days")
@Tag(name = "party-days")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class MinutesResource {

    private final MinutesService minutes;
    private final PartyDayAccess sessions;
    private final Access access;
    private final JsonWebToken token;

    MinutesResource(MinutesService minutes, PartyDayAccess sessions, Access access, JsonWebToken token) {
        this.minutes = minutes;
        this.sessions = sessions;
        this.access = access;
        this.token = token;
    }

    @GET
    @Path("{id}/minutes")
    @Operation(operationId = "getPartyDayMinutes", summary = "Read a session's minutes",
            description = "Host, recorder, topics, resolutions, notes, the attendance as recorded now (expected, "
                    + "present, on leave, absent, not recorded), whether archived, and the addenda. Before they are "
                    + "written: `written` false and version 0. The ETag is the record's version, for If-Match.")
    @APIResponse(responseCode = "200", description = "The minutes", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MinutesViews.View.class)))
    public Response get(@Parameter(ref = "Id") @PathParam("id") UUID id) {
        sessions.readable(id);
        MinutesViews.View view = minutes.view(id);
        return Response.ok(view).tag(EntityTags.of(view.version())).build();
    }

    @PUT
    @Path("{id}/minutes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "writePartyDayMinutes", summary = "Write or rewrite a session's minutes",
            description = "All of the record, replacing what was there; If-Match names the version read (\"0\" "
                    + "before the first writing). Host, recorder and owners are members of the branch on the "
                    + "session's day (422 MINUTES_PERSON_NOT_MEMBER). Not once archived (409 MINUTES_ARCHIVED), nor "
                    + "for a cancelled session (409 MINUTES_SESSION_CANCELLED). Secretaries and org admins.")
    @APIResponse(responseCode = "200", description = "The minutes as written",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MinutesViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response write(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid MinutesViews.Write request) {
        sessions.managed(id);
        MinutesViews.View view = minutes.write(id, IfMatch.parse(ifMatch), request, token.getSubject());
        return EntityTags.changed(view, view.version());
    }

    @POST
    @Path("{id}/minutes/archive")
    @Operation(operationId = "archivePartyDayMinutes", summary = "Archive a session's minutes",
            description = "Once the session is HELD (409 MINUTES_SESSION_NOT_HELD before). From then on the "
                    + "record never changes and the session's attachments are neither added nor removed (409 "
                    + "MINUTES_ARCHIVED); addenda correct it. Secretaries and org admins.")
    @APIResponse(responseCode = "200", description = "The archived minutes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MinutesViews.View.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    public Response archive(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @Parameter(ref = "IfMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        sessions.managed(id);
        MinutesViews.View view = minutes.archive(id, IfMatch.parse(ifMatch), token.getSubject());
        return EntityTags.changed(view, view.version());
    }

    @POST
    @Path("{id}/minutes/addenda")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addPartyDayMinutesAddendum", summary = "Correct archived minutes with an addendum",
            description = "Only on archived minutes (409 MINUTES_NOT_ARCHIVED before). Keeps who wrote it (the "
                    + "token's subject, and the person of a person's account) and when; never changed or removed. "
                    + "Secretaries and org admins.")
    @APIResponse(responseCode = "201", description = "The addendum",
            headers = @Header(name = "Location", ref = "Location"), content = @Content(
                    mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MinutesViews.Addendum.class)))
    @APIResponse(ref = "Conflict", responseCode = "409")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response addendum(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @NotNull @Valid MinutesViews.AddendumCreate request) {
        sessions.managed(id);
        MinutesViews.Addendum addendum = minutes.addendum(id, request, token.getSubject(),
                access.personId().orElse(null));
        return Response.created(URI.create("/v1/party-days/" + id + "/minutes")).entity(addendum).build();
    }
}
