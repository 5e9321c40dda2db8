package cn.zhibu.notify;

import cn.zhibu.platform.http.QueryParams;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.problem.ProblemMessages;
import cn.zhibu.platform.security.Access;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's inbox of notices. */
@Path("/v1/me/notifications")
@Tag(name = "notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearerJwt")
public class InboxResource {

    private final Inbox inbox;
    private final Access access;
    private final Pagination pagination;

    InboxResource(Inbox inbox, Access access, Pagination pagination) {
        this.inbox = inbox;
        this.access = access;
        this.pagination = pagination;
    }

    @GET
    @Operation(operationId = "listMyNotifications", summary = "My inbox of notices, the latest first",
            description = "Every notice that is due for the caller, whether or not it also went to WeChat: sessions "
                    + "and lectures coming, swaps, reviews of check-ins, items waiting for review, items due, "
                    + "campaign stages. A reminder appears when it is due, not when it was raised; a notice called "
                    + "off before it was due never appears. `unread=true`: unread ones only. `unreadCount` counts "
                    + "the whole inbox. Never a reminder to use the app. For a person's own account (403 "
                    + "NOTIFICATION_NOT_A_PERSON for API clients and staff accounts).")
    @APIResponseSchema(value = NotificationViews.Page.class, responseCode = "200",
            responseDescription = "One page of the inbox")
    public NotificationViews.Page list(
            @Parameter(description = "Only unread notices", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("unread") String unread,
            @Parameter(ref = "Limit") @QueryParam("limit") String limit,
            @Parameter(ref = "Cursor") @QueryParam("cursor") String cursor,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) @Parameter(hidden = true) String acceptLanguage) {
        UUID me = me();
        boolean unreadOnly = QueryParams.flag("unread", unread);
        return inbox.list(me, unreadOnly, pagination.request(limit, cursor, "notifications?unread=" + unreadOnly),
                english(acceptLanguage));
    }

    @POST
    @Path("{id}/read")
    @Operation(operationId = "markMyNotificationRead", summary = "Mark a notice read",
            description = "Marking it again changes nothing (its first reading time stays).")
    @APIResponseSchema(value = NotificationViews.Notification.class, responseCode = "200",
            responseDescription = "The notice, read")
    @APIResponse(ref = "NotFound", responseCode = "404")
    public NotificationViews.Notification read(@Parameter(ref = "Id") @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) @Parameter(hidden = true) String acceptLanguage) {
        return inbox.markRead(me(), id, english(acceptLanguage));
    }

    @POST
    @Path("read-all")
    @Operation(operationId = "markAllMyNotificationsRead", summary = "Mark every notice in my inbox read",
            description = "Every notice due by now; one due later stays unread when it appears.")
    @APIResponseSchema(value = NotificationViews.Marked.class, responseCode = "200",
            responseDescription = "How many were marked")
    public NotificationViews.Marked readAll() {
        return inbox.markAllRead(me());
    }

    private UUID me() {
        return access.personId().orElseThrow(() -> new ProblemException(NotifyProblem.NOTIFICATION_NOT_A_PERSON));
    }

    static boolean english(String acceptLanguage) {
        return ProblemMessages.resolve(acceptLanguage).getLanguage().equals(Locale.ENGLISH.getLanguage());
    }
}
