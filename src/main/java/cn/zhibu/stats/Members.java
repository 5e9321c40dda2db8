package cn.zhibu.stats;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.stats.StatsViews.Category;
import cn.zhibu.stats.StatsViews.Label;
import cn.zhibu.stats.StatsViews.Point;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Member figures: the people with a branch membership in the subtree on the period's last day (or today) by political
 * status, gender and age band (their age that day); per month, arrivals (a branch membership of the subtree starting,
 * not continuing a branch membership that ended the day before or that day: a transfer) and transfers out (one ending
 * with another branch membership starting the next day or that day, wherever it is).
 */
@ApplicationScoped
class Members {

    static final Map<String, Label> STATUSES = labels("FULL", "正式党员", "Full member", "PROBATIONARY", "预备党员",
            "Probationary member", "ACTIVIST", "入党积极分子", "Activist", "NON_MEMBER", "群众", "Non-member");
    static final Map<String, Label> GENDERS = labels("MALE", "男", "Male", "FEMALE", "女", "Female");
    static final Map<String, Label> AGE_BANDS = labels("UNDER_30", "30岁以下", "Under 30", "AGE_30_39", "30至39岁",
            "30 to 39", "AGE_40_49", "40至49岁", "40 to 49", "AGE_50_59", "50至59岁", "50 to 59", "AGE_60_PLUS",
            "60岁及以上", "60 and over");

    private static final String CATEGORIES = """
            select p.political_status as status, p.gender as gender,
                   case when a.age < 30 then 'UNDER_30' when a.age < 40 then 'AGE_30_39' when a.age < 50 then 'AGE_40_49'
                        when a.age < 60 then 'AGE_50_59' else 'AGE_60_PLUS' end as band, count(*) as people
              from person p, lateral (select extract(year from age(cast(:asOf as date), p.birth_date)) as age) a
             where p.id in (""" + Scope.PEOPLE + """
            ) group by 1, 2, 3""";

    private static final String CONTINUES = "exists (select 1 from membership o where o.person_id = m.person_id "
            + "and o.is_branch and o.id <> m.id and ";

    private static final String JOINS = "select to_char(m.start_date, 'YYYY-MM') as month, count(distinct m.person_id) "
            + "as people from membership m where m.is_branch and m.start_date between :from and :to and m.org_unit_id in ("
            + Scope.BRANCHES + ") and not " + CONTINUES + "o.end_date between m.start_date - 1 and m.start_date) "
            + "group by 1";

    private static final String TRANSFERS = "select to_char(m.end_date, 'YYYY-MM') as month, count(distinct m.person_id) "
            + "as people from membership m where m.is_branch and m.end_date between :from and :to and m.org_unit_id in ("
            + Scope.BRANCHES + ") and " + CONTINUES + "o.start_date between m.end_date and m.end_date + 1) group by 1";

    private final StatsQueries queries;

    Members(StatsQueries queries) {
        this.queries = queries;
    }

    StatsViews.MemberFigures figures(Scope scope, Cells cells) {
        Map<String, Long> status = new HashMap<>();
        Map<String, Long> gender = new HashMap<>();
        Map<String, Long> band = new HashMap<>();
        long people = 0;
        for (Tuple row : queries.rows(CATEGORIES, scope)) {
            long n = Rows.longValue(row, "people");
            people += n;
            status.merge(Rows.string(row, "status"), n, Long::sum);
            gender.merge(Rows.string(row, "gender"), n, Long::sum);
            band.merge(Rows.string(row, "band"), n, Long::sum);
        }
        return new StatsViews.MemberFigures(cells.people(people), categories(STATUSES, status, cells),
                categories(GENDERS, gender, cells), categories(AGE_BANDS, band, cells),
                monthly(JOINS, scope, cells), monthly(TRANSFERS, scope, cells));
    }

    private List<Point> monthly(String sql, Scope scope, Cells cells) {
        Map<String, Long> counts = new HashMap<>();
        for (Tuple row : queries.rows(sql, scope)) {
            counts.put(Rows.string(row, "month"), Rows.longValue(row, "people"));
        }
        List<Point> points = new ArrayList<>();
        for (String month : StatsQueries.months(scope.from(), scope.to())) {
            long n = counts.getOrDefault(month, 0L);
            points.add(cells.point(month, BigDecimal.valueOf(n), n));
        }
        return points;
    }

    static List<Category> categories(Map<String, Label> keys, Map<String, Long> counts, Cells cells) {
        List<Category> categories = new ArrayList<>();
        keys.forEach((key, label) -> categories.add(cells.category(key, label, counts.getOrDefault(key, 0L))));
        return categories;
    }

    static Map<String, Label> labels(String... keyZhEn) {
        Map<String, Label> labels = new LinkedHashMap<>();
        for (int i = 0; i < keyZhEn.length; i += 3) {
            labels.put(keyZhEn[i], new Label(keyZhEn[i + 1], keyZhEn[i + 2]));
        }
        return labels;
    }
}
