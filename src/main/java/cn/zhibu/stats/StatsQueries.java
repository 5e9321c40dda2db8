package cn.zhibu.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import cn.zhibu.platform.time.IsoWeek;
import cn.zhibu.platform.time.BusinessCalendar;

/** Native aggregate queries over a scope: the parameters a query names (:prefix, :from, :to, :asOf, :now) are set. */
@ApplicationScoped
class StatsQueries {

    /**
     * The memory a sort or hash of one figures' query may take before it spills to disk (set for the read-only
     * transaction: the sorts and hashes over a year of a large subtree spill at the default 4 MB).
     */
    static final String WORK_MEM = "64MB";

    private final EntityManager em;
    private final BusinessCalendar calendar;

    StatsQueries(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    @SuppressWarnings("unchecked")
    List<Tuple> rows(String sql, Scope scope) {
        return query(sql, scope, Map.of()).getResultList();
    }

    @SuppressWarnings("unchecked")
    List<Tuple> rows(String sql, Scope scope, Map<String, Object> more) {
        return query(sql, scope, more).getResultList();
    }

    Tuple row(String sql, Scope scope) {
        return rows(sql, scope).get(0);
    }

    private Query query(String sql, Scope scope, Map<String, Object> more) {
        Query query = em.createNativeQuery(sql, Tuple.class);
        set(query, sql, "prefix", scope.prefix());
        set(query, sql, "from", scope.from());
        set(query, sql, "to", scope.to());
        set(query, sql, "asOf", scope.asOf());
        set(query, sql, "today", scope.today());
        set(query, sql, "now", calendar.now());
        more.forEach(query::setParameter);
        return query;
    }

    private static void set(Query query, String sql, String name, Object value) {
        if (java.util.regex.Pattern.compile(":" + name + "\\b").matcher(sql).find()) {
            query.setParameter(name, value);
        }
    }

    /** Every month of the period, as 2026-11. */
    static List<String> months(LocalDate from, LocalDate to) {
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }

    /**
     * The ISO weeks of the period, as 2026-W48: those wholly inside it, and the week that runs to today when the period
     * does. A week cut by the period's first or last day is left out: its figure would change with the period, and two
     * periods' would give the days between them away.
     */
    static List<String> weeks(LocalDate from, LocalDate to, LocalDate today) {
        List<String> weeks = new ArrayList<>();
        for (IsoWeek w = IsoWeek.of(from); !w.monday().isAfter(to); w = w.next()) {
            if (!w.monday().isBefore(from) && (!w.sunday().isAfter(to) || to.equals(today))) {
                weeks.add(w.toString());
            }
        }
        return weeks;
    }

    /** Every day of the period. */
    static List<String> days(LocalDate from, LocalDate to) {
        List<String> days = new ArrayList<>();
        for (long i = 0; i <= ChronoUnit.DAYS.between(from, to); i++) {
            days.add(from.plusDays(i).toString());
        }
        return days;
    }
}
