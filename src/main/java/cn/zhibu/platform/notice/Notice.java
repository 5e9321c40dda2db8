package cn.zhibu.platform.notice;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Something people should hear about, raised by a capability as a CDI event ({@link Notices#raise}) in the
 * transaction of the change that causes it. The notify capability observes it in that same transaction and writes
 * one outbox row per recipient; nothing is sent from inside the business transaction, and a rolled-back change
 * raises nothing.
 *
 * <p>A notice is identified by its kind, its {@code subject} (a stable key of the event, such as
 * {@code party-day:<id>:T-1D}) and its recipient. Raising it again with the same subject changes what has not been
 * delivered yet (a moved session moves its reminders) and never delivers it twice; {@link Notices#withdraw} takes
 * back what has not been delivered.
 *
 * @param kind what kind of notice
 * @param subject the stable key of the event (at most 200 characters)
 * @param recipients the people (person ids) to tell
 * @param dueAt when it is due: now for a change, earlier than the event for a reminder
 * @param fields what the message says ({@link NoticeField} names)
 * @param link the API path of the object it is about, for the client to open (may be null)
 */
public record Notice(NoticeKind kind, String subject, Set<UUID> recipients, Instant dueAt, Map<String, String> fields,
        String link) {

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(dueAt, "dueAt");
        if (subject.isBlank() || subject.length() > 200) {
            throw new IllegalArgumentException("a notice's subject has 1 to 200 characters");
        }
        recipients = Set.copyOf(recipients);
        fields = Map.copyOf(fields);
    }
}
