package cn.zhibu.stats;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.time.BusinessCalendar;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.zhibu.platform.http.EntityTags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Computes a unit's figures of one area for a period (and its children's, side by side) in one read-only snapshot,
 * and keeps each answer for {@code zhibu.stats.max-age} per unit, period, area, children option and business day.
 */
@ApplicationScoped
public class StatsService {

    /** The most children shown side by side (in their order); a unit with more shows the first ones. */
    static final int MOST_CHILDREN = 100;

    enum Area { MEMBERS, ORG_LIFE, STUDY, LECTURES, INTEGRITY }

    /** An answer: the view and its content tag. */
    record Answer(Object view, long tag, Instant until) {
    }

    private record Key(Area area, UUID unitId, LocalDate from, LocalDate to, boolean children, LocalDate today) {
    }

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final StatsSettings settings;
    private final ObjectMapper json;
    private final Members members;
    private final OrgLife orgLife;
    private final Study study;
    private final Lectures lectures;
    private final Integrity integrity;
    private final Map<Key, Answer> cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Answer> eldest) {
            return size() > settings.cachedAnswers();
        }
    });

    StatsService(EntityManager em, BusinessCalendar calendar, StatsSettings settings, ObjectMapper json,
            Members members, OrgLife orgLife, Study study, Lectures lectures, Integrity integrity) {
        this.em = em;
        this.calendar = calendar;
        this.settings = settings;
        this.json = json;
        this.members = members;
        this.orgLife = orgLife;
        this.study = study;
        this.lectures = lectures;
        this.integrity = integrity;
    }

    /** Forgets every kept answer (the next ones are computed afresh). */
    public void clear() {
        cache.clear();
    }

    Answer answer(Area area, StatsViews.Unit unit, LocalDate from, LocalDate to, boolean children) {
        LocalDate today = calendar.today();
        Key key = new Key(area, unit.unitId(), from, to, children, today);
        Instant now = calendar.now();
        Answer kept = cache.get(key);
        if (kept != null && kept.until().isAfter(now)) {
            return kept;
        }
        Object view = compute(area, unit, from, to, children, today);
        try {
            Answer answer = new Answer(view, EntityTags.ofContent(json.writeValueAsBytes(view)),
                    now.plus(settings.maxAge()));
            cache.put(key, answer);
            return answer;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    Object compute(Area area, StatsViews.Unit unit, LocalDate from, LocalDate to, boolean children, LocalDate today) {
        em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
        Cells cells = new Cells(settings.minCell());
        StatsViews.Period period = new StatsViews.Period(from, to, to.isAfter(today) ? today : to, cells.min());
        Scope scope = new Scope(unit.unitId(), path(unit.unitId()), from, to, today);
        List<Tuple> kids = children ? children(unit.unitId()) : List.of();
        return switch (area) {
            case MEMBERS -> new StatsViews.MemberStats(unit, period, members.figures(scope, cells), side(kids, scope,
                    (u, s) -> new StatsViews.MemberChild(u, members.figures(s, cells)), children));
            case ORG_LIFE -> new StatsViews.OrgLifeStats(unit, period, orgLife.figures(scope, cells), side(kids, scope,
                    (u, s) -> new StatsViews.OrgLifeChild(u, orgLife.figures(s, cells)), children));
            case STUDY -> new StatsViews.StudyStats(unit, period, study.figures(scope, cells), side(kids, scope,
                    (u, s) -> new StatsViews.StudyChild(u, study.figures(s, cells)), children));
            case LECTURES -> new StatsViews.LectureStats(unit, period, lectures.figures(scope, cells), side(kids, scope,
                    (u, s) -> new StatsViews.LectureChild(u, lectures.figures(s, cells)), children));
            case INTEGRITY -> new StatsViews.IntegrityStats(unit, period, integrity.figures(scope, cells), side(kids,
                    scope, (u, s) -> new StatsViews.IntegrityChild(u, integrity.figures(s, cells)), children));
        };
    }

    private static <T> List<T> side(List<Tuple> kids, Scope scope, BiFunction<StatsViews.Unit, Scope, T> figures,
            boolean children) {
        if (!children) {
            return null;
        }
        List<T> side = new ArrayList<>();
        for (Tuple kid : kids) {
            UUID id = Rows.uuid(kid, "id");
            side.add(figures.apply(new StatsViews.Unit(id, Rows.string(kid, "name"), Rows.string(kid, "kind")),
                    new Scope(id, Rows.string(kid, "path"), scope.from(), scope.to(), scope.today())));
        }
        return side;
    }

    private String path(UUID unitId) {
        return (String) em.createNativeQuery("select path from org_unit where id = :id").setParameter("id", unitId)
                .getSingleResult();
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> children(UUID unitId) {
        return em.createNativeQuery("select id as id, name as name, kind as kind, path as path from org_unit where "
                + "parent_id = :id and archived_at is null order by sort_order, name, id limit " + MOST_CHILDREN,
                Tuple.class).setParameter("id", unitId).getResultList();
    }
}
