package cn.zhibu.stats;

import cn.zhibu.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Integrity figures in counts of files (cadres), each suppressed below min-cell: the open files of the subtree (a
 * file is in its cadre's branch, now or the last one, as the officers' lists place it; else where it was opened),
 * conduct reviews and personal matters reports that joined a file in the period (not amendments; shown when each month's are none or at least min-cell, {@link Cells#ofMonths}), and, as of the
 * period's last day (or today), what is overdue as the officers' overdue list says
 * ({@code OverdueFiles}): a review past its due day, last year's report not in after its day of the year from a
 * cadre appointed (or filed) before this year, a profile not filled in by its due day.
 */
@ApplicationScoped
class Integrity {

    /** The unit a file is in, as {@code IntegrityAccess.unitOf} says: the cadre's branch (now or last), or where opened. */
    private static final String HOME = "coalesce((select m.org_unit_id from membership m where m.person_id = %s.person_id "
            + "and m.is_branch order by m.end_date is null desc, m.start_date desc, m.end_date desc limit 1), %<s.unit_id)";

    private static final String FILES = "from integrity_file f join org_unit u on u.id = " + HOME.formatted("f")
            + " where u.path like :prefix";

    // files (people), not entries: one cadre reviewed twice is one
    private static final String ENTRIES = "(select count(distinct e.file_id) from integrity_entry e "
            + "join integrity_file ef on ef.id = e.file_id join org_unit eu on eu.id = " + HOME.formatted("ef")
            + " where eu.path like :prefix and e.amends_id is null "
            + "and e.type = '%s' and cast(e.recorded_at at time zone :zone as date) between :from and :to)";

    private static final String COUNTS = "select count(*) filter (where f.state = 'OPEN') as open, "
            + "count(*) filter (where f.state = 'OPEN' and f.next_review_due < :asOf) as reviews_overdue, "
            + "count(*) filter (where f.state = 'OPEN' and f.profile_due < :asOf) as profiles_overdue, "
            + "count(*) filter (where f.state = 'OPEN' and :reportLate and extract(year from coalesce(f.appointed_on, "
            + "cast(f.opened_at at time zone :zone as date))) < :year and (f.last_report_year is null or "
            + "f.last_report_year < :year - 1)) as reports_overdue, "
            + ENTRIES.formatted("CONDUCT_REVIEW") + " as reviews_done, "
            + ENTRIES.formatted("PERSONAL_MATTERS") + " as reports_done " + FILES;

    /** The files with a review or a report joined, per month of the period (for {@link Cells#ofMonths}). */
    private static final String MONTHS = "select e.type as type, to_char(cast(e.recorded_at at time zone :zone as date), "
            + "'YYYY-MM') as month, count(distinct e.file_id) as files from integrity_entry e join integrity_file ef on "
            + "ef.id = e.file_id join org_unit eu on eu.id = " + HOME.formatted("ef") + " where eu.path like :prefix "
            + "and e.amends_id is null and e.type in ('CONDUCT_REVIEW', 'PERSONAL_MATTERS') and cast(e.recorded_at at "
            + "time zone :zone as date) between :from and :to group by 1, 2";

    private final StatsQueries queries;
    private final MonthDay reportDue;
    private final String zone;

    Integrity(StatsQueries queries, cn.zhibu.integrity.IntegritySettings settings,
            cn.zhibu.platform.time.BusinessCalendar calendar) {
        this.queries = queries;
        this.reportDue = MonthDay.parse("--" + settings.annualReportDue());
        this.zone = calendar.zone().getId();
    }

    StatsViews.IntegrityFigures figures(Scope scope, Cells cells) {
        int year = scope.asOf().getYear();
        Tuple row = queries.rows(COUNTS, scope, Map.of("year", year, "zone", zone,
                "reportLate", scope.asOf().isAfter(reportDue.atYear(year)))).get(0);
        Map<String, List<Long>> months = new HashMap<>();
        for (Tuple month : queries.rows(MONTHS, scope, Map.of("zone", zone))) {
            months.computeIfAbsent(Rows.string(month, "type"), t -> new ArrayList<>()).add(Rows.longValue(month,
                    "files"));
        }
        return new StatsViews.IntegrityFigures(cells.people(Rows.longValue(row, "open")),
                done(row, "reviews_done", months.get("CONDUCT_REVIEW"), cells),
                done(row, "reports_done", months.get("PERSONAL_MATTERS"), cells),
                cells.people(Rows.longValue(row, "reviews_overdue")),
                cells.people(Rows.longValue(row, "reports_overdue")),
                cells.people(Rows.longValue(row, "profiles_overdue")));
    }

    private static StatsViews.Figure done(Tuple row, String column, List<Long> months, Cells cells) {
        long files = Rows.longValue(row, column);
        return cells.ofMonths(BigDecimal.valueOf(files), files, months == null ? List.of() : months);
    }
}
