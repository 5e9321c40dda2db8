package cn.zhibu.notify;

import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
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
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A branch's quiet hours (免打扰时段), when no WeChat message is sent to its members. */
@Path("/v1/org-units/{id}/quiet-hours")
@Tag(name = "notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class QuietHoursResource {

    private final QuietHoursChoice quietHours;
    private final Access access;
    private final JsonWebToken token;

    QuietHoursResource(QuietHoursChoice quietHours, Access access, JsonWebToken token) {
        this.quietHours = quietHours;
        this.access = access;
        this.token = token;
    }

    @GET
    @Operation(operationId = "getQuietHours", summary = "A branch's quiet hours",
            description = "When no WeChat message is sent to its members: its own choice, else the service's "
                    + "default (22:00 to 07:30 in the business time zone). The ETag is the version of its own "
                    + "choice (0: none), for If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The branch's quiet hours", headers = @Header(name = "ETag",
            ref = "ETag"), content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NotificationViews.Quiet.class)))
    @APIResponse(ref = "NotModified", responseCode = "304")
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response quietHours(@Parameter(ref = "Id") @PathParam("id") UUID unitId,
            @Parameter(ref = "IfNoneMatch") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        access.require(Action.ORG_READ, unitId);
        NotificationViews.Quiet found = quietHours.find(unitId);
        return EntityTags.read(found, found.version(), ifNoneMatch).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putQuietHours", summary = "Choose a branch's quiet hours",
            description = "WeChat messages due in them wait until they end (the inbox shows them at once). A window "
                    + "may run over midnight; equal ends mean none. Only a branch chooses (422 "
                    + "QUIET_HOURS_NOT_A_BRANCH). The first choice needs no If-Match (or \"0\"), later ones the "
                    + "ETag read. Who may: its secretaries and org admins.")
    @APIResponse(responseCode = "200", description = "The branch's quiet hours now", headers = @Header(
            name = "ETag", ref = "ETag"), content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NotificationViews.Quiet.class)))
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "PreconditionFailed", responseCode = "412")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    @APIResponse(ref = "PreconditionRequired", responseCode = "428")
    public Response chooseQuietHours(@Parameter(ref = "Id") @PathParam("id") UUID unitId,
            @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "The ETag last read; not needed "
                    + "for the branch's first choice", schema = @Schema(maxLength = 300, pattern = IfMatch.PATTERN))
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid NotificationViews.QuietChange change) {
        access.require(Action.NOTIFICATION_SETTINGS_WRITE, unitId);
        NotificationViews.Quiet chosen = quietHours.choose(unitId, ifMatch, change, token.getSubject());
        return EntityTags.changed(chosen, chosen.version());
    }
}
