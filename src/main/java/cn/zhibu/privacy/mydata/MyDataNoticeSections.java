package cn.zhibu.privacy.mydata;

import static cn.zhibu.platform.db.Rows.bool;
import static cn.zhibu.platform.db.Rows.instant;
import static cn.zhibu.platform.db.Rows.integer;
import static cn.zhibu.platform.db.Rows.longValue;
import static cn.zhibu.platform.db.Rows.string;
import static cn.zhibu.platform.db.Rows.uuid;

import cn.zhibu.privacy.mydata.MyDataNoticeViews.Delivery;
import cn.zhibu.privacy.mydata.MyDataNoticeViews.Notification;
import cn.zhibu.privacy.mydata.MyDataNoticeViews.Preference;
import cn.zhibu.privacy.mydata.MyDataNoticeViews.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The sections of a member's data about notices. */
@ApplicationScoped
class MyDataNoticeSections {

    private final MyDataQueries q;

    MyDataNoticeSections(MyDataQueries q) {
        this.q = q;
    }

    List<Notification> notifications(UUID me) {
        return q.rows("""
                select id as id, person_id as person_id, kind as kind, subject as subject, fields::text as fields,
                    due_at as due_at, raised_at as raised_at, read_at as read_at, withdrawn_at as withdrawn_at
                from notification where person_id = :me order by due_at, id""", me,
                r -> new Notification(uuid(r, "id"), uuid(r, "person_id"), string(r, "kind"), string(r, "subject"),
                        string(r, "fields"), instant(r, "due_at"), instant(r, "raised_at"), instant(r, "read_at"),
                        instant(r, "withdrawn_at")));
    }

    List<Delivery> deliveries(UUID me) {
        return q.rows("""
                select notification_id as notification_id, person_id as person_id, state as state,
                    attempts as attempts, last_error as last_error, sent_at as sent_at
                from notification_delivery where person_id = :me order by due_at, notification_id""", me,
                r -> new Delivery(uuid(r, "notification_id"), uuid(r, "person_id"), string(r, "state"),
                        integer(r, "attempts"), string(r, "last_error"), instant(r, "sent_at")));
    }

    List<Preference> preferences(UUID me) {
        return q.rows("""
                select person_id as person_id, kind as kind, wechat as wechat, updated_at as updated_at
                from notification_preference where person_id = :me order by kind""", me,
                r -> new Preference(uuid(r, "person_id"), string(r, "kind"), bool(r, "wechat"),
                        instant(r, "updated_at")));
    }

    List<Subscription> subscriptions(UUID me) {
        return q.rows("""
                select person_id as person_id, template_id as template_id, credits as credits, accepted as accepted,
                    updated_at as updated_at
                from wechat_subscription where person_id = :me order by template_id""", me,
                r -> new Subscription(uuid(r, "person_id"), string(r, "template_id"), integer(r, "credits"),
                        longValue(r, "accepted"), instant(r, "updated_at")));
    }
}
