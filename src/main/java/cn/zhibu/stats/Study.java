package cn.zhibu.stats;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.time.IsoWeek;
import cn.zhibu.stats.StatsViews.Point;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Study figures, descriptive only (never a ranking): credited check-ins at the subtree's branches per day and per ISO
 * week (shown when made by at least min-cell people); weekly participation, the people with a credited check-in in
 * the week over the people of the subtree on the week's Sunday (or the period's last day); scored quiz attempts
 * (the first of a quiz, person and day) by people of the subtree on their day and their mean score in percent (shown
 * when each month's are by no one or at least min-cell people, {@link Cells#ofMonths}); points
 * per member, the ledger's sum over the period for each person of the subtree on its last day (none: 0).
 */
@ApplicationScoped
class Study {

    /**
     * Credited check-ins and their people per day, and people per ISO week (monday), over whole weeks from :lo to :hi,
     * from the counts kept per branch ({@link CheckInSummaries}): a branch's day or week with a change noted since is
     * counted from its check-ins (every day, until the summariser's first run has made the counts ready). People who
     * checked in at two of the subtree's branches in one day or week (a move) are in both branches' counts: the sums
     * are corrected from those people's own check-ins (the branches each person checked in at, and between which days,
     * are kept in {@code check_in_branch}; those of the noted days are read with them).
     */
    private static final String CHECK_INS = """
            with b as materialized (%s),
            noted as materialized (select n.branch_id, n.business_date from check_in_change n
                where n.branch_id in (select id from b) and n.business_date between :lo and :hi
                union select c.branch_id, c.business_date from check_in c
                where not (select ready from check_in_summary_state) and c.status = 'CREDITED'
                and c.branch_id in (select id from b) and c.business_date between :lo and :hi),
            noted_weeks as materialized (select distinct branch_id, business_date - (cast(extract(isodow from
                business_date) as integer) - 1) as monday from noted),
            raw as materialized (select c.branch_id, c.business_date, c.person_id, w.monday from noted_weeks w
                join check_in c on c.branch_id = w.branch_id and c.business_date between w.monday and w.monday + 6
                where c.status = 'CREDITED'),
            days as (select s.business_date as day, s.check_ins, s.people from check_in_day s
                    where s.branch_id in (select id from b) and s.business_date between :lo and :hi
                    and not exists (select 1 from noted n where n.branch_id = s.branch_id
                        and n.business_date = s.business_date)
                union all select r.business_date, count(*), count(distinct r.person_id) from raw r
                    where exists (select 1 from noted n where n.branch_id = r.branch_id
                        and n.business_date = r.business_date)
                    group by r.branch_id, r.business_date),
            weeks as (select s.monday, s.people from check_in_week s where s.branch_id in (select id from b)
                    and s.monday between :lo and :hi and not exists (select 1 from noted_weeks w
                        where w.branch_id = s.branch_id and w.monday = s.monday)
                union all select r.monday, count(distinct r.person_id) from raw r group by r.branch_id, r.monday),
            movers as (select person_id from (select branch_id, person_id from check_in_branch
                    where branch_id in (select id from b) and first_day <= :hi and last_day >= :lo
                    union select branch_id, person_id from raw) p
                group by person_id having count(*) > 1),
            moved as materialized (select c.business_date, c.branch_id, c.person_id from check_in c
                where c.person_id in (select person_id from movers) and c.status = 'CREDITED'
                and c.business_date between :lo and :hi and c.branch_id in (select id from b)),
            extra_days as (select business_date as day, sum(n - 1) as extra from (select business_date,
                count(distinct branch_id) as n from moved group by business_date, person_id) x group by business_date),
            extra_weeks as (select monday, sum(n - 1) as extra from (select business_date - (cast(extract(isodow
                from business_date) as integer) - 1) as monday, count(distinct branch_id) as n from moved
                group by 1, person_id) x group by monday)
            select 'DAY' as kind, d.day as period, sum(d.check_ins) as check_ins, sum(d.people)
                    - coalesce(max(e.extra), 0) as people
                from days d left join extra_days e on e.day = d.day group by d.day
            union all
            select 'WEEK', w.monday, null, sum(w.people) - coalesce(max(e.extra), 0)
                from weeks w left join extra_weeks e on e.monday = w.monday group by w.monday""".formatted(
            Scope.BRANCHES.replace("select b.id", "select b.id as id"));

    /**
     * The people of the subtree on each week's Sunday (or the period's last day), from one pass over the subtree's
     * branch memberships: each membership keeps only the days that the same person's earlier ones (by start) do not
     * already cover, so that a person is counted once a day; each day's count is the running sum of those intervals'
     * starts (+1) and ends (-1 the day after).
     */
    private static final String MEMBERS_BY_WEEK = "with m as (select m.person_id, m.start_date as s, coalesce(m.end_date, "
            + "cast('infinity' as date)) as e from membership m where m.is_branch and m.start_date <= :asOf and "
            + "m.org_unit_id in (" + Scope.BRANCHES + ")), c as (select s, e, max(e) over (partition by person_id "
            + "order by s, e rows between unbounded preceding and 1 preceding) as before from m), own as (select "
            + "greatest(s, before + 1) as s, e from c where before is null or e > before), daily as materialized (select d, "
            + "sum(delta) as delta from (select s as d, 1 as delta from own union all select e + 1, -1 from own) x "
            + "group by d) select to_char(w.monday, 'IYYY-\"W\"IW') as period, (select coalesce(sum(x.delta), 0) "
            + "from daily x where x.d <= w.day) as people from (select cast(s as date) as monday, "
            + "least(cast(s as date) + 6, cast(:asOf as date)) as day from generate_series(cast(date_trunc('week', "
            + "cast(:from as date)) as date), cast(:to as date), interval '1 week') s) w";

    /**
     * Scored attempts over the period (month null) and per month (grouping sets), by people of the subtree on their
     * day: read from the subtree's memberships (each member's attempts by the index), so that a unit's cost is its own
     * people's, not every attempt's.
     */
    private static final String QUIZZES = "with q as (select distinct q.id, q.person_id, q.business_date, q.score, "
            + "q.question_count from membership m join quiz_attempt q on q.person_id = m.person_id and "
            + "q.business_date >= m.start_date and (m.end_date is null or q.business_date <= m.end_date) where "
            + "m.is_branch and m.start_date <= :to and (m.end_date is null or m.end_date >= :from) and m.org_unit_id in ("
            + Scope.BRANCHES + ") and q.practice = false and q.business_date between :from and :to) select "
            + "to_char(business_date, 'YYYY-MM') as month, count(*) as attempts, count(distinct person_id) as people, "
            + "avg(100.0 * score / question_count) as mean from q group by grouping sets ((), "
            + "(to_char(business_date, 'YYYY-MM')))";

    /** Each person's sum once (materialised: the four aggregates below would each run it again), from the index. */
    private static final String POINTS = "with totals as materialized (select x.person_id, coalesce(sum(l.points), 0) "
            + "as points from (" + Scope.PEOPLE + ") x left join ledger_entry l on l.person_id = x.person_id and "
            + "l.business_date between :from and :to group by x.person_id) select count(*) as people, "
            + "percentile_cont(0.25) within group (order by points) as q1, "
            + "percentile_cont(0.5) within group (order by points) as median, "
            + "percentile_cont(0.75) within group (order by points) as q3 from totals";

    private final StatsQueries queries;

    Study(StatsQueries queries) {
        this.queries = queries;
    }

    StatsViews.StudyFigures figures(Scope scope, Cells cells) {
        Map<String, long[]> days = new HashMap<>();
        Map<String, long[]> weeks = new HashMap<>();
        LocalDate lo = scope.from().with(DayOfWeek.MONDAY);
        for (Tuple row : queries.rows(CHECK_INS, scope, Map.of("lo", lo, "hi", scope.to().with(DayOfWeek.SUNDAY)))) {
            LocalDate period = Rows.localDate(row, "period");
            String week = IsoWeek.of(period).toString();
            long people = Rows.longValue(row, "people");
            if ("DAY".equals(Rows.string(row, "kind"))) {
                long checkIns = Rows.longValue(row, "check_ins");
                days.put(period.toString(), new long[] {checkIns, people});
                weeks.computeIfAbsent(week, w -> new long[2])[0] += checkIns;
            } else {
                weeks.computeIfAbsent(week, w -> new long[2])[1] = people;
            }
        }
        Map<String, Long> participants = new HashMap<>();
        weeks.forEach((week, counts) -> participants.put(week, counts[1]));
        List<Point> byDay = series(days, StatsQueries.days(scope.from(), scope.to()), cells);
        List<String> wholeWeeks = StatsQueries.weeks(scope.from(), scope.to(), scope.today());
        List<Point> byWeek = series(weeks, wholeWeeks, cells);
        List<Point> participation = new ArrayList<>();
        for (Tuple row : queries.rows(MEMBERS_BY_WEEK, scope)) {
            long members = Rows.longValue(row, "people");
            String week = Rows.string(row, "period");
            if (wholeWeeks.contains(week)) {
                participation.add(cells.sharePoint(week, participants.getOrDefault(week, 0L), members));
            }
        }
        Tuple quiz = null;
        List<Long> quizMonths = new ArrayList<>();
        for (Tuple row : queries.rows(QUIZZES, scope)) {
            if (Rows.string(row, "month") == null) {
                quiz = row;
            } else {
                quizMonths.add(Rows.longValue(row, "people"));
            }
        }
        long quizPeople = Rows.longValue(quiz, "people");
        Tuple points = queries.row(POINTS, scope);
        long people = Rows.longValue(points, "people");
        StatsViews.Distribution perMember = cells.distribution(people, points.get("q1"), points.get("median"),
                points.get("q3"), null, 0);
        return new StatsViews.StudyFigures(byDay, byWeek, participation,
                cells.ofMonths(BigDecimal.valueOf(Rows.longValue(quiz, "attempts")), quizPeople, quizMonths),
                cells.ofMonths(Cells.number(quiz.get("mean")), quizPeople, quizMonths), perMember);
    }

    /** A point per period: its check-ins, drawn from its people ({@code counts}: check-ins and people). */
    private static List<Point> series(Map<String, long[]> counts, List<String> periods, Cells cells) {
        List<Point> points = new ArrayList<>();
        for (String period : periods) {
            long[] c = counts.getOrDefault(period, new long[2]);
            points.add(cells.point(period, BigDecimal.valueOf(c[0]), c[1]));
        }
        return points;
    }
}
