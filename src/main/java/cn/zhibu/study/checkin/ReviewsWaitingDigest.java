package cn.zhibu.study.checkin;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.notice.Notice;
import cn.zhibu.platform.notice.NoticeDigest;
import cn.zhibu.platform.notice.NoticeField;
import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The daily digest of reviewers (REVIEWS_WAITING): to each person who may review check-ins (a secretary or org admin
 * granted on a unit, for the branches of its subtree) with flagged check-ins or make-ups waiting there, one notice
 * with how many, never counting their own (which they may not review). Grants are read from the role grants table:
 * study does not use identity. An org admin granted everywhere (on no unit) is not sent it.
 */
@ApplicationScoped
public class ReviewsWaitingDigest implements NoticeDigest {

    static final String TITLE = "待审核的打卡与补卡";

    private static final String WAITING = """
            with waiting as (
                select c.id, c.person_id, b.path from check_in c join org_unit b on b.id = c.branch_id
                where c.status = 'FLAGGED' and c.created_at <= :now
                union all
                select m.id, m.person_id, b.path from make_up m join org_unit b on b.id = m.branch_id
                where m.status = 'PENDING' and m.created_at <= :now)
            select a.person_id as person_id, count(distinct w.id) as waiting
            from role_grant g
            join account a on a.id = g.account_id
            join person p on p.id = a.person_id
            join org_unit u on u.id = g.org_unit_id
            join waiting w on w.path like u.path || '%'
            where g.revoked_at is null and g.role in ('SECRETARY', 'ORG_ADMIN') and a.active and p.active
              and w.person_id <> a.person_id
            group by a.person_id
            order by a.person_id""";

    private final EntityManager em;
    private final BusinessCalendar calendar;

    ReviewsWaitingDigest(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    @Override
    public NoticeKind kind() {
        return NoticeKind.REVIEWS_WAITING;
    }

    @Override
    public boolean weekly() {
        return false;
    }

    @Override
    public List<Notice> collect(Instant now) {
        LocalDate day = calendar.dateOf(now);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(WAITING, Tuple.class).setParameter("now", now).getResultList();
        List<Notice> notices = new ArrayList<>();
        for (Tuple row : rows) {
            UUID person = Rows.uuid(row, "person_id");
            long waiting = ((Number) row.get("waiting")).longValue();
            notices.add(new Notice(NoticeKind.REVIEWS_WAITING, "reviews-waiting:" + person + ":" + day, Set.of(person),
                    now, Map.of(NoticeField.COUNT, Long.toString(waiting), NoticeField.TITLE, TITLE), null));
        }
        return notices;
    }
}
