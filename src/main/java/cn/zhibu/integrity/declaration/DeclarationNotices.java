package cn.zhibu.integrity.declaration;

import cn.zhibu.platform.notice.Notice;
import cn.zhibu.platform.notice.NoticeField;
import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.platform.notice.Notices;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Tells a declaration's next reviewers that it waits for them (DECLARATION_WAITING), in the transaction that moved
 * it: on submission the heads of the cadre's unit (secretaries, who hold INTEGRITY_DECLARATION_REVIEW), on the unit's
 * approval its integrity officers; in either case never the cadre, a declared relative of theirs (either way round),
 * or whoever approved it for the unit. The notice says only that one waits, at which stage, since when: not the
 * cadre's name, the kind of declaration or anything of its content, since a notice leaves the audited integrity
 * files (an inbox read is not audited; a WeChat message passes through WeChat).
 */
@ApplicationScoped
class DeclarationNotices {

    private static final UUID NOBODY = new UUID(0, 0);

    private static final String REVIEWERS = """
            select distinct a.person_id from role_grant g
            join account a on a.id = g.account_id
            join person p on p.id = a.person_id
            join org_unit u on u.id = g.org_unit_id
            where g.revoked_at is null and g.role = :role and a.active and p.active
              and (select path from org_unit where id = :unit) like u.path || '%'
              and a.person_id <> :cadre
              and a.person_id <> coalesce((select person_id from account where id = :approver), :nobody)
              and not exists (select 1 from integrity_relation r
                  where (r.cadre_person_id = :cadre and r.relative_person_id = a.person_id)
                     or (r.cadre_person_id = a.person_id and r.relative_person_id = :cadre))""";

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final Notices notices;

    DeclarationNotices(EntityManager em, BusinessCalendar calendar, Notices notices) {
        this.em = em;
        this.calendar = calendar;
        this.notices = notices;
    }

    /** The declaration now waits at its state (AWAITING_UNIT or AWAITING_OFFICER) of a cadre of this unit. */
    void waiting(Declaration declaration, UUID unitId) {
        String role;
        String state;
        if (declaration.state == Declaration.State.AWAITING_UNIT) {
            role = "SECRETARY";
            state = "待单位审核";
        } else if (declaration.state == Declaration.State.AWAITING_OFFICER) {
            role = "INTEGRITY_OFFICER";
            state = "待纪检委员审核";
        } else {
            return;
        }
        @SuppressWarnings("unchecked")
        List<UUID> reviewers = em.createNativeQuery(REVIEWERS).setParameter("role", role)
                .setParameter("unit", unitId).setParameter("cadre", declaration.personId)
                .setParameter("approver", declaration.unitReviewedBy == null ? NOBODY : declaration.unitReviewedBy)
                .setParameter("nobody", NOBODY).getResultList();
        Set<UUID> recipients = new HashSet<>(reviewers);
        notices.raise(new Notice(NoticeKind.DECLARATION_WAITING,
                "declaration:" + declaration.id + ":" + declaration.state.name(), recipients, calendar.now(),
                Map.of(NoticeField.STATE, state, NoticeField.TIME, declaration.submittedAt.toString()),
                "/v1/integrity-declarations/" + declaration.id));
    }
}
