package cn.zhibu.leaderboard;

import cn.zhibu.leaderboard.VisibilityViews.PersonBoards;
import cn.zhibu.leaderboard.VisibilityViews.UnitBoards;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What each unit's boards show: its own choice (a branch's or committee's), else the nearest unit above it that
 * chose, else the defaults. Read on every board request, never cached: a branch that turns its boards off is
 * obeyed at once. Every choice is also recorded, as made, in an append-only history.
 */
@ApplicationScoped
public class BoardVisibility {

    /** What boards show where nobody chose: each member their own standing; units and study leaders published. */
    static final Shown DEFAULT = new Shown(PersonBoards.SELF_ONLY, UnitBoards.PUBLISHED, true);

    /** The ids of a unit and the units above it, root first, from its materialised path. */
    private static final String LINE = "cast(string_to_array(trim(both '/' from %s), '/') as uuid[])";

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final LeaderboardService boards;

    BoardVisibility(EntityManager em, BusinessCalendar calendar, LeaderboardService boards) {
        this.em = em;
        this.calendar = calendar;
        this.boards = boards;
    }

    /** What boards show, as one unit has it. */
    public record Shown(PersonBoards personBoards, UnitBoards unitBoards, boolean weeklyPublication) {

        boolean peoplePublished() {
            return personBoards == PersonBoards.PUBLISHED;
        }

        boolean unitsPublished() {
            return unitBoards == UnitBoards.PUBLISHED;
        }
    }

    /**
     * What the unit's boards show: one query on every board request, so the unit is not looked up again (its callers
     * have: an unknown unit has no choice and would get the defaults).
     */
    @Transactional
    public Shown of(UUID unitId) {
        Tuple row = choice(unitId);
        return row == null ? DEFAULT : shown(row);
    }

    /** What a caller (a person, or none for an API client) may see of the unit's people. */
    @Transactional
    public Seen seen(UUID unitId, UUID viewer) {
        Shown shown = of(unitId);
        return new Seen(shown, viewer, shown.peoplePublished() ? unpublishedBranchesBelow(unitId) : Set.of());
    }

    /** What the unit's boards show, where its units board is (404 {@code LEADERBOARD_UNITS_OFF} where it is OFF). */
    @Transactional
    public Shown requireUnitBoards(UUID unitId) {
        Shown shown = of(unitId);
        if (!shown.unitsPublished()) {
            throw new ProblemException(LeaderboardProblem.LEADERBOARD_UNITS_OFF);
        }
        return shown;
    }

    /** The unit's visibility with where it comes from (404 for an unknown unit). */
    @Transactional
    public VisibilityViews.Visibility find(UUID unitId) {
        boards.unit(unitId);
        Tuple row = choice(unitId);
        if (row == null) {
            return new VisibilityViews.Visibility(unitId, DEFAULT.personBoards(), DEFAULT.unitBoards(),
                    DEFAULT.weeklyPublication(), null, 0);
        }
        Shown shown = shown(row);
        UUID chosenBy = Rows.uuid(row, "unit_id");
        return new VisibilityViews.Visibility(unitId, shown.personBoards(), shown.unitBoards(),
                shown.weeklyPublication(), chosenBy, chosenBy.equals(unitId) ? Rows.longValue(row, "version") : 0);
    }

    /** The nearest choice at or above the unit; null when nobody chose. */
    private Tuple choice(UUID unitId) {
        List<Tuple> rows = em.createNativeQuery(("""
                select v.unit_id as unit_id, v.person_boards as person_boards, v.unit_boards as unit_boards,
                    v.weekly_publication as weekly_publication, v.version as version
                from (select %s as line from org_unit where id = :unit) u
                join board_visibility v on v.unit_id = any(u.line)
                order by array_position(u.line, v.unit_id) desc limit 1""").formatted(LINE.formatted("path")),
                Tuple.class).setParameter("unit", unitId).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static Shown shown(Tuple row) {
        return new Shown(PersonBoards.valueOf(Rows.string(row, "person_boards")),
                UnitBoards.valueOf(Rows.string(row, "unit_boards")), Rows.bool(row, "weekly_publication"));
    }

    /**
     * The branches below a committee whose own boards of people are not PUBLISHED: their people appear as 匿名 on
     * the committee's boards. Empty for any other unit (its board is its branch's, whose choice decides).
     */
    private Set<UUID> unpublishedBranchesBelow(UUID unitId) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery(("""
                select b.id from org_unit c join org_unit b on b.path like c.path || '%%' and b.kind = 'BRANCH'
                where c.id = :unit and c.kind = 'COMMITTEE'
                and coalesce((select v.person_boards from board_visibility v where v.unit_id = any(%1$s)
                              order by array_position(%1$s, v.unit_id) desc limit 1), :fallback) <> 'PUBLISHED'""")
                .formatted(LINE.formatted("b.path"))).setParameter("unit", unitId)
                .setParameter("fallback", DEFAULT.personBoards().name()).getResultList();
        Set<UUID> branches = new HashSet<>();
        ids.forEach(id -> branches.add((UUID) id));
        return Set.copyOf(branches);
    }

