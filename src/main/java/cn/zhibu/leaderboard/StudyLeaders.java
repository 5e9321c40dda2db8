package cn.zhibu.leaderboard;

import cn.zhibu.leaderboard.StudyLeaderViews.Leader;
import cn.zhibu.leaderboard.StudyLeaderViews.State;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.platform.time.IsoWeek;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Study leaders of the week (本周领学人). Publishing a unit's week proposes the top
 * {@code zhibu.leaderboards.leaders-per-unit} members of its top-ranked child unit (of the unit itself when
 * no child unit is ranked); a secretary confirms them or chooses other participants of that week, once.
 */
@ApplicationScoped
public class StudyLeaders {

    private static final String COLUMNS = "l.id as id, l.scope_unit_id as scope_unit_id, l.iso_week as iso_week, "
            + "l.from_unit_id as from_unit_id, l.person_id as person_id, p.name as name, l.points as points, "
            + "l.state as state, l.proposed as proposed, l.decided_by as decided_by, l.decided_at as decided_at";

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final int perUnit;
    private final BoardVisibility visibility;

    StudyLeaders(EntityManager em, BusinessCalendar calendar, LeaderboardConfig settings, BoardVisibility visibility) {
        this.em = em;
        this.visibility = visibility;
        this.calendar = calendar;
        this.perUnit = settings.leadersPerUnit();
    }

    /**
     * Proposes the week's leaders of a snapshot just published (in its transaction); answers how many. They come
     * from the best-ranked child unit whose own board visibility shows study leaders (a branch that turned them off
     * is not named on its committee's), or from the unit itself when no child unit is ranked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int propose(UUID publishedWeekId, UUID unitId, IsoWeek week) {
        @SuppressWarnings("unchecked")
        List<Object> ranked = em.createNativeQuery("select unit_id from published_unit where published_week_id = :id "
                + "and rank is not null order by rank, position").setParameter("id", publishedWeekId).getResultList();
        UUID from = ranked.isEmpty() ? unitId : ranked.stream().map(UUID.class::cast)
                .filter(child -> visibility.of(child).unitsPublished()).findFirst().orElse(null);
        if (from == null) {
            return 0;
        }
        return em.createNativeQuery("""
                insert into study_leader (id, published_week_id, scope_unit_id, iso_week, from_unit_id, person_id,
                    points, state, proposed, created_at)
                select gen_random_uuid(), :published, :scope, :week, :from, s.person_id, s.points, 'PROPOSED', true, :at
                from week_score s
                where s.iso_week = :week and s.entries > 0 and s.points > 0 and s.unit_ids @> array[cast(:from as uuid)]
                order by s.points desc, s.reached_at, s.person_id
                limit :n""").setParameter("published", publishedWeekId).setParameter("scope", unitId)
                .setParameter("week", week.toString()).setParameter("from", from).setParameter("at", calendar.now())
                .setParameter("n", perUnit).executeUpdate();
    }

    /** The week's proposed and chosen leaders of the unit. */
    public StudyLeaderViews.Week week(UUID unitId, IsoWeek week) {
        List<Tuple> rows = em.createNativeQuery("select " + COLUMNS + " from study_leader l join person p "
                + "on p.id = l.person_id where l.scope_unit_id = :unit and l.iso_week = :week "
                + "order by l.state, l.points desc, l.person_id", Tuple.class).setParameter("unit", unitId)
                .setParameter("week", week.toString()).getResultList();
        return new StudyLeaderViews.Week(rows.stream().map(StudyLeaders::leader).toList());
    }

