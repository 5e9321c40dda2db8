package cn.zhibu.notify;

import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operators' view of WeChat deliveries of notices. */
@Path("/v1/notification-deliveries")
@Tag(name = "notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class DeliveriesResource {

    private final DeliveryLog deliveries;
    private final Access access;
    private final Pagination pagination;

    DeliveriesResource(DeliveryLog deliveries, Access access, Pagination pagination) {
        this.deliveries = deliveries;
        this.access = access;
        this.pagination = pagination;
    }

    @GET
    @Operation(operationId = "listNotificationDeliveries", summary = "WeChat deliveries of notices, the latest due "
            + "first", description = "Each message's state, attempts and last error, for operators. With `unitId`, "
                    + "the messages to people of branches in that unit's subtree; without it, every message (for "
                    + "those who may read deliveries everywhere). The notices of integrity files (DECLARATION_WAITING, "
                    + "INTEGRITY_OVERDUE) are listed only to callers who also read integrity files there. Who may: "
                    + "org admins.")
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
                unit.orElse(null), unit.map(u -> access.allows(Action.INTEGRITY_FILE_READ, u))
                        .orElseGet(() -> access.reach(Action.INTEGRITY_FILE_READ).everywhere()));
        Page<NotificationViews.Delivery> page = deliveries.list(filter, pagination.request(limit, cursor,
                "notification-deliveries?unit=" + filter.unitId() + "&state=" + filter.state() + "&kind="
                        + filter.kind() + "&person=" + filter.personId() + "&integrity=" + filter.integrity()));
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
