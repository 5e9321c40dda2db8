package cn.zhibu.notify;

import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.platform.openapi.Patterns;
import cn.zhibu.platform.paging.Pagination;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The inbox, a member's choices for WeChat, a branch's quiet hours and the operators' view of deliveries. */
public final class NotificationViews {

    static final String TIME_OF_DAY = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
    static final String TEMPLATE_ID = "^[A-Za-z0-9_-]{1,64}$";
    static final String ANSWER = "^(accept|reject|ban|filter)$";

    private NotificationViews() {
    }

    @Schema(name = "Notification", description = "A notice in the caller's inbox. Every notice lands here, whether "
            + "or not it also went to WeChat.")
    public record Notification(
            UUID id,
            @Schema(required = true) NoticeKind kind,
            @Schema(description = "What kind of notice it is, in the caller's language (Accept-Language)",
                    maxLength = 60, pattern = Patterns.TEXT, required = true) String title,
            @Schema(description = "What it says: title, time (an instant or a business date), place, person, state, "
                    + "count, note; only the fields the notice has", maxProperties = 7, required = true)
            Map<String, @Size(max = 200) @Pattern(regexp = Patterns.LONG_TEXT) String> fields,
            @Schema(description = "The API path of what it is about; null when there is none", maxLength = 300,
                    pattern = Patterns.TEXT, nullable = true, required = true) String link,
            @Schema(description = "When it was due (and appeared in the inbox)", required = true) Instant dueAt,
            @Schema(description = "When the caller read it; null while unread", format = "date-time",
                    pattern = Patterns.INSTANT, nullable = true, required = true) Instant readAt) {
    }

