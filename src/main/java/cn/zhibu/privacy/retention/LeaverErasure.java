package cn.zhibu.privacy.retention;

import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Erases people who left: those not active whose {@code left_on} lies before the first day still kept, and not
 * erased yet. Always erased, as contact fields: the phone number, the WeChat ids of their account (which is
 * disabled, its user name and password cleared, its open sessions revoked) and their personal calendar feeds
 * (revoked). {@code person.erased_at} is set, and the person's version moves on (a change made with an older ETag is
 * refused). With {@code namedInIntegrityFiles}, only people an integrity file names, and nothing more; otherwise
 * only people none names, and their personal fields too. The two kinds are the data classes {@link PeopleWhoLeft}
 * and {@link PeopleNamedInIntegrityFiles}, counted apart.
 */
abstract class LeaverErasure implements RetainedData {

    /** The name an erased person has from then on. */
    static final String ERASED_NAME = "已离开成员";

    private static final String NAMED = """
            (exists (select 1 from integrity_file f where f.person_id = p.id)
                or exists (select 1 from integrity_relation r
                           where r.cadre_person_id = p.id or r.relative_person_id = p.id))""";
    private static final String PERSONAL = """
            , name = :erasedName, external_id = null, job_title = null, party_join_date = null,
            birth_date = cast(date_trunc('year', p.birth_date) as date)""";

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final Duration retention;
    private final String sql;
    private final String name;

    LeaverErasure(EntityManager em, BusinessCalendar calendar, Duration retention, boolean namedInIntegrityFiles,
            String name) {
        this.name = name;
        this.em = em;
        this.calendar = calendar;
        this.retention = retention;
        this.sql = """
                with chosen as (
                    select p.id from person p
                    where not p.active and p.left_on < :keptFrom and p.erased_at is null and %s %s
                    order by p.left_on, p.id limit :limit for update of p skip locked),
                failures as (
                    delete from sign_in_failure f using account a
                    where a.person_id in (select id from chosen) and f.username = a.username returning f.username),
                accounts as (
                    update account a set wechat_openid = null, wechat_unionid = null, username = null,
                        password_hash = null, active = false, version = a.version + 1, updated_at = :now
                    where a.person_id in (select id from chosen) returning a.id),
                sessions as (
                    update refresh_family s set revoked_at = :now, revoke_reason = 'ACCOUNT_DISABLED'
                    where s.revoked_at is null and s.account_id in (select id from accounts) returning s.id),
                feeds as (
                    update calendar_feed c set revoked_at = :now
                    where c.revoked_at is null and c.person_id in (select id from chosen) returning c.id)
                update person p set phone_cipher = null, erased_at = :now, version = p.version + 1,
                    updated_at = :now %s
                where p.id in (select id from chosen)""".formatted(namedInIntegrityFiles ? "" : "not", NAMED,
                namedInIntegrityFiles ? "" : PERSONAL);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration retention() {
        return retention;
    }

    /** The start of the first business day whose leavers are kept: those who left before it have expired. */
    @Override
    public Instant cutoff(Instant now) {
        LocalDate keptFrom = calendar.dateOf(now).minusDays(retention.toDays());
        return keptFrom.atStartOfDay(calendar.zone()).toInstant();
    }

    @Override
    public int purgeBatch(Instant cutoff, Instant now, int limit) {
        var query = em.createNativeQuery(sql).setParameter("keptFrom", calendar.dateOf(cutoff))
                .setParameter("limit", limit).setParameter("now", now);
        if (sql.contains(":erasedName")) {
            query.setParameter("erasedName", ERASED_NAME);
        }
        return query.executeUpdate();
    }
}
