package cn.zhibu.notify;

import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.notice.NoticeKind;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A branch's quiet hours, and the operators' view of WeChat deliveries. */
@Path("/v1")
@Tag(name = "notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class NotificationSettingsResource {

    private final QuietHoursChoice quietHours;
    private final DeliveryLog deliveries;
    private final Access access;
    private final Pagination pagination;
    private final JsonWebToken token;

    NotificationSettingsResource(QuietHoursChoice quietHours, DeliveryLog deliveries, Access access,
            Pagination pagination, JsonWebToken token) {
        this.quietHours = quietHours;
        this.deliveries = deliveries;
        this.access = access;
        this.pagination = pagination;
        this.token = token;
    }

    @GET
    @Path("org-units/{id}/quiet-hours")
    @Operation(operationId = "getQuietHours", summary = "A branch's quiet hours",
            description = "When no WeChat message is sent to its members: its own choice, else the service's "
                    + "default (22:00 to 07:30 in the business time zone). The ETag is the version of its own "
                    + "choice (0: none), for If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The branch's quiet hours", headers = @Header(name = "ETag",
            ref = "ETag"), content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NotificationViews.Quiet.class)))
    @APIResponse(ref = "NotFound", responseCode = "404")
    @APIResponse(ref = "UnprocessableContent", responseCode = "422")
    public Response quietHours(@Parameter(ref = "Id") @PathParam("id") UUID unitId) {
        access.require(Action.ORG_READ, unitId);
        NotificationViews.Quiet found = quietHours.find(unitId);
        return Response.ok(found).tag(EntityTags.of(found.version())).build();
    }

    @PUT
    @Path("org-units/{id}/quiet-hours")
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

    @GET
    @Path("notification-deliveries")
    @Operation(operationId = "listNotificationDeliveries", summary = "WeChat deliveries of notices, the latest due "
            + "first", description = "Each message's state, attempts and last error, for operators. With `unitId`, "
                    + "the messages to people of branches in that unit's subtree; without it, every message (for "
                    + "those who may read deliveries everywhere). Who may: org admins.")
    @APIResponseSchema(value = NotificationViews.DeliveryPage.class, responseCode = "200",
            responseDescription = "One page of deliveries")
    @APIResponse(ref = "NotFound", responseCode = "404")
    public NotificationViews.DeliveryPage deliveries(
            @Parameter(description = "People of branches in this unit's subtree", schema = @Schema(
                    type = SchemaType.STRING, format = "uuid")) @QueryParam("unitId") String unitId,
            @Parameter(description = "Only this state", schema = @Schema(
                    implementation = NotificationViews.DeliveryState.class)) @QueryParam("state") String state,
            @Parameter(description = "Only this kind", schema = @Schema(implementation = NoticeKind.class))
            @QueryParam("kind") String kind,
            @Parameter(description = "Only messages to this person", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("personId") String personId,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor) {
        Optional<UUID> unit = QueryParams.uuid("unitId", unitId);
        if (unit.isPresent()) {
            access.require(Action.NOTIFICATION_DELIVERY_READ, unit.get());
        } else {
            access.requireEverywhere(Action.NOTIFICATION_DELIVERY_READ);
        }
        DeliveryLog.Filter filter = new DeliveryLog.Filter(
                named("state", state, NotificationViews.DeliveryState.class),
                named("kind", kind, NoticeKind.class), QueryParams.uuid("personId", personId).orElse(null),
                unit.orElse(null));
        Page<NotificationViews.Delivery> page = deliveries.list(filter, pagination.request(limit, cursor,
                "notification-deliveries?unit=" + filter.unitId() + "&state=" + filter.state() + "&kind="
                        + filter.kind() + "&person=" + filter.personId()));
        return new NotificationViews.DeliveryPage(page.items(), page.nextCursor());
    }

    private static <E extends Enum<E>> E named(String parameter, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemCode.INVALID_PARAMETER, parameter,
                        Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
