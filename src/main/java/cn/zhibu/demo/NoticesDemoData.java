package cn.zhibu.demo;

import cn.zhibu.notify.NoticeDigests;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Demo notices that no service raises at load: today's digests, weekly ones included (the secretary's check-ins
 * waiting for review, the integrity officer's overdue files), as the daily job raises them. The sessions, swaps,
 * rectification items, declarations and campaigns of the demo raise their own notices through their services.
 * Raising the digests again at the next start on the same day changes nothing: a notice is once per event and person.
 */
@ApplicationScoped
class NoticesDemoData {

    private final NoticeDigests digests;
    private final BusinessCalendar calendar;

    NoticesDemoData(NoticeDigests digests, BusinessCalendar calendar) {
        this.digests = digests;
        this.calendar = calendar;
    }

    void load() {
        digests.raise(calendar.now(), true);
    }
}
