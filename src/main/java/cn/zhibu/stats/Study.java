package cn.zhibu.stats;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.stats.StatsViews.Point;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
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

    /** Credited check-ins by day and by ISO week in one pass (grouping sets): the day or the week is null. */
    private static final String DAY = "to_char(c.business_date, 'YYYY-MM-DD')";
    private static final String WEEK = "to_char(c.business_date, 'IYYY-\"W\"IW')";
    private static final String CHECK_INS = "select " + DAY + " as day, " + WEEK + " as week, count(*) as check_ins, "
            + "count(distinct c.person_id) as people from check_in c where c.status = 'CREDITED' and c.business_date "
            + "between :from and :to and c.branch_id in (" + Scope.BRANCHES + ") group by grouping sets ((" + DAY
            + "), (" + WEEK + "))";

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

    /** Scored attempts over the period (month null) and per month (grouping sets). */
    private static final String QUIZZES = "select to_char(q.business_date, 'YYYY-MM') as month, count(*) as attempts, "
            + "count(distinct q.person_id) as people, avg(100.0 * q.score / q.question_count) as mean from "
            + "quiz_attempt q where q.practice = false and q.business_date between :from and :to and exists (select 1 "
            + "from membership m where m.person_id = q.person_id and m.is_branch and m.start_date <= q.business_date "
            + "and (m.end_date is null or m.end_date >= q.business_date) and m.org_unit_id in (" + Scope.BRANCHES
            + ")) group by grouping sets ((), (to_char(q.business_date, 'YYYY-MM')))";

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
        Map<String, Tuple> days = new HashMap<>();
        Map<String, Tuple> weeks = new HashMap<>();
        Map<String, Long> participants = new HashMap<>();
        for (Tuple row : queries.rows(CHECK_INS, scope)) {
            if (Rows.string(row, "day") != null) {
                days.put(Rows.string(row, "day"), row);
            } else {
                weeks.put(Rows.string(row, "week"), row);
                participants.put(Rows.string(row, "week"), Rows.longValue(row, "people"));
            }
        }
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

    private static List<Point> series(Map<String, Tuple> rows, List<String> periods, Cells cells) {
        List<Point> points = new ArrayList<>();
        for (String period : periods) {
            Tuple row = rows.get(period);
            points.add(row == null ? cells.point(period, BigDecimal.ZERO, 0)
                    : cells.point(period, BigDecimal.valueOf(Rows.longValue(row, "check_ins")),
                            Rows.longValue(row, "people")));
        }
        return points;
    }
}
