package cn.zhibu.privacy.mydata;

import static cn.zhibu.privacy.mydata.MyDataViews.CODE;

import cn.zhibu.platform.openapi.Patterns;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The sections of {@code GET /v1/me/data} about notices: the inbox, WeChat deliveries and the person's choices. */
public final class MyDataNoticeViews {

    private MyDataNoticeViews() {
    }

    @Schema(name = "MyDataNotification", description = "A notice to the person, due or still to come")
    public record Notification(UUID id, UUID personId, @Schema(maxLength = 40, pattern = CODE) String kind,
            @Schema(maxLength = 200, pattern = Patterns.TEXT) String subject,
            @Schema(description = "Its fields as JSON", maxLength = 4000, pattern = Patterns.LONG_TEXT) String fields,
            Instant dueAt, Instant raisedAt,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant readAt,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant withdrawnAt) {
    }

    @Schema(name = "MyDataNotificationDelivery", description = "A notice's way to WeChat")
    public record Delivery(UUID notificationId, UUID personId, @Schema(maxLength = 20, pattern = CODE) String state,
            @Schema(minimum = "0", maximum = "2147483647") int attempts,
            @Schema(maxLength = 300, pattern = Patterns.TEXT, nullable = true) String lastError,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, nullable = true) Instant sentAt) {
    }

    @Schema(name = "MyDataNotificationPreference", description = "Whether a kind of notice goes to WeChat")
    public record Preference(UUID personId, @Schema(maxLength = 40, pattern = CODE) String kind, boolean wechat,
            Instant updatedAt) {
    }

    @Schema(name = "MyDataWeChatSubscription", description = "Credits for a WeChat subscribe-message template")
    public record Subscription(UUID personId, @Schema(maxLength = 64, pattern = Patterns.TEXT) String templateId,
            @Schema(minimum = "0", maximum = "1000") int credits,
            @Schema(minimum = "0", maximum = "9223372036854775807", format = "int64") long accepted,
            Instant updatedAt) {
    }
}
