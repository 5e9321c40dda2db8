package cn.zhibu.platform.notice;

import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * How a capability tells people something: {@code notices.raise(new Notice(...))} inside its transaction. The event
 * is observed synchronously, in that transaction, by the notify capability's outbox (and by nothing that calls out).
 */
@ApplicationScoped
public class Notices {

    /** When a reminder of something due on a day is due: this time, the day before. */
    static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

    private final Event<Notice> raised;
    private final Event<NoticeWithdrawal> withdrawn;
    private final BusinessCalendar calendar;

    Notices(Event<Notice> raised, Event<NoticeWithdrawal> withdrawn, BusinessCalendar calendar) {
        this.raised = raised;
        this.withdrawn = withdrawn;
        this.calendar = calendar;
    }

    /**
     * When to remind of something due on {@code day} (a business date): 09:00 the day before, or now when that has
     * passed but the day has not ended; empty once the day has ended (nothing nags about what is overdue).
     */
    public Optional<Instant> reminderBefore(LocalDate day) {
        Instant now = calendar.now();
        if (day.isBefore(calendar.dateOf(now))) {
            return Optional.empty();
        }
        Instant at = day.minusDays(1).atTime(REMINDER_TIME).atZone(calendar.zone()).toInstant();
        return Optional.of(at.isAfter(now) ? at : now);
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