    /**
     * Confirms the week's leaders: proposed members, or other participants of that week on the unit's board
     * (422 {@code STUDY_LEADER_NOT_ELIGIBLE}); proposals not named are replaced. Once per week (409
     * {@code STUDY_LEADERS_CONFIRMED}); 404 {@code LEADERBOARD_WEEK_NOT_PUBLISHED} before the week is published.
     */
    @Transactional
    public StudyLeaderViews.Week confirm(UUID unitId, IsoWeek week, List<UUID> personIds, String by) {
        @SuppressWarnings("unchecked")
        List<Object> published = em.createNativeQuery("select id from published_week where unit_id = :unit "
                + "and iso_week = :week and superseded_at is null for update").setParameter("unit", unitId).setParameter("week", week.toString())
                .getResultList();
        if (published.isEmpty()) {
            throw new ProblemException(LeaderboardProblem.LEADERBOARD_WEEK_NOT_PUBLISHED, week.toString());
        }
        long decided = ((Number) em.createNativeQuery("select count(*) from study_leader where scope_unit_id = :unit "
                + "and iso_week = :week and state <> 'PROPOSED'").setParameter("unit", unitId)
                .setParameter("week", week.toString()).getSingleResult()).longValue();
        if (decided > 0) {
            throw new ProblemException(LeaderboardProblem.STUDY_LEADERS_CONFIRMED, week.toString());
        }
        Set<UUID> chosen = new LinkedHashSet<>(personIds);
        Instant now = calendar.now();
        for (UUID person : chosen) {
            int updated = em.createNativeQuery("update study_leader set state = 'CONFIRMED', decided_by = :by, "
                    + "decided_at = :at where scope_unit_id = :unit and iso_week = :week and person_id = :person")
                    .setParameter("by", by).setParameter("at", now).setParameter("unit", unitId)
                    .setParameter("week", week.toString()).setParameter("person", person).executeUpdate();
            if (updated == 0 && added(published.get(0), unitId, week, person, by, now) == 0) {
                throw new ProblemException(LeaderboardProblem.STUDY_LEADER_NOT_ELIGIBLE, person.toString(),
                        week.toString());
            }
        }
        em.createNativeQuery("update study_leader set state = 'REPLACED', decided_by = :by, decided_at = :at "
                + "where scope_unit_id = :unit and iso_week = :week and state = 'PROPOSED'").setParameter("by", by)
                .setParameter("at", now).setParameter("unit", unitId).setParameter("week", week.toString())
                .executeUpdate();
        return week(unitId, week);
    }

    /** A participant of the week on the unit's board, chosen though not proposed; 0 when not eligible. */
    private int added(Object publishedWeekId, UUID unitId, IsoWeek week, UUID person, String by, Instant now) {
        return em.createNativeQuery("""
                insert into study_leader (id, published_week_id, scope_unit_id, iso_week, from_unit_id, person_id,
                    points, state, proposed, created_at, decided_by, decided_at)
                select gen_random_uuid(), :published, :scope, :week, :scope, s.person_id, s.points, 'CONFIRMED', false,
                    :at, :by, :at
                from week_score s
                where s.iso_week = :week and s.person_id = :person and s.entries > 0
                    and s.unit_ids @> array[cast(:scope as uuid)]""")
                .setParameter("published", publishedWeekId).setParameter("scope", unitId)
                .setParameter("week", week.toString()).setParameter("person", person).setParameter("at", now)
                .setParameter("by", by).executeUpdate();
    }

    /** The unit's confirmed leaders, the latest week first. */
    public Page<Leader> history(UUID unitId, PageRequest page) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from study_leader l join person p "
                + "on p.id = l.person_id where l.scope_unit_id = :unit and l.state = 'CONFIRMED'");
        List<String> after = page.after().orElse(null);
        if (after != null) {
            sql.append(" and (l.iso_week < :week or (l.iso_week = :week and l.person_id > :person))");
        }
        sql.append(" order by l.iso_week desc, l.person_id limit ").append(page.fetchSize());
        var query = em.createNativeQuery(sql.toString(), Tuple.class).setParameter("unit", unitId);
        if (after != null) {
            query.setParameter("week", after.get(0)).setParameter("person", UUID.fromString(after.get(1)));
        }
        List<Tuple> rows = query.getResultList();
        List<Leader> leaders = new ArrayList<>(rows.stream().map(StudyLeaders::leader).toList());
        return page.page(leaders, l -> List.of(l.isoWeek(), l.personId().toString()), l -> l);
    }

    private static Leader leader(Tuple r) {
        return new Leader(Rows.uuid(r, "id"), Rows.uuid(r, "scope_unit_id"), Rows.string(r, "iso_week"),
                Rows.uuid(r, "from_unit_id"), Rows.uuid(r, "person_id"), Rows.string(r, "name"),
                Rows.integer(r, "points"), State.valueOf(Rows.string(r, "state")), Rows.bool(r, "proposed"),
                Rows.string(r, "decided_by"), Rows.instant(r, "decided_at"));
    }
}
