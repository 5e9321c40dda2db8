package cn.zhibu.stats;

import cn.zhibu.lecture.Audience;
import cn.zhibu.lecture.PartyDayKind;
import cn.zhibu.lecture.compliance.Frequency;
import cn.zhibu.lecture.compliance.OrgLifeSettings;
import cn.zhibu.lecture.compliance.StudyHoursService;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.stats.StatsViews.KindFigures;
import cn.zhibu.stats.StatsViews.Label;
import cn.zhibu.stats.StatsViews.Point;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Organisational life figures, as the compliance view and coverage count them. A session counts as held once HELD or
 * started, and not cancelled. Per kind: the branch-periods its frequency (the branch's choice or the default)
 * requires that lie wholly in the period, across the subtree's active branches (party group meetings per branch), how
 * many of them had a held session, the sessions held, and the attendance rate (present over expected, {@link
 * Audience}, and anyone with a record), shown when one of its sessions expected at least min-cell people. Coverage
 * (培训覆盖面): the party members with a branch membership of the subtree in the period who were present at one
 * started, not cancelled session of the subtree. Study hours per party member in the year of the period's end, as
 * the member's own study hours count them.
 */
@ApplicationScoped
class OrgLife {

    /** The subtree's held sessions first (materialised), so that the counts run for them alone. */
    private static final String HELD = "with sessions as materialized (select d.* from party_day d where d.branch_id "
            + "in (" + Scope.BRANCHES + ") and d.held_on between :from and :to and d.state <> 'CANCELLED' and "
            + "(d.state = 'HELD' or d.starts_at <= :now)) select d.id, d.branch_id, d.kind, d.held_on, "
            + "(select count(*) from attendance a where a.party_day_id = d.id and a.status = 'PRESENT') as present, "
            + "(select count(*) from (" + Audience.expectedOf("d") + " union select a.person_id from attendance a "
            + "where a.party_day_id = d.id) w) as expected from sessions d";

    /** Held sessions by kind and by month in one pass (grouping sets): the kind or the month is null. */
    private static final String ATTENDANCE = "with held as (" + HELD + ") select kind, to_char(held_on, 'YYYY-MM') "
            + "as month, count(*) as held, sum(present) as present, sum(expected) as expected, max(expected) as largest "
            + "from held group by grouping sets ((kind), (to_char(held_on, 'YYYY-MM')))";

    private static final String MONTHS_HELD = "select distinct d.branch_id as branch_id, d.kind as kind, "
            + "to_char(d.held_on, 'YYYY-MM') as month from party_day d where d.branch_id in (" + Scope.BRANCHES
            + ") and d.held_on between :from and :to and d.state <> 'CANCELLED' and (d.state = 'HELD' or "
            + "d.starts_at <= :now)";

    private static final String ACTIVE_BRANCHES = "select b.id as id, r.kind as kind, r.frequency as frequency "
            + "from org_unit b left join org_life_requirement r on r.branch_id = b.id where b.kind = 'BRANCH' "
            + "and b.archived_at is null and b.path like :prefix";

    static final String PARTY_MEMBERS = "select distinct m.person_id from membership m join person p on p.id = "
            + "m.person_id where m.is_branch and m.start_date <= :to and (m.end_date is null or m.end_date >= :from) "
            + "and p.political_status in ('FULL', 'PROBATIONARY') and m.org_unit_id in (" + Scope.BRANCHES + ")";

    private static final String COVERAGE = "with members as (" + PARTY_MEMBERS + ") select "
            + "(select count(*) from members) as members, (select count(*) from members x where exists (select 1 "
            + "from attendance a join party_day d on d.id = a.party_day_id where a.person_id = x.person_id and "
            + "a.status = 'PRESENT' and d.state <> 'CANCELLED' and d.starts_at <= :now and d.held_on between :from "
            + "and :to and d.branch_id in (" + Scope.BRANCHES + "))) as covered";

    private final StatsQueries queries;
    private final OrgLifeSettings settings;
    private final StudyHoursService hours;

    OrgLife(StatsQueries queries, OrgLifeSettings settings, StudyHoursService hours) {
        this.queries = queries;
        this.settings = settings;
        this.hours = hours;
    }

    StatsViews.OrgLifeFigures figures(Scope scope, Cells cells) {
        Map<String, Tuple> byKind = new HashMap<>();
        Map<String, Tuple> byMonth = new HashMap<>();
        for (Tuple row : queries.rows(ATTENDANCE, scope)) {
            if (Rows.string(row, "kind") != null) {
                byKind.put(Rows.string(row, "kind"), row);
            } else {
                byMonth.put(Rows.string(row, "month"), row);
            }
        }
        Map<String, int[]> periods = periods(scope);
        List<KindFigures> kinds = new ArrayList<>();
        for (PartyDayKind kind : PartyDayKind.values()) {
            Tuple row = byKind.get(kind.name());
            int[] requiredMet = periods.getOrDefault(kind.name(), new int[2]);
            kinds.add(new KindFigures(kind.name(), new Label(kind.label(), english(kind)), requiredMet[0],
                    requiredMet[1], row == null ? 0 : Rows.integer(row, "held"), rate(row, cells)));
        }
        List<Point> attendance = new ArrayList<>();
        for (String month : StatsQueries.months(scope.from(), scope.to())) {
            Tuple row = byMonth.get(month);
            StatsViews.Figure rate = rate(row, cells);
            attendance.add(new Point(month, rate.value(), rate.suppressed()));
        }
        Tuple coverage = queries.row(COVERAGE, scope);
        long members = Rows.longValue(coverage, "members");
        return new StatsViews.OrgLifeFigures(kinds, attendance,
                cells.shareOfPeople(Rows.longValue(coverage, "covered"), members), studyHours(scope, cells));
    }

    private static StatsViews.Figure rate(Tuple row, Cells cells) {
        if (row == null) {
            return cells.hidden(StatsViews.Figure.class, null);
        }
        return cells.share(Rows.longValue(row, "present"), Rows.longValue(row, "expected"),
                Rows.longValue(row, "largest"));
    }

    /** Per kind: the branch-periods required wholly inside the period, and those with a held session. */
    private Map<String, int[]> periods(Scope scope) {
        Map<UUID, Map<PartyDayKind, Frequency>> frequencies = new HashMap<>();
        for (Tuple row : queries.rows(ACTIVE_BRANCHES, scope)) {
            Map<PartyDayKind, Frequency> branch = frequencies.computeIfAbsent(Rows.uuid(row, "id"), id -> {
                Map<PartyDayKind, Frequency> defaults = new EnumMap<>(PartyDayKind.class);
                for (PartyDayKind kind : PartyDayKind.values()) {
                    defaults.put(kind, settings.frequency().of(kind));
                }
                return defaults;
            });
            String kind = Rows.string(row, "kind");
            if (kind != null) {
                branch.put(PartyDayKind.valueOf(kind), Frequency.valueOf(Rows.string(row, "frequency")));
            }
        }
        Set<String> held = new HashSet<>();
        for (Tuple row : queries.rows(MONTHS_HELD, scope)) {
            held.add(Rows.uuid(row, "branch_id") + "|" + Rows.string(row, "kind") + "|" + Rows.string(row, "month"));
        }
        Map<String, int[]> result = new HashMap<>();
        frequencies.forEach((branch, kinds) -> kinds.forEach((kind, frequency) -> {
            int[] counts = result.computeIfAbsent(kind.name(), k -> new int[2]);
            for (LocalDate[] period : whollyInside(frequency, scope.from(), scope.to())) {
                counts[0]++;
                for (YearMonth m = YearMonth.from(period[0]); !m.isAfter(YearMonth.from(period[1]));
                        m = m.plusMonths(1)) {
                    if (held.contains(branch + "|" + kind.name() + "|" + m)) {
                        counts[1]++;
                        break;
                    }
                }
            }
        }));
        return result;
    }

    /** The periods of a frequency lying wholly inside [from, to]. */
    static List<LocalDate[]> whollyInside(Frequency frequency, LocalDate from, LocalDate to) {
        List<LocalDate[]> periods = new ArrayList<>();
        if (frequency.periods() == 0) {
            return periods;
        }
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (int p = 0; p < frequency.periods(); p++) {
                LocalDate start = frequency.start(year, p);
                LocalDate end = frequency.end(year, p);
                if (!start.isBefore(from) && !end.isAfter(to)) {
                    periods.add(new LocalDate[] {start, end});
                }
            }
        }
        return periods;
    }

    /**
     * Study hours per party member of the year, in SQL as {@code StudyHoursService} counts them: a held session attended
     * credits its own hours, else its kind's setting, else its duration to the nearest half hour (at most 12); a
     * material with hours credits once, in the year of the person's first credited check-in on it (one in the year,
     * none before it: the year's check-ins are read, and an index probe per person and material for earlier ones).
     */
    private StatsViews.Distribution studyHours(Scope scope, Cells cells) {
        int year = scope.asOf().getYear();
        Scope yearScope = new Scope(scope.unitId(), scope.path(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                scope.today());
        StringBuilder kindHours = new StringBuilder("case d.kind");
        settings.studyHours().forEach((kind, hours) -> kindHours.append(" when '").append(kind.name()).append("' then ")
                .append(hours.toPlainString()));
        String byKind = settings.studyHours().isEmpty() ? "cast(null as numeric)" : kindHours + " end";
        String sql = "with members as (" + PARTY_MEMBERS + "), credits as (select a.person_id, coalesce(d.study_hours, "
                + byKind + ", least(12.0, floor(extract(epoch from d.ends_at - d.starts_at) / 1800.0 + 0.5) / 2)) as "
                + "hours from attendance a join party_day d on d.id = a.party_day_id where a.status = 'PRESENT' and "
                + "d.held_on between :from and :to and d.state <> 'CANCELLED' and (d.state = 'HELD' or d.starts_at <= "
                + ":now) and a.person_id in (select person_id from members) union all select c.person_id, "
                + "min(m.study_hours) from check_in c join study_material m on m.id = c.material_id where c.status = "
                + "'CREDITED' and c.material_id is not null and m.study_hours is not null and c.business_date between "
                + ":from and :to and c.person_id in (select person_id from members) and not exists (select 1 from check_in e where e.person_id = "
                + "c.person_id and e.material_id = c.material_id and e.status = 'CREDITED' and e.business_date < :from) "
                + "group by c.person_id, m.id), totals as (select x.person_id, "
                + "coalesce(sum(h.hours), 0) as hours from members x left join credits h on h.person_id = x.person_id "
                + "group by x.person_id) select count(*) as people, percentile_cont(0.25) within group (order by hours) "
                + "as q1, percentile_cont(0.5) within group (order by hours) as median, percentile_cont(0.75) within "
                + "group (order by hours) as q3, count(*) filter (where hours >= :required) as "
                + "meeting from totals";
        BigDecimal required = hours.required();
        Tuple row = queries.rows(sql, yearScope, java.util.Map.of("required", required)).get(0);
        long people = Rows.longValue(row, "people");
        return cells.distribution(people, row.get("q1"), row.get("median"), row.get("q3"), Cells.number(required),
                Rows.longValue(row, "meeting"));
    }

    private static String english(PartyDayKind kind) {
        return switch (kind) {
            case MEMBER_ASSEMBLY -> "Member assembly";
            case BRANCH_COMMITTEE -> "Branch committee";
            case PARTY_GROUP_MEETING -> "Party group meeting";
            case PARTY_LECTURE -> "Party lecture";
            case THEMED_PARTY_DAY -> "Themed party day";
            case ORG_LIFE_MEETING -> "Organisational life meeting";
            case INTEGRITY_EDUCATION -> "Integrity education";
            case STUDY_SESSION -> "Study session";
            case FIELD_TEACHING -> "Field teaching";
        };
    }
}
