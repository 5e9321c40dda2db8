package cn.zhibu.notify;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The operators' view of WeChat deliveries, the latest due first. */
@ApplicationScoped
public class DeliveryLog {

    private final EntityManager em;

    DeliveryLog(EntityManager em) {
        this.em = em;
    }

    /** The kinds that tell of integrity files: listed only to callers who read those files there. */
    static final List<String> INTEGRITY_KINDS = List.of(NoticeKind.DECLARATION_WAITING.name(),
            NoticeKind.INTEGRITY_OVERDUE.name());

    /**
     * Filters: state, kind, person, the unit whose subtree the person's branch lies in (null: everywhere), and whether
     * the integrity kinds may be listed.
     */
    public record Filter(NotificationViews.DeliveryState state, NoticeKind kind, UUID personId, UUID unitId,
            boolean integrity) {
    }

    @Transactional
    public Page<NotificationViews.Delivery> list(Filter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("""
                select d.notification_id, d.person_id, d.kind, d.state, d.attempts, d.last_error, d.due_at,
                    d.next_attempt_at, d.sent_at, d.updated_at
                from notification_delivery d where true""");
        if (filter.state() != null) {
            sql.append(" and d.state = :state");
        }
        if (filter.kind() != null) {
            sql.append(" and d.kind = :kind");
        }
        if (filter.personId() != null) {
            sql.append(" and d.person_id = :person");
        }
        if (!filter.integrity()) {
            sql.append(" and d.kind not in (:integrity)");
        }
        if (filter.unitId() != null) {
            // the person's current branch, or their last one when they left
            sql.append(" ").append("""
                    and exists (select 1 from membership m join org_unit b on b.id = m.org_unit_id
                        join org_unit u on u.id = :unit
                        where m.person_id = d.person_id and m.is_branch and b.path like u.path || '%'
                        and m.start_date = (select max(l.start_date) from membership l
                            where l.person_id = d.person_id and l.is_branch))""");
        }
        List<String> after = page.after().orElse(null);
        if (after != null) {
            sql.append(" and (d.due_at, d.notification_id) < (:at, :id)");
        }
        sql.append(" order by d.due_at desc, d.notification_id desc limit ").append(page.fetchSize());
        var query = em.createNativeQuery(sql.toString(), Tuple.class);
        if (filter.state() != null) {
            query.setParameter("state", filter.state().name());
        }
        if (filter.kind() != null) {
            query.setParameter("kind", filter.kind().name());
        }
        if (filter.personId() != null) {
            query.setParameter("person", filter.personId());
        }
        if (!filter.integrity()) {
            query.setParameter("integrity", INTEGRITY_KINDS);
        }
        if (filter.unitId() != null) {
            query.setParameter("unit", filter.unitId());
        }
        if (after != null) {
            query.setParameter("at", Instant.parse(after.get(0))).setParameter("id", UUID.fromString(after.get(1)));
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return page.page(rows, r -> List.of(Rows.instant(r, "due_at").toString(),
                Rows.uuid(r, "notification_id").toString()), DeliveryLog::view);
    }

    private static NotificationViews.Delivery view(Tuple r) {
        return new NotificationViews.Delivery(Rows.uuid(r, "notification_id"), Rows.uuid(r, "person_id"),
                NoticeKind.valueOf(Rows.string(r, "kind")),
                NotificationViews.DeliveryState.valueOf(Rows.string(r, "state")), Rows.integer(r, "attempts"),
                Rows.string(r, "last_error"), Rows.instant(r, "due_at"), Rows.instant(r, "next_attempt_at"),
                Rows.instant(r, "sent_at"), Rows.instant(r, "updated_at"));
    }
}