    @Schema(name = "NotificationPage", description = "One page of the caller's inbox, the latest first.")
    public record Page(
            @Schema(maxItems = 100, required = true) List<Notification> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true) String nextCursor,
            @Schema(description = "How many notices in the whole inbox are unread", minimum = "0",
                    maximum = "2147483647", required = true) int unreadCount) {
    }

    @Schema(name = "NotificationsRead", description = "How many notices were marked read.")
    public record Marked(
            @Schema(minimum = "0", maximum = "2147483647", required = true) int marked,
            @Schema(minimum = "0", maximum = "2147483647", required = true) int unreadCount) {
    }

    @Schema(name = "NotificationPreference", description = "Whether notices of a kind also go to WeChat (the inbox "
            + "always has them).")
    public record Preference(
            @Schema(required = true) @NotNull NoticeKind kind,
            @Schema(required = true) @NotNull Boolean wechat) {
    }

    @Schema(name = "NotificationPreferences", description = "The caller's choice, kind by kind, of what also goes "
            + "to WeChat. Every kind is listed; a kind never chosen is on.")
    public record Preferences(@Schema(maxItems = 20, required = true) List<Preference> items) {
    }

    @Schema(name = "NotificationPreferencesChange", description = "The kinds whose choice changes; kinds not listed "
            + "keep theirs.")
    public record PreferencesChange(
            @Schema(minItems = 1, maxItems = 20, required = true) @NotNull @Size(min = 1, max = 20)
            List<@NotNull @Valid Preference> items) {
    }

    @Schema(name = "WeChatSubscriptionAnswers", description = "The result of wx.requestSubscribeMessage as the "
            + "mini-program received it: template id → answer.")
    public record SubscriptionAnswers(
            @Schema(required = true, minProperties = 1, maxProperties = 20, description = "Template ids (as listed "
                    + "by GET /v1/me/wechat-subscriptions) and the member's answer to each: accept (one message "
                    + "allowed), reject, ban (never: the credits are dropped) or filter (WeChat hid the request)")
            @NotNull @Size(min = 1, max = 20)
            Map<@Pattern(regexp = TEMPLATE_ID) String,
                    @NotNull @Size(max = 6) @Pattern(regexp = ANSWER) String> results) {
    }

    @Schema(name = "WeChatSubscription", description = "A subscribe-message template of the mini-program: the kinds "
            + "of notice it carries, and how many messages with it the caller may still be sent.")
    public record Subscription(
            @Schema(maxLength = 64, pattern = TEMPLATE_ID, required = true) String templateId,
            @Schema(maxItems = 20, required = true) List<NoticeKind> kinds,
            @Schema(minimum = "0", maximum = "1000", required = true) int credits) {
    }

    @Schema(name = "WeChatSubscriptions", description = "The templates the mini-program asks the member to accept "
            + "(wx.requestSubscribeMessage), with the caller's credits. Empty when WeChat messages are off.")
    public record Subscriptions(
            @Schema(description = "Whether notices go to WeChat at all", required = true) boolean sending,
            @Schema(maxItems = 20, required = true) List<Subscription> templates) {
    }

    @Schema(name = "QuietHours", description = "When no WeChat message is sent to a branch's members (business time "
            + "zone); messages due then wait until the end. from = until means none.")
    public record Quiet(
            UUID unitId,
            @Schema(example = "22:00", maxLength = 5, pattern = TIME_OF_DAY, required = true) String from,
            @Schema(example = "07:30", maxLength = 5, pattern = TIME_OF_DAY, required = true) String until,
            @Schema(description = "Whether the branch chose them (else the service's default)", required = true)
            boolean chosen,
            @Schema(description = "Version of the branch's own choice (its ETag), from 1; 0 when it has none",
                    minimum = "0", maximum = "2147483647", required = true) int version) {
    }

    @Schema(name = "QuietHoursChange", description = "A branch's quiet hours from now on.")
    public record QuietChange(
            @Schema(example = "22:00", maxLength = 5, pattern = TIME_OF_DAY, required = true) @NotNull
            @Pattern(regexp = TIME_OF_DAY) String from,
            @Schema(example = "07:30", maxLength = 5, pattern = TIME_OF_DAY, required = true) @NotNull
            @Pattern(regexp = TIME_OF_DAY) String until) {
    }

    @Schema(name = "NotificationDeliveryState", description = """
            PENDING: waiting (due later, in quiet hours, or retried after an error). SENDING: being sent. \
            SENT: WeChat accepted it. FAILED: WeChat refused it for good, or it was retried as often as allowed. \
            UNCERTAIN: WeChat did not answer clearly (a timeout); it may have arrived and is never sent again. \
            NO_CREDIT: the member holds no subscription for its template. REFUSED: WeChat says the member \
            refused. NOT_WANTED: the member turned the kind off. NO_WECHAT: the member does not sign in with \
            WeChat. RECIPIENT_LEFT: the member left. WITHDRAWN: the event was called off. The inbox has the \
            notice in every case.""")
    public enum DeliveryState {
        PENDING, SENDING, SENT, FAILED, UNCERTAIN, NO_CREDIT, REFUSED, NOT_WANTED, NO_WECHAT, RECIPIENT_LEFT, WITHDRAWN
    }

    @Schema(name = "NotificationDelivery", description = "A notice's way to WeChat.")
    public record Delivery(
            UUID notificationId,
            UUID personId,
            @Schema(required = true) NoticeKind kind,
            @Schema(required = true) DeliveryState state,
            @Schema(minimum = "0", maximum = "2147483647", required = true) int attempts,
            @Schema(description = "Why the last attempt failed or why it was not sent; null when none",
                    maxLength = 300, pattern = Patterns.TEXT, nullable = true, required = true) String lastError,
            @Schema(required = true) Instant dueAt,
            @Schema(description = "When it is taken up next (PENDING)", required = true) Instant nextAttemptAt,
            @Schema(description = "When WeChat accepted it; null unless SENT", format = "date-time",
                    pattern = Patterns.INSTANT, nullable = true, required = true) Instant sentAt,
            @Schema(required = true) Instant updatedAt) {
    }

    @Schema(name = "NotificationDeliveryPage", description = "Deliveries, the latest due first.")
    public record DeliveryPage(
            @Schema(maxItems = 100, required = true) List<Delivery> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true) String nextCursor) {
    }
}
