package cn.zhibu.annual.plan;

import cn.zhibu.platform.notice.Notice;
import cn.zhibu.platform.notice.NoticeField;
import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.platform.notice.Notices;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;

/**
 * Reminds an item's owner that it is due (PLAN_ITEM_DUE): at 09:00 business time the day before its target date
 * (at once when that has passed and the date has not). Every change of the item takes back the reminder not yet
 * due and raises it afresh for its owner and date, so a new owner gets it and the old one no longer does; an item
 * ticked done or deleted has none. Items counted to a number, not a date, have no due day and get none.
 */
@ApplicationScoped
class PlanItemNotices {

    private final Notices notices;

    PlanItemNotices(Notices notices) {
        this.notices = notices;
    }

    static String subject(PlanItem item) {
        return "plan-item:" + item.id + ":due";
    }

    /** The item was added or changed (or ticked undone): its reminder as it stands now. */
    void changed(PlanItem item) {
        notices.withdraw(NoticeKind.PLAN_ITEM_DUE, subject(item));
        if (item.ownerId == null || item.targetDate == null || item.doneAt != null) {
            return;
        }
        notices.reminderBefore(item.targetDate).ifPresent(due -> notices.raise(new Notice(NoticeKind.PLAN_ITEM_DUE,
                subject(item), Set.of(item.ownerId), due,
                Map.of(NoticeField.TITLE, item.title, NoticeField.TIME, item.targetDate.toString()),
                "/v1/annual-plans/" + item.planId)));
    }

    /** The item was ticked done or deleted: no reminder any more. */
    void gone(PlanItem item) {
        notices.withdraw(NoticeKind.PLAN_ITEM_DUE, subject(item));
    }
}
