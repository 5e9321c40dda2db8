package cn.zhibu.notify;

import cn.zhibu.platform.notice.Notice;
import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.platform.notice.NoticeWithdrawal;
import cn.zhibu.platform.time.BusinessCalendar;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Writes raised notices into the outbox, in the transaction of the business change that raised them (the CDI event
 * is observed synchronously): one {@code notification} row per recipient, and when WeChat sending is on one
 * {@code notification_delivery} row for the sender. Nothing here calls out.
 *
 * <p>Raising a notice again (same kind, subject and recipient) changes it only while it is not yet due or was
 * withdrawn, and only what has not been sent; a notice already in the inbox stays as it is and is never sent twice.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    /** The longest field value kept (the inbox's contract); longer ones are cut, ending with an ellipsis. */
    static final int MAX_FIELD = 200;

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final ObjectMapper mapper;
    private final boolean wechat;
    private final java.util.Set<String> templated;

    Outbox(EntityManager em, BusinessCalendar calendar, ObjectMapper mapper, NotifySettings settings) {
        this.em = em;
        this.calendar = calendar;
        this.mapper = mapper;
        this.wechat = settings.wechatSend();
        this.templated = java.util.Set.copyOf(settings.templates().keySet());
        for (String kind : templated) {
            if (java.util.Arrays.stream(NoticeKind.values()).noneMatch(k -> k.name().equals(kind))) {
                throw new IllegalStateException("zhibu.notify.templates." + kind + " names no kind of notice; the "
                        + "kinds are " + java.util.Arrays.toString(NoticeKind.values()));
            }
        }
    }

    void raised(@Observes Notice notice) {
        Instant now = calendar.now();
        String fields = json(notice);
        for (UUID person : notice.recipients()) {
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery("""
                    insert into notification as n (id, person_id, kind, subject, fields, link, due_at, raised_at)
                    values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7, ?8)
                    on conflict (kind, subject, person_id) do update set fields = excluded.fields, link = excluded.link,
                        due_at = excluded.due_at, raised_at = excluded.raised_at, withdrawn_at = null
                    where n.due_at > ?8 or n.withdrawn_at is not null
                    returning n.id""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, person).setParameter(3, notice.kind().name())
                    .setParameter(4, notice.subject()).setParameter(5, fields).setParameter(6, notice.link())
                    .setParameter(7, notice.dueAt()).setParameter(8, now).getResultList();
            if (ids.isEmpty()) {
                // already due, so unchanged: a delivery withdrawn just before in this transaction (an edit raises
                // the event again) goes on; one of a notice really called off stays withdrawn
                em.createNativeQuery("""
                        update notification_delivery set state = 'PENDING', updated_at = ?4
                        where state = 'WITHDRAWN' and notification_id = (select id from notification
                            where kind = ?1 and subject = ?2 and person_id = ?3 and withdrawn_at is null)""")
                        .setParameter(1, notice.kind().name()).setParameter(2, notice.subject())
                        .setParameter(3, person).setParameter(4, now).executeUpdate();
            } else if (wechat && templated.contains(notice.kind().name())) {
                em.createNativeQuery("""
                        insert into notification_delivery as d (notification_id, person_id, kind, due_at,
                            next_attempt_at, updated_at) values (?1, ?2, ?3, ?4, ?4, ?5)
                        on conflict (notification_id) do update set due_at = excluded.due_at,
                            next_attempt_at = excluded.next_attempt_at, state = 'PENDING', attempts = 0,
                            last_error = null, updated_at = excluded.updated_at
                        where d.state in ('PENDING', 'WITHDRAWN')""")
                        .setParameter(1, ids.get(0)).setParameter(2, person).setParameter(3, notice.kind().name())
                        .setParameter(4, notice.dueAt()).setParameter(5, now).executeUpdate();
            }
        }
        LOG.debugf("Notice %s %s raised for %d people, due %s", notice.kind(), notice.subject(),
                notice.recipients().size(), notice.dueAt());
    }

    void withdrawn(@Observes NoticeWithdrawal withdrawal) {
        Instant now = calendar.now();
        em.createNativeQuery("""
                update notification_delivery set state = 'WITHDRAWN', updated_at = ?3
                where state = 'PENDING' and notification_id in
                    (select id from notification where kind = ?1 and subject = ?2)""")
                .setParameter(1, withdrawal.kind().name()).setParameter(2, withdrawal.subject()).setParameter(3, now)
                .executeUpdate();
        em.createNativeQuery("""
                update notification set withdrawn_at = ?3
                where kind = ?1 and subject = ?2 and withdrawn_at is null and due_at > ?3""")
                .setParameter(1, withdrawal.kind().name()).setParameter(2, withdrawal.subject()).setParameter(3, now)
                .executeUpdate();
    }

    private String json(Notice notice) {
        try {
            TreeMap<String, String> cut = new TreeMap<>();
            notice.fields().forEach((name, value) -> cut.put(name, value.codePointCount(0, value.length()) <= MAX_FIELD
                    ? value : value.substring(0, value.offsetByCodePoints(0, MAX_FIELD - 1)) + "…"));
            return mapper.writeValueAsString(cut);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice's fields are strings", e);
        }
    }
}
