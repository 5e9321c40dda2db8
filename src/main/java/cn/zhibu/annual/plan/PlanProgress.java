package cn.zhibu.annual.plan;

import cn.zhibu.lecture.PartyDayKind;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The live progress of a plan's items, read from the records themselves (nothing is typed in twice): what a unit did
 * in a year, counted per kind of work in one statement, whatever the number of items.
 * <ul>
 * <li>sessions: the branch's party days HELD on a day of the year, per kind (PARTY_LECTURES: kind PARTY_LECTURE);</li>
 * <li>lectures delivered: micro lectures DELIVERED at the branch's sessions of the year;</li>
 * <li>quizzes held: quizzes of the unit (or a unit under it) opened in the year and not withdrawn before opening,
 * and the quiz contests of the branch's sessions HELD in the year (on the session's day);</li>
 * <li>integrity reviews: periodic conduct reviews (CONDUCT_REVIEW entries, not amendments) recorded in the year in
 * the files of the unit's people (the cadre's branch of the day, or the file's unit if they have none). Counts
 * only: no entry's content is read.</li>
 * </ul>
 */
@ApplicationScoped
public class PlanProgress {

    private static final String COUNTS = """
            select 'SESSIONS' as kind, d.kind as session_kind, count(*) as done, min(d.held_on) as first_on
              from party_day d
             where d.branch_id = :unit and d.state = 'HELD' and d.held_on between :first and :last
             group by d.kind
            union all
            select 'LECTURES_DELIVERED', null, count(*), min(d.held_on)
              from micro_lecture l join party_day d on d.id = l.party_day_id
             where d.branch_id = :unit and l.outcome = 'DELIVERED' and d.held_on between :first and :last
            union all
            select 'QUIZZES_HELD', null, count(*), min(q.on_day) from (
                select case when c.quiz_id is null
                            then cast((coalesce(z.publish_from, m.publish_from) at time zone :zone) as date)
                            else cd.held_on end as on_day
                  from quiz z
                  left join study_material m on m.id = z.material_id
                  left join quiz_contest c on c.quiz_id = z.id
                  left join party_day cd on cd.id = c.party_day_id
                 where (z.org_unit_id in (select u.id from org_unit u where u.path like :under)
                        or c.branch_id = :unit)
                   and (case when c.quiz_id is null
                             then coalesce(z.publish_from, m.publish_from) <= :now
                                  and (z.withdrawn_at is null
                                       or z.withdrawn_at > coalesce(z.publish_from, m.publish_from))
                             else cd.state = 'HELD' and c.branch_id = :unit end)) q
             where q.on_day between :first and :last
            union all
            select 'INTEGRITY_REVIEWS', null, count(*), cast(min(e.recorded_at at time zone :zone) as date)
              from integrity_entry e join integrity_file f on f.id = e.file_id
             where e.type = 'CONDUCT_REVIEW' and e.amends_id is null
               and e.recorded_at >= :from and e.recorded_at < :until
               and coalesce((select b.org_unit_id from membership b where b.person_id = f.person_id and b.is_branch
                             and b.end_date is null), f.unit_id) = :unit
            """;

    private final EntityManager em;
    private final BusinessCalendar calendar;

    PlanProgress(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    /** How many records of a kind, and the day of the first. */
    public record Tally(long done, LocalDate firstOn) {

        static final Tally NONE = new Tally(0, null);
    }

    /** What the unit did in the year, per kind of work (and, for sessions, per kind of session). */
    public record Counts(Map<String, Tally> tallies) {

        public Tally of(ItemKind kind, PartyDayKind sessionKind) {
            String key = switch (kind) {
                case SESSIONS -> "SESSIONS:" + sessionKind;
                case PARTY_LECTURES -> "SESSIONS:" + PartyDayKind.PARTY_LECTURE;
                default -> kind.name();
            };
            return tallies.getOrDefault(key, Tally.NONE);
        }
    }

    /** Counts the unit's records of the year, in one statement. */
    @SuppressWarnings("unchecked")
    public Counts of(UUID unitId, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Instant from = first.atStartOfDay(calendar.zone()).toInstant();
        Instant until = last.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        String path = em.createQuery("select u.path from OrgUnit u where u.id = :id", String.class)
                .setParameter("id", unitId).getSingleResult();
        List<Tuple> rows = em.createNativeQuery(COUNTS, Tuple.class).setParameter("unit", unitId)
                .setParameter("first", first).setParameter("last", last).setParameter("from", from)
                .setParameter("until", until).setParameter("now", calendar.now())
                .setParameter("zone", calendar.zone().getId()).setParameter("under", path + "%").getResultList();
        Map<String, Tally> tallies = new HashMap<>();
        for (Tuple row : rows) {
            String kind = Rows.string(row, "kind");
            String key = "SESSIONS".equals(kind) ? kind + ":" + Rows.string(row, "session_kind") : kind;
            tallies.put(key, new Tally(Rows.longValue(row, "done"), Rows.localDate(row, "first_on")));
        }
        return new Counts(tallies);
    }

    /** An item's progress against what the unit did. */
    public static PlanViews.Progress progress(PlanItem item, Counts counts) {
        if (!item.kind.recorded()) {
            boolean ticked = item.doneAt != null;
            return new PlanViews.Progress(ticked ? 1 : 0, 1, null, ticked);
        }
        Tally tally = counts.of(item.kind, item.sessionKind);
        boolean met = item.targetCount != null ? tally.done() >= item.targetCount
                : tally.firstOn() != null && !tally.firstOn().isAfter(item.targetDate);
        return new PlanViews.Progress((int) Math.min(tally.done(), Integer.MAX_VALUE), item.targetCount,
                tally.firstOn(), met);
    }
}
