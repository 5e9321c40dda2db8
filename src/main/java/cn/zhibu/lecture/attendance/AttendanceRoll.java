package cn.zhibu.lecture.attendance;

import cn.zhibu.lecture.Audience;
import cn.zhibu.lecture.PartyDay;
import cn.zhibu.lecture.PartyDayService;
import cn.zhibu.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.UUID;

/**
 * The attendance roll of a session: everyone it expects on its day (see {@link Audience}), and anyone else with a
 * record (who has left since, say), by name, with their status; the counts in the same pass over the database.
 */
@ApplicationScoped
public class AttendanceRoll {

    /** The people of the roll and their records: those the session expects, or anyone with a record. */
    private static final String ROLL = " from (" + Audience.expected() + """
             union select person_id from attendance where party_day_id = :day) who
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
        Tuple counts = (Tuple) parameters(em.createNativeQuery("select "
                + "count(*) filter (where a.status = 'PRESENT') as present, "
                + "count(*) filter (where a.status = 'LEAVE') as on_leave, "
                + "count(*) filter (where a.status = 'ABSENT') as absent, "
                + "count(*) filter (where a.status is null) as not_recorded" + ROLL, Tuple.class), day)
                .getSingleResult();
        List<Tuple> rows = parameters(em.createNativeQuery("select p.id as person_id, p.name as name, "
                + "a.status as status, a.method as method, a.reason as reason, a.recorded_at as recorded_at" + ROLL
                + " order by p.name, p.id limit " + (AttendanceService.ROLL_LIMIT + 1), Tuple.class), day)
                .getResultList();
        List<AttendanceViews.Entry> items = rows.stream().limit(AttendanceService.ROLL_LIMIT).map(r -> {
            String status = Rows.string(r, "status");
            String method = Rows.string(r, "method");
            return new AttendanceViews.Entry(Rows.uuid(r, "person_id"), Rows.string(r, "name"),
                    status == null ? AttendanceViews.RollStatus.NOT_RECORDED : AttendanceViews.RollStatus.valueOf(status),
                    method == null ? null : AttendanceMethod.valueOf(method), Rows.string(r, "reason"),
                    Rows.instant(r, "recorded_at"));
        }).toList();
        return new AttendanceViews.Roll(day.id, new AttendanceViews.Counts(Rows.integer(counts, "present"),
                Rows.integer(counts, "on_leave"), Rows.integer(counts, "absent"), Rows.integer(counts, "not_recorded")),
                items, rows.size() > AttendanceService.ROLL_LIMIT);
    }

    private static jakarta.persistence.Query parameters(jakarta.persistence.Query query, PartyDay day) {
        return query.setParameter("day", day.id);
    }
}
