package cn.zhibu.lecture.attendance;

import cn.zhibu.lecture.PartyDay;
import cn.zhibu.lecture.PartyDayService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The attendance roll of a session: every member of its branch on its day, and anyone else with a record
 * (who has left since, say), by name, with their status; the counts in the same pass over the database.
 */
@ApplicationScoped
public class AttendanceRoll {

    /** The people of the roll and their records: members on the day, or anyone with a record. */
    private static final String ROLL = """
            from (select m.person_id from membership m where m.org_unit_id = :branch and m.is_branch
                    and m.start_date <= :on and (m.end_date is null or m.end_date >= :on)
                  union
                  select person_id from attendance where party_day_id = :day) who
            join person p on p.id = who.person_id
            left join attendance a on a.party_day_id = :day and a.person_id = p.id
            """;

    private final EntityManager em;
    private final PartyDayService days;

    AttendanceRoll(EntityManager em, PartyDayService days) {
        this.em = em;
        this.days = days;
    }

    @SuppressWarnings("unchecked")
    public AttendanceViews.Roll roll(UUID partyDayId) {
        PartyDay day = days.require(partyDayId);
        Object[] counts = (Object[]) parameters(em.createNativeQuery("select "
                + "count(*) filter (where a.status = 'PRESENT'), count(*) filter (where a.status = 'LEAVE'), "
                + "count(*) filter (where a.status = 'ABSENT'), count(*) filter (where a.status is null) " + ROLL), day)
                .getSingleResult();
        List<Object[]> rows = parameters(em.createNativeQuery("select p.id, p.name, a.status, a.method, a.reason, "
                + "a.recorded_at " + ROLL + " order by p.name, p.id limit " + (AttendanceService.ROLL_LIMIT + 1)),
                day).getResultList();
        List<AttendanceViews.Entry> items = rows.stream().limit(AttendanceService.ROLL_LIMIT).map(r ->
                new AttendanceViews.Entry((UUID) r[0], (String) r[1],
                        r[2] == null ? AttendanceViews.RollStatus.NOT_RECORDED
                                : AttendanceViews.RollStatus.valueOf((String) r[2]),
                        r[3] == null ? null : AttendanceMethod.valueOf((String) r[3]), (String) r[4], instant(r[5])))
                .toList();
        return new AttendanceViews.Roll(day.id, new AttendanceViews.Counts(count(counts[0]), count(counts[1]),
                count(counts[2]), count(counts[3])), items, rows.size() > AttendanceService.ROLL_LIMIT);
    }

    private static jakarta.persistence.Query parameters(jakarta.persistence.Query query, PartyDay day) {
        return query.setParameter("day", day.id).setParameter("branch", day.branchId).setParameter("on", day.heldOn);
    }

    private static int count(Object value) {
        return ((Number) value).intValue();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
