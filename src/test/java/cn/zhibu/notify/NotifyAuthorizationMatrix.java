package cn.zhibu.notify;

import cn.zhibu.identity.AuthorizationMatrixTest.Operation;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The notify capability's operations in the authorisation matrix ({@code AuthorizationMatrixTest}). The matrix's
 * callers are staff accounts without a person: none has an inbox or WeChat choices (403 NOTIFICATION_NOT_A_PERSON);
 * a person's own account is in {@code InboxApiTest} and {@code MemberChoicesApiTest}. Quiet hours are read by everyone
 * who sees the branch and chosen by its secretaries and org admins; deliveries are read by org admins.
 */
public final class NotifyAuthorizationMatrix {

    private static final List<String> EVERY_ROLE = List.of(Roles.MEMBER, Roles.GROUP_LEADER, Roles.SECRETARY,
            Roles.INTEGRITY_OFFICER, Roles.ORG_ADMIN);

    private NotifyAuthorizationMatrix() {
    }

    public static List<Operation> operations() {
        return List.of(
                new Operation("listMyNotifications", t -> r -> r.get("/v1/me/notifications"), List.of(), 200, 403),
                new Operation("markMyNotificationRead",
                        t -> r -> r.post("/v1/me/notifications/" + UUID.randomUUID() + "/read"), List.of(), 200, 403),
                new Operation("markAllMyNotificationsRead", t -> r -> r.post("/v1/me/notifications/read-all"),
                        List.of(), 200, 403),
                new Operation("getMyNotificationPreferences", t -> r -> r.get("/v1/me/notification-preferences"),
                        List.of(), 200, 403),
                new Operation("putMyNotificationPreferences", t -> r -> r.body(Map.of("items",
                        List.of(Map.of("kind", "SWAP_ASKED", "wechat", false))))
                        .put("/v1/me/notification-preferences"), List.of(), 200, 403),
                new Operation("getMyWeChatSubscriptions", t -> r -> r.get("/v1/me/wechat-subscriptions"), List.of(),
                        200, 403),
                new Operation("recordMyWeChatSubscriptions", t -> r -> r.body(Map.of("results",
                        Map.of("tmpl-swap", "reject"))).post("/v1/me/wechat-subscriptions"), List.of(), 200, 403),
                new Operation("getQuietHours", t -> r -> r.get("/v1/org-units/" + t.branch() + "/quiet-hours"),
                        EVERY_ROLE, 200, 404),
                new Operation("putQuietHours", t -> r -> r.header("If-Match", etag(t.branch()))
                        .body(Map.of("from", "21:30", "until", "07:00"))
                        .put("/v1/org-units/" + t.branch() + "/quiet-hours"),
                        List.of(Roles.SECRETARY, Roles.ORG_ADMIN), 200, 404),
                new Operation("listNotificationDeliveries",
                        t -> r -> r.queryParam("unitId", t.branch()).get("/v1/notification-deliveries"),
                        List.of(Roles.ORG_ADMIN), 200, 404));
    }

    /** The branch's quiet hours' ETag now, as an org admin reads it (so that every allowed caller's change is fresh). */
    private static String etag(String branch) {
        return Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/org-units/" + branch + "/quiet-hours").header("ETag");
    }
}