    /**
     * Records the unit's choice: the first time without If-Match, afterwards with the If-Match of its own choice
     * last read (428 without it, 412 when stale); each choice is kept in the history too. A unit's own choice
     * starts at version 1, so the 0 of a unit that had none (inherited or default) never matches it.
     */
    @Transactional
    public VisibilityViews.Visibility choose(UUID unitId, String ifMatch, VisibilityViews.Change change, String by) {
        LeaderboardService.Unit unit = boards.unit(unitId);
        if (!"BRANCH".equals(unit.kind()) && !"COMMITTEE".equals(unit.kind())) {
            throw new ProblemException(LeaderboardProblem.BOARD_VISIBILITY_NOT_A_BRANCH);
        }
        Instant now = calendar.now();
        @SuppressWarnings("unchecked")
        List<Object> stored = em.createNativeQuery("select version from board_visibility where unit_id = :u "
                + "for update").setParameter("u", unitId).getResultList();
        if (stored.isEmpty()) {
            em.createNativeQuery("""
                    insert into board_visibility (unit_id, person_boards, unit_boards, weekly_publication, version,
                        updated_by, updated_at) values (:u, :p, :b, :w, 1, :by, :at)""")
                    .setParameter("u", unitId).setParameter("p", change.personBoards().name())
                    .setParameter("b", change.unitBoards().name()).setParameter("w", change.weeklyPublication())
                    .setParameter("by", by).setParameter("at", now).executeUpdate();
        } else {
            IfMatch.parse(ifMatch).check(((Number) stored.get(0)).longValue());
            em.createNativeQuery("""
                    update board_visibility set person_boards = :p, unit_boards = :b, weekly_publication = :w,
                        version = version + 1, updated_by = :by, updated_at = :at where unit_id = :u""")
                    .setParameter("u", unitId).setParameter("p", change.personBoards().name())
                    .setParameter("b", change.unitBoards().name()).setParameter("w", change.weeklyPublication())
                    .setParameter("by", by).setParameter("at", now).executeUpdate();
        }
        em.createNativeQuery("""
                insert into board_visibility_change (id, unit_id, person_boards, unit_boards, weekly_publication,
                    changed_by, changed_at) values (gen_random_uuid(), :u, :p, :b, :w, :by, :at)""")
                .setParameter("u", unitId).setParameter("p", change.personBoards().name())
                .setParameter("b", change.unitBoards().name()).setParameter("w", change.weeklyPublication())
                .setParameter("by", by).setParameter("at", now).executeUpdate();
        return find(unitId);
    }

    /** The unit's own choices, the latest first. */
    @Transactional
    public Page<VisibilityViews.ChangeRecord> history(UUID unitId, PageRequest page) {
        boards.unit(unitId);
        List<String> after = page.after().orElse(null);
        var query = em.createNativeQuery("""
                select id as id, unit_id as unit_id, person_boards as person_boards, unit_boards as unit_boards,
                    weekly_publication as weekly_publication, changed_by as changed_by, changed_at as changed_at
                from board_visibility_change where unit_id = :u"""
                + (after == null ? "" : " and (changed_at < :at or (changed_at = :at and id < :id))")
                + " order by changed_at desc, id desc limit " + page.fetchSize(), Tuple.class)
                .setParameter("u", unitId);
        if (after != null) {
            query.setParameter("at", Instant.parse(after.get(0))).setParameter("id", UUID.fromString(after.get(1)));
        }
        List<Tuple> rows = query.getResultList();
        return page.page(rows, r -> List.of(Rows.instant(r, "changed_at").toString(), Rows.uuid(r, "id").toString()),
                r -> new VisibilityViews.ChangeRecord(Rows.uuid(r, "unit_id"),
                        PersonBoards.valueOf(Rows.string(r, "person_boards")),
                        UnitBoards.valueOf(Rows.string(r, "unit_boards")), Rows.bool(r, "weekly_publication"),
                        Rows.string(r, "changed_by"), Rows.instant(r, "changed_at")));
    }
}
