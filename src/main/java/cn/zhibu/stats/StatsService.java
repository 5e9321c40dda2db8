package cn.zhibu.stats;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.http.EntityTags;
import cn.zhibu.platform.time.BusinessCalendar;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * Computes a unit's figures of one area for a period (and its children's, side by side) in one read-only snapshot.
 * A unit's cells are decided with its siblings' ({@link Differencing}): its figures are those of its parent's family,
 * whoever asks and however. Answers and families are kept for {@code zhibu.stats.max-age}, per unit, period, area,
 * children option and business day, within {@code zhibu.stats.cache-size}.
 */
@ApplicationScoped
public class StatsService {

    /** The most children shown side by side (in their order); a unit with more shows the first ones. */
    static final int MOST_CHILDREN = 100;

    /** Roughly what one kept cell takes in memory (a record, its number and its period or key). */
    private static final long BYTES_PER_CELL = 120;

    enum Area { MEMBERS, ORG_LIFE, STUDY, LECTURES, INTEGRITY }

    /** An answer: the view and its content tag. */
    record Answer(Object view, long tag, Instant until) {
    }

    private record Key(Area area, UUID unitId, LocalDate from, LocalDate to, boolean children, LocalDate today) {
    }

    /** A unit's figures as shown, and its children's (archived ones too) decided together given them. */
    private record Family(Record self, List<StatsViews.Unit> units, List<Boolean> active, List<Record> children) {
    }

    private record Kept(Object value, long bytes, Instant until) {
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
    private final LinkedHashMap<Object, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long keptBytes;

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
    public synchronized void clear() {
        kept.clear();
        keptBytes = 0;
    }

