package cn.zhibu.stats;

import cn.zhibu.platform.db.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Lecture figures: the micro lectures of the subtree's sessions (not cancelled) held in the period, by outcome
 * (DELIVERED, NOT_DELIVERED, PENDING: planned), each shown when given by at least min-cell speakers; the hosts'
 * rotation in counts of units: the subtree's active party groups and departments, those that hosted a held session
 * (HELD or started, not cancelled) in the period, and those that never hosted one.
 */
@ApplicationScoped
class Lectures {

    private static final String OUTCOMES = "select l.outcome as outcome, count(*) as lectures, count(distinct "
            + "l.speaker_id) as people from micro_lecture l join party_day d on d.id = l.party_day_id where "
            + "d.state <> 'CANCELLED' and d.held_on between :from and :to and d.branch_id in (" + Scope.BRANCHES
            + ") group by 1";

    private static final String HELD = "d.state <> 'CANCELLED' and (d.state = 'HELD' or d.starts_at <= :now)";

    private static final String HOSTS = "select count(*) as units, count(*) filter (where exists (select 1 from "
            + "party_day d where d.host_unit_id = u.id and " + HELD + " and d.held_on between :from and :to)) as "
            + "hosted, count(*) filter (where not exists (select 1 from party_day d where d.host_unit_id = u.id and "
            + HELD + ")) as never from org_unit u where u.kind in ('PARTY_GROUP', 'DEPARTMENT') and "
            + "u.archived_at is null and u.path like :prefix";

    private final StatsQueries queries;

    Lectures(StatsQueries queries) {
        this.queries = queries;
    }

    StatsViews.LectureFigures figures(Scope scope, Cells cells) {
        Map<String, Tuple> outcomes = new HashMap<>();
        for (Tuple row : queries.rows(OUTCOMES, scope)) {
            outcomes.put(Rows.string(row, "outcome"), row);
        }
        Tuple hosts = queries.row(HOSTS, scope);
        return new StatsViews.LectureFigures(outcome(outcomes, "DELIVERED", cells),
                outcome(outcomes, "NOT_DELIVERED", cells), outcome(outcomes, "PENDING", cells),
                Rows.integer(hosts, "units"), Rows.integer(hosts, "hosted"), Rows.integer(hosts, "never"));
    }

    private static StatsViews.Figure outcome(Map<String, Tuple> outcomes, String outcome, Cells cells) {
        Tuple row = outcomes.get(outcome);
        return row == null ? cells.of(BigDecimal.ZERO, 0)
                : cells.of(BigDecimal.valueOf(Rows.longValue(row, "lectures")), Rows.longValue(row, "people"));
    }
}
