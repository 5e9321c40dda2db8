package cn.zhibu.lecture.rotation;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Coverage figures of a branch over a period (培训覆盖面): the share of its party members who attended at least
 * one session, the lectures delivered per member, each member's figures, and who is due to lecture next. Sessions
 * count once started and not cancelled; members are those with a membership of the branch in the period.
 */
@ApplicationScoped
public class Coverage {

    static final int MOST_PEOPLE = 1000;
    static final int DUE_SHOWN = 10;

    private static final String PEOPLE = """
            with members as (
                select distinct p.id, p.name from membership m join person p on p.id = m.person_id
                 where m.org_unit_id = :branch and m.start_date <= :to and (m.end_date is null or m.end_date >= :from)
                   and p.political_status in ('FULL', 'PROBATIONARY')),
            sessions as (
                select id from party_day where branch_id = :branch and state <> 'CANCELLED'
                   and held_on between :from and :to and starts_at <= :now)
            select m.id as person_id, m.name as name,
                   (select count(*) from attendance a where a.person_id = m.id and a.status = 'PRESENT'
                       and a.party_day_id in (select id from sessions)) as attended,
                   (select count(*) from micro_lecture l where l.speaker_id = m.id and l.outcome = 'DELIVERED'
                       and l.party_day_id in (select id from sessions)) as delivered,
                   (select max(d.held_on) from micro_lecture l join party_day d on d.id = l.party_day_id
                     where l.speaker_id = m.id and l.outcome = 'DELIVERED' and d.branch_id = :branch) as last_lecture_on,
                   (select count(*) from sessions) as sessions
              from members m order by m.name, m.id""";

    private final EntityManager em;
    private final RotationService rotation;
    private final BusinessCalendar calendar;

    Coverage(EntityManager em, RotationService rotation, BusinessCalendar calendar) {
        this.em = em;
        this.rotation = rotation;
        this.calendar = calendar;
    }

    @SuppressWarnings("unchecked")
    public RotationViews.Coverage of(UUID branchId, LocalDate from, LocalDate to, boolean withPeople, Locale locale) {
        List<Tuple> rows = em.createNativeQuery(PEOPLE, Tuple.class).setParameter("branch", branchId)
                .setParameter("from", from).setParameter("to", to).setParameter("now", calendar.now()).getResultList();
        List<RotationViews.CoveragePerson> people = rows.stream().map(r -> new RotationViews.CoveragePerson(Rows.uuid(r, "person_id"), Rows.string(r, "name"),
                Rows.integer(r, "attended"), Rows.integer(r, "delivered"), Rows.localDate(r, "last_lecture_on")))
                .toList();
        int sessions = rows.isEmpty() ? 0 : Rows.integer(rows.get(0), "sessions");
        int attended = (int) people.stream().filter(p -> p.sessionsAttended() > 0).count();
        int lectures = people.stream().mapToInt(RotationViews.CoveragePerson::lecturesDelivered).sum();
        int members = people.size();
        return new RotationViews.Coverage(branchId, from, to, members, sessions, attended,
                members == 0 ? 0 : Math.round(10000.0 * attended / members) / 10000.0, lectures,
                members == 0 ? 0 : Math.round(10000.0 * lectures / members) / 10000.0,
                withPeople ? people.subList(0, Math.min(MOST_PEOPLE, members)) : List.of(),
                withPeople ? rotation.due(branchId, DUE_SHOWN, locale) : List.of());
    }
}