    Answer answer(Area area, StatsViews.Unit unit, LocalDate from, LocalDate to, boolean children) {
        LocalDate today = calendar.today();
        Key key = new Key(area, unit.unitId(), from, to, children, today);
        Instant now = calendar.now();
        if (kept(key, now) instanceof Answer answer) {
            return answer;
        }
        Object view = compute(area, unit, from, to, children, today);
        try {
            byte[] body = json.writeValueAsBytes(view);
            Answer answer = new Answer(view, EntityTags.ofContent(body), now.plus(settings.maxAge()));
            keep(key, answer, body.length, answer.until());
            return answer;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    Object compute(Area area, StatsViews.Unit unit, LocalDate from, LocalDate to, boolean children, LocalDate today) {
        em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
        // plans made for each unit's own values: a plan kept for any subtree reads every row for a branch's few
        em.createNativeQuery("select set_config('work_mem', '" + StatsQueries.WORK_MEM + "', true), "
                + "set_config('plan_cache_mode', 'force_custom_plan', true)").getResultList();
        int min = settings.minCell();
        StatsViews.Period period = new StatsViews.Period(from, to, to.isAfter(today) ? today : to, min);
        Scope scope = new Scope(unit.unitId(), path(unit.unitId()), from, to, today);
        Family own = children ? family(area, scope) : null;
        Record figures = own != null ? own.self() : shown(area, scope, null, new Cells(min));
        List<Object> side = null;
        if (own != null) {
            side = new ArrayList<>();
            for (int i = 0; i < own.units().size() && side.size() < MOST_CHILDREN; i++) {
                if (own.active().get(i)) {
                    side.add(child(area, own.units().get(i), own.children().get(i)));
                }
            }
        }
        return view(area, unit, period, figures, side);
    }

    /** The figures of a unit and of all its children, decided together; kept like answers. */
    private Family family(Area area, Scope scope) {
        Instant now = calendar.now();
        List<Object> key = List.of(area, scope.unitId(), scope.from(), scope.to(), scope.today());
        if (kept(key, now) instanceof Family family) {
            return family;
        }
        Cells cells = new Cells(settings.minCell());
        Record parent = figures(area, scope, cells);
        List<StatsViews.Unit> units = new ArrayList<>();
        List<Boolean> active = new ArrayList<>();
        List<Record> raw = new ArrayList<>();
        for (Tuple kid : children(scope.unitId())) {
            UUID id = Rows.uuid(kid, "id");
            units.add(new StatsViews.Unit(id, Rows.string(kid, "name"), Rows.string(kid, "kind")));
            active.add(Boolean.TRUE.equals(kid.get("active")));
            raw.add(figures(area, new Scope(id, Rows.string(kid, "path"), scope.from(), scope.to(), scope.today()),
                    cells));
        }
        Record shownParent = shown(area, scope, parent, cells);
        Family family = new Family(shownParent, units, active, Differencing.family(parent, shownParent, raw, cells));
        keep(key, family, cells.count() * BYTES_PER_CELL, now.plus(settings.maxAge()));
        return family;
    }

    /**
     * A unit's figures as shown: as decided in its parent's family (which is decided given what the parent shows, and
     * so on up), or alone at the top. {@code raw}: its figures if already computed with {@code cells}.
     */
    private Record shown(Area area, Scope scope, Record raw, Cells cells) {
        UUID parent = parentOf(scope.unitId());
        if (parent != null) {
            Family siblings = family(area, new Scope(parent, path(parent), scope.from(), scope.to(), scope.today()));
            int at = siblings.units().stream().map(StatsViews.Unit::unitId).toList().indexOf(scope.unitId());
            if (at >= 0) {
                return siblings.children().get(at);
            }
        }
        return Differencing.alone(raw != null ? raw : figures(area, scope, cells), cells);
    }

    private Record figures(Area area, Scope scope, Cells cells) {
        return switch (area) {
            case MEMBERS -> members.figures(scope, cells);
            case ORG_LIFE -> orgLife.figures(scope, cells);
            case STUDY -> study.figures(scope, cells);
            case LECTURES -> lectures.figures(scope, cells);
            case INTEGRITY -> integrity.figures(scope, cells);
        };
    }

    private static Object child(Area area, StatsViews.Unit unit, Record figures) {
        return switch (area) {
            case MEMBERS -> new StatsViews.MemberChild(unit, (StatsViews.MemberFigures) figures);
            case ORG_LIFE -> new StatsViews.OrgLifeChild(unit, (StatsViews.OrgLifeFigures) figures);
            case STUDY -> new StatsViews.StudyChild(unit, (StatsViews.StudyFigures) figures);
            case LECTURES -> new StatsViews.LectureChild(unit, (StatsViews.LectureFigures) figures);
            case INTEGRITY -> new StatsViews.IntegrityChild(unit, (StatsViews.IntegrityFigures) figures);
        };
    }

    @SuppressWarnings("unchecked")
    private static Object view(Area area, StatsViews.Unit unit, StatsViews.Period period, Record figures,
            List<?> side) {
        return switch (area) {
            case MEMBERS -> new StatsViews.MemberStats(unit, period, (StatsViews.MemberFigures) figures,
                    (List<StatsViews.MemberChild>) side);
            case ORG_LIFE -> new StatsViews.OrgLifeStats(unit, period, (StatsViews.OrgLifeFigures) figures,
                    (List<StatsViews.OrgLifeChild>) side);
            case STUDY -> new StatsViews.StudyStats(unit, period, (StatsViews.StudyFigures) figures,
                    (List<StatsViews.StudyChild>) side);
            case LECTURES -> new StatsViews.LectureStats(unit, period, (StatsViews.LectureFigures) figures,
                    (List<StatsViews.LectureChild>) side);
            case INTEGRITY -> new StatsViews.IntegrityStats(unit, period, (StatsViews.IntegrityFigures) figures,
                    (List<StatsViews.IntegrityChild>) side);
        };
    }

    private synchronized Object kept(Object key, Instant now) {
        Kept k = kept.get(key);
        return k != null && k.until().isAfter(now) ? k.value() : null;
    }

    private synchronized void keep(Object key, Object value, long bytes, Instant until) {
        Kept old = kept.put(key, new Kept(value, bytes, until));
        keptBytes += bytes - (old == null ? 0 : old.bytes());
        for (Iterator<Kept> eldest = kept.values().iterator(); keptBytes > settings.cacheSize().asLongValue()
                && eldest.hasNext();) {
            keptBytes -= eldest.next().bytes();
            eldest.remove();
        }
    }

    private String path(UUID unitId) {
        return (String) em.createNativeQuery("select path from org_unit where id = :id").setParameter("id", unitId)
                .getSingleResult();
    }

    private UUID parentOf(UUID unitId) {
        return (UUID) em.createNativeQuery("select parent_id from org_unit where id = :id").setParameter("id", unitId)
                .getSingleResult();
    }

    /** Every child, active ones first in their order, then archived ones (their past counts in the parent's). */
    @SuppressWarnings("unchecked")
    private List<Tuple> children(UUID unitId) {
        return em.createNativeQuery("select id as id, name as name, kind as kind, path as path, archived_at is null "
                + "as active from org_unit where parent_id = :id order by archived_at is not null, sort_order, name, "
                + "id", Tuple.class).setParameter("id", unitId).getResultList();
    }
}
