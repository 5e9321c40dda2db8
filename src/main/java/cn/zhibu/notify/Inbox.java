package cn.zhibu.notify;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person's inbox: their notices that are due and not withdrawn, the latest first. A reminder raised weeks ahead
 * appears when it is due.
 */
@ApplicationScoped
public class Inbox {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final ObjectMapper mapper;

    Inbox(EntityManager em, BusinessCalendar calendar, ObjectMapper mapper) {
        this.em = em;
        this.calendar = calendar;
        this.mapper = mapper;
    }

    /** A page of the person's inbox (only unread ones if asked), and how many are unread in all. */
    @Transactional
    public NotificationViews.Page list(UUID personId, boolean unreadOnly, PageRequest page, boolean english) {
        Instant now = calendar.now();
        List<String> after = page.after().orElse(null);
        var query = em.createNativeQuery("""
                select id, kind, fields::text as fields, link, due_at, read_at from notification
                where person_id = :person and due_at <= :now and withdrawn_at is null"""
                + (unreadOnly ? " and read_at is null" : "")
                + (after == null ? "" : " and (due_at, id) < (:at, :id)")
                + " order by due_at desc, id desc limit " + page.fetchSize(), Tuple.class)
                .setParameter("person", personId).setParameter("now", now);
        if (after != null) {
            query.setParameter("at", Instant.parse(after.get(0))).setParameter("id", UUID.fromString(after.get(1)));
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        Page<NotificationViews.Notification> found = page.page(rows,
                r -> List.of(Rows.instant(r, "due_at").toString(), Rows.uuid(r, "id").toString()),
                r -> view(r, english));
        return new NotificationViews.Page(found.items(), found.nextCursor(), unread(personId, now));
    }

    /** Marks one of the person's notices read (again: no change); 404 when it is not in their inbox. */
    @Transactional
    public NotificationViews.Notification markRead(UUID personId, UUID id, boolean english) {
        Instant now = calendar.now();
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                update notification set read_at = coalesce(read_at, :now)
                where id = :id and person_id = :person and due_at <= :now and withdrawn_at is null
                returning id, kind, fields::text as fields, link, due_at, read_at""", Tuple.class)
                .setParameter("id", id).setParameter("person", personId).setParameter("now", now).getResultList();
        if (rows.isEmpty()) {
            throw new ProblemException(NotifyProblem.NOTIFICATION_NOT_FOUND);
        }
        return view(rows.get(0), english);
    }

    /** Marks every notice in the person's inbox read. */
    @Transactional
    public NotificationViews.Marked markAllRead(UUID personId) {
        Instant now = calendar.now();
        int marked = em.createNativeQuery("""
                update notification set read_at = :now
                where person_id = :person and due_at <= :now and withdrawn_at is null and read_at is null""")
                .setParameter("person", personId).setParameter("now", now).executeUpdate();
        return new NotificationViews.Marked(marked, unread(personId, now));
    }

    private int unread(UUID personId, Instant now) {
        return ((Number) em.createNativeQuery("""
                select count(*) from notification
                where person_id = :person and due_at <= :now and withdrawn_at is null and read_at is null""")
                .setParameter("person", personId).setParameter("now", now).getSingleResult()).intValue();
    }

    private NotificationViews.Notification view(Tuple row, boolean english) {
        NoticeKind kind = NoticeKind.valueOf(Rows.string(row, "kind"));
        Map<String, String> fields;
        try {
            fields = mapper.readValue(Rows.string(row, "fields"), FIELDS);
        } catch (IOException e) {
            throw new IllegalStateException("notification " + Rows.uuid(row, "id") + " holds unreadable fields", e);
        }
        return new NotificationViews.Notification(Rows.uuid(row, "id"), kind, kind.title(english), fields,
                Rows.string(row, "link"), Rows.instant(row, "due_at"), Rows.instant(row, "read_at"));
    }
}
