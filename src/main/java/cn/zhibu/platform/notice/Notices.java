package cn.zhibu.platform.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * How a capability tells people something: {@code notices.raise(new Notice(...))} inside its transaction. The event
 * is observed synchronously, in that transaction, by the notify capability's outbox (and by nothing that calls out).
 */
@ApplicationScoped
public class Notices {

    private final Event<Notice> raised;
    private final Event<NoticeWithdrawal> withdrawn;

    Notices(Event<Notice> raised, Event<NoticeWithdrawal> withdrawn) {
        this.raised = raised;
        this.withdrawn = withdrawn;
    }

    /** Raises the notice for its recipients (none: nothing happens). */
    public void raise(Notice notice) {
        if (!notice.recipients().isEmpty()) {
            raised.fire(notice);
        }
    }

    /** Takes back the undelivered notices of this kind and subject. */
    public void withdraw(NoticeKind kind, String subject) {
        withdrawn.fire(new NoticeWithdrawal(kind, subject));
    }
}
