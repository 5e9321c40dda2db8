package cn.zhibu.notify;

import cn.zhibu.platform.notice.Notice;
import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.platform.notice.Notices;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Raises notices as a capability would: through {@link Notices}, in a transaction of its own. */
public final class NoticeFixtures {

    private NoticeFixtures() {
    }

    public static void raise(NoticeKind kind, String subject, Instant dueAt, Map<String, String> fields,
            String... people) {
        Set<UUID> recipients = java.util.Arrays.stream(people).map(UUID::fromString)
                .collect(java.util.stream.Collectors.toSet());
        QuarkusTransaction.requiringNew().run(() -> notices().raise(new Notice(kind, subject, recipients, dueAt,
                fields, "/v1/party-days/" + UUID.nameUUIDFromBytes(subject.getBytes()))));
    }

    public static void withdraw(NoticeKind kind, String subject) {
        QuarkusTransaction.requiringNew().run(() -> notices().withdraw(kind, subject));
    }

    private static Notices notices() {
        return Arc.container().instance(Notices.class).get();
    }
}
