package cn.zhibu.lecture.orglife;

import cn.zhibu.platform.notice.Notice;
import cn.zhibu.platform.notice.NoticeField;
import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.platform.notice.Notices;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;

/**
 * {@code RECTIFICATION_DUE}: an OPEN rectification item's owner is reminded the day before its due date at 09:00 in
 * the business time zone ({@code rectification:<id>:due}), in the transaction of the change. A changed item's
 * reminder is taken back and raised again (a former owner's stays taken back); a closed item's is taken back. Past
 * 09:00 the day before, the reminder is due at once while the due date has not ended; an item already overdue is
 * not reminded of (nothing nags).
 */
@ApplicationScoped
class RectificationNotices {

    private final Notices notices;

    RectificationNotices(Notices notices) {
        this.notices = notices;
    }

    /** The item is OPEN with its owner and due date as they are now: their reminder, replacing any earlier one. */
    void open(Rectification item) {
        notices.withdraw(NoticeKind.RECTIFICATION_DUE, subject(item));
        notices.reminderBefore(item.dueOn).ifPresent(at -> notices.raise(new Notice(NoticeKind.RECTIFICATION_DUE,
                subject(item), Set.of(item.ownerId), at, Map.of(NoticeField.TITLE, item.item, NoticeField.TIME,
                        item.dueOn.toString()),
                "/v1/party-days/" + item.partyDayId + "/rectifications/" + item.id)));
    }

    /** The item is DONE: its reminder is taken back. */
    void closed(Rectification item) {
        notices.withdraw(NoticeKind.RECTIFICATION_DUE, subject(item));
    }

    static String subject(Rectification item) {
        return "rectification:" + item.id + ":due";
    }
}
