package cn.zhibu.lecture.compliance;

import cn.zhibu.lecture.PartyDayKind;
import cn.zhibu.lecture.PartyDayState;
import cn.zhibu.lecture.compliance.ComplianceCalculator.Mark;
import cn.zhibu.lecture.compliance.ComplianceCalculator.Result;
import cn.zhibu.org.OrgUnitKind;
import cn.zhibu.org.OrgUnitViews;
import cn.zhibu.lecture.Audience;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The yearly compliance view (an inspector's question): per branch and kind, the periods its frequency requires,
 * which were held, missed, are due or upcoming as of today, each session's attendance, and the members below their
 * study hours; a committee's branches side by side. A session counts as held once it is HELD or has started and
 * is not cancelled (as coverage counts it); one not started yet counts as planned; cancelled ones do not count.
 * Party group meetings are required of each party group of the branch (its active groups, and groups archived
 * during the year); a branch without party groups is held to them as a whole. A held session's attendance rate is
 * those present over those the session expects ({@link Audience}: its party group's members for a group meeting,
 * the branch committee's for a committee meeting, the branch's members otherwise) and anyone with a record.
 */
@ApplicationScoped
public class ComplianceService {

    static final int MOST_BRANCHES = 200;
    static final int MOST_LISTED = 1000;

    private static final String SESSIONS = """
            select d.id as id, d.branch_id as branch_id, d.kind as kind, d.theme as theme, d.held_on as held_on,
                   d.state as state, d.party_group_id as party_group_id,
                   (d.state = 'HELD' or d.starts_at <= :now) as counts_held,
                   (select count(*) from attendance a where a.party_day_id = d.id and a.status = 'PRESENT') as present,
                   (select count(*) from (""" + Audience.expectedOf("d") + """
                        union select a.person_id from attendance a where a.party_day_id = d.id) who) as expected
              from party_day d
             where d.branch_id = :branch and d.held_on between :from and :to and d.state <> 'CANCELLED'
             order by d.held_on, d.id""";

    /** The party members of a branch in the year (full and probationary). */
    static final String MEMBERS = """
            select distinct m.person_id from membership m join person p on p.id = m.person_id
             where m.org_unit_id = :branch and m.is_branch and m.start_date <= :to
               and (m.end_date is null or m.end_date >= :from) and p.political_status in ('FULL', 'PROBATIONARY')""";

    private final EntityManager em;
    private final OrgLifeRequirements requirements;
    private final StudyHoursService hours;
    private final BusinessCalendar calendar;

    ComplianceService(EntityManager em, OrgLifeRequirements requirements, StudyHoursService hours,
            BusinessCalendar calendar) {
        this.em = em;
        this.requirements = requirements;
        this.hours = hours;
        this.calendar = calendar;
    }

    /** The unit's year: a branch in detail, a committee's branches side by side; 422 for other units. */
    @Transactional
    public ComplianceViews.Report report(OrgUnitViews.View unit, int year) {
        em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
        LocalDate today = calendar.today();
        if (unit.kind() == OrgUnitKind.BRANCH) {
            List<ComplianceViews.Kind> kinds = kinds(unit.id(), year, today);
            ComplianceViews.Hours studyHours = studyHours(unit.id(), year, MOST_LISTED);
            return new ComplianceViews.Report(unit.id(), unit.name(), unit.kind(), year, today, kinds, studyHours,
                    List.of(row(unit.id(), unit.name(), kinds, studyHours)), false);
        }
        if (unit.kind() != OrgUnitKind.COMMITTEE) {
            throw new ProblemException(ComplianceProblem.ORG_LIFE_UNIT_NOT_SUPPORTED, unit.kind().name());
        }
        @SuppressWarnings("unchecked")
        List<Tuple> branches = em.createNativeQuery("select b.id as id, b.name as name from org_unit b "
                + "join org_unit c on c.id = :unit where b.kind = 'BRANCH' and b.archived_at is null "
                + "and b.path like c.path || '%' order by b.path, b.id limit " + (MOST_BRANCHES + 1), Tuple.class)
                .setParameter("unit", unit.id()).getResultList();
        List<ComplianceViews.BranchRow> rows = new ArrayList<>();
        for (Tuple branch : branches.subList(0, Math.min(MOST_BRANCHES, branches.size()))) {
            UUID id = Rows.uuid(branch, "id");
            rows.add(row(id, Rows.string(branch, "name"), kinds(id, year, today), studyHours(id, year, 0)));
        }
        return new ComplianceViews.Report(unit.id(), unit.name(), unit.kind(), year, today, List.of(), null, rows,
                branches.size() > MOST_BRANCHES);
    }

    /** Each kind of a branch (party group meetings per group), with its periods and their sessions. */
    List<ComplianceViews.Kind> kinds(UUID branchId, int year, LocalDate today) {
        Map<PartyDayKind, Frequency> frequencies = requirements.frequencies(branchId);
        Map<UUID, ComplianceViews.Session> views = new LinkedHashMap<>();
        Map<PartyDayKind, List<ComplianceCalculator.Session>> byKind = new LinkedHashMap<>();
        Map<UUID, List<ComplianceCalculator.Session>> byGroup = new LinkedHashMap<>();
        for (Tuple row : sessions(branchId, year)) {
            UUID id = Rows.uuid(row, "id");
            Mark mark = Boolean.TRUE.equals(Rows.bool(row, "counts_held")) ? Mark.HELD : Mark.PLANNED;
            int present = Rows.integer(row, "present");
            int expected = Rows.integer(row, "expected");
            boolean held = mark == Mark.HELD;
            views.put(id, new ComplianceViews.Session(id, Rows.localDate(row, "held_on"), Rows.string(row, "theme"),
                    PartyDayState.valueOf(Rows.string(row, "state")), mark, held ? present : null,
                    held ? expected : null, !held || expected == 0 ? null
                            : Math.round(10000.0 * present / expected) / 10000.0));
            ComplianceCalculator.Session session = new ComplianceCalculator.Session(id, Rows.localDate(row, "held_on"),
                    mark);
            PartyDayKind kind = PartyDayKind.valueOf(Rows.string(row, "kind"));
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(session);
            UUID group = Rows.uuid(row, "party_group_id");
            if (kind == PartyDayKind.PARTY_GROUP_MEETING && group != null) {
                byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(session);
            }
        }
        List<ComplianceViews.Kind> kinds = new ArrayList<>();
        for (PartyDayKind kind : PartyDayKind.values()) {
            Frequency frequency = frequencies.get(kind);
            List<Tuple> groups = kind == PartyDayKind.PARTY_GROUP_MEETING ? groups(branchId, year) : List.of();
            if (groups.isEmpty()) {
                kinds.add(kind(kind, null, null, ComplianceCalculator.of(year, frequency,
                        byKind.getOrDefault(kind, List.of()), today), views));
            }
            for (Tuple group : groups) {
                UUID id = Rows.uuid(group, "id");
                kinds.add(kind(kind, id, Rows.string(group, "name"), ComplianceCalculator.of(year, frequency,
                        byGroup.getOrDefault(id, List.of()), today), views));
            }
        }
        return kinds;
    }

    /** The members below the study hours requirement (at most {@code listed} of them listed), fewest first. */
    ComplianceViews.Hours studyHours(UUID branchId, int year, int listed) {
        Map<UUID, BigDecimal> totals = hours.totals(MEMBERS, year, q -> q.setParameter("branch", branchId));
        @SuppressWarnings("unchecked")
        List<Tuple> members = em.createNativeQuery("select p.id as id, p.name as name from person p where p.id in ("
                + MEMBERS + ")", Tuple.class).setParameter("branch", branchId)
                .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31))
                .getResultList();
        BigDecimal required = hours.required();
        BigDecimal expected = hours.expectedToDate(year);
        List<ComplianceViews.MemberHours> below = members.stream().map(m -> {
            BigDecimal earned = totals.getOrDefault(Rows.uuid(m, "id"), StudyHoursService.scaled(BigDecimal.ZERO));
            return new ComplianceViews.MemberHours(Rows.uuid(m, "id"), Rows.string(m, "name"), earned,
                    earned.compareTo(expected) < 0);
        }).filter(m -> m.earned().compareTo(required) < 0)
                .sorted(Comparator.comparing(ComplianceViews.MemberHours::earned)
                        .thenComparing(ComplianceViews.MemberHours::name).thenComparing(m -> m.personId().toString()))
                .toList();
        return new ComplianceViews.Hours(required, expected, members.size(), below.size(),
                below.subList(0, Math.min(listed, below.size())), below.size() > listed);
    }

    private static ComplianceViews.Kind kind(PartyDayKind kind, UUID groupId, String groupName, Result result,
            Map<UUID, ComplianceViews.Session> views) {
        return new ComplianceViews.Kind(kind, groupId, groupName, result.frequency(), result.required(), result.held(),
                result.missed(), result.due(), result.upcoming(), result.sessionsHeld(),
                result.periods().stream().map(p -> new ComplianceViews.Period(p.number(), p.from(), p.to(), p.state(),
                        p.sessions().stream().map(s -> views.get(s.id())).toList())).toList());
    }

    private static ComplianceViews.BranchRow row(UUID branchId, String name, List<ComplianceViews.Kind> kinds,
            ComplianceViews.Hours studyHours) {
        Map<PartyDayKind, ComplianceViews.Totals> totals = new LinkedHashMap<>();
        for (ComplianceViews.Kind k : kinds) {
            totals.merge(k.kind(), new ComplianceViews.Totals(k.kind(), k.frequency(), k.required(), k.held(),
                    k.missed(), k.due(), k.upcoming(), k.sessionsHeld()), (a, b) -> new ComplianceViews.Totals(a.kind(),
                    a.frequency(), a.required() + b.required(), a.held() + b.held(), a.missed() + b.missed(),
                    a.due() + b.due(), a.upcoming() + b.upcoming(), a.sessionsHeld() + b.sessionsHeld()));
        }
        return new ComplianceViews.BranchRow(branchId, name, List.copyOf(totals.values()), studyHours.membersBelow());
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> sessions(UUID branchId, int year) {
        return em.createNativeQuery(SESSIONS, Tuple.class).setParameter("branch", branchId)
                .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31))
                .setParameter("now", calendar.now()).getResultList();
    }

    /** The branch's party groups: active ones, and those archived during or after the year. */
    @SuppressWarnings("unchecked")
    private List<Tuple> groups(UUID branchId, int year) {
        return em.createNativeQuery("select id as id, name as name from org_unit where parent_id = :branch "
                + "and kind = 'PARTY_GROUP' and (archived_at is null or archived_at >= :from) order by sort_order, "
                + "name, id", Tuple.class).setParameter("branch", branchId)
                .setParameter("from", LocalDate.of(year, 1, 1).atStartOfDay(calendar.zone()).toInstant())
                .getResultList();
    }
}
