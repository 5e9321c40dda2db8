package cn.zhibu.notify;

import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A branch's quiet hours (免打扰时段): its own choice, or the service's default. */
@ApplicationScoped
public class QuietHoursChoice {

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final NotifySettings settings;

    QuietHoursChoice(EntityManager em, BusinessCalendar calendar, NotifySettings settings) {
        this.em = em;
        this.calendar = calendar;
        this.settings = settings;
    }

    @Transactional
    public NotificationViews.Quiet find(UUID unitId) {
        branch(unitId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select starts_at, ends_at, version from notification_quiet_hours where unit_id = :unit")
                .setParameter("unit", unitId).getResultList();
        if (rows.isEmpty()) {
            return new NotificationViews.Quiet(unitId, written(settings.quietFrom()), written(settings.quietUntil()),
                    false, 0);
        }
        Object[] row = rows.get(0);
        return new NotificationViews.Quiet(unitId, written(timeOfDay(row[0])),
                written(timeOfDay(row[1])), true, ((Number) row[2]).intValue());
    }

    /** The branch's quiet hours from now on: its first choice without If-Match, later ones with it. */
    @Transactional
    public NotificationViews.Quiet choose(UUID unitId, String ifMatch, NotificationViews.QuietChange change,
            String by) {
        branch(unitId);
        LocalTime from = LocalTime.parse(change.from());
        LocalTime until = LocalTime.parse(change.until());
        @SuppressWarnings("unchecked")
        List<Object> stored = em.createNativeQuery(
                "select version from notification_quiet_hours where unit_id = :unit for update")
                .setParameter("unit", unitId).getResultList();
        if (stored.isEmpty()) {
            if (ifMatch != null && !ifMatch.isBlank()) {
                IfMatch.parse(ifMatch).check(0);
            }
            int inserted = em.createNativeQuery("""
                    insert into notification_quiet_hours (unit_id, starts_at, ends_at, version, updated_at, updated_by)
                    values (:unit, :from, :until, 1, :now, :by) on conflict (unit_id) do nothing""")
                    .setParameter("unit", unitId).setParameter("from", from).setParameter("until", until)
                    .setParameter("now", calendar.now()).setParameter("by", by).executeUpdate();
            if (inserted == 0) { // another first choice was made at the same moment: this one read version 0
                throw new ProblemException(ProblemCode.PRECONDITION_FAILED);
            }
        } else {
            IfMatch.parse(ifMatch).check(((Number) stored.get(0)).longValue());
            em.createNativeQuery("""
                    update notification_quiet_hours set starts_at = :from, ends_at = :until, version = version + 1,
                        updated_at = :now, updated_by = :by where unit_id = :unit""")
                    .setParameter("unit", unitId).setParameter("from", from).setParameter("until", until)
                    .setParameter("now", calendar.now()).setParameter("by", by).executeUpdate();
        }
        return find(unitId);
    }

    private void branch(UUID unitId) {
        List<?> kind = em.createNativeQuery("select kind from org_unit where id = :unit")
                .setParameter("unit", unitId).getResultList();
        if (kind.isEmpty()) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        if (!"BRANCH".equals(kind.get(0))) {
            throw new ProblemException(NotifyProblem.QUIET_HOURS_NOT_A_BRANCH);
        }
    }

    /** A {@code time} column as read by a native query (a LocalTime, or a java.sql.Time from older drivers). */
    static LocalTime timeOfDay(Object value) {
        return value instanceof java.sql.Time time ? time.toLocalTime() : (LocalTime) value;
    }

    private static String written(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
