package cn.zhibu.stats;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What one set of figures is about: a unit's subtree (its materialised path as a prefix), a period of business dates
 * (both ends included), and the day of the answer. Snapshots (members, overdue files) are taken on {@link #asOf()}:
 * the period's last day, or today when the period runs on past it.
 */
record Scope(UUID unitId, String path, LocalDate from, LocalDate to, LocalDate today) {

    /** The branches of the subtree (archived ones included: their past counts), with parameter {@code :prefix}. */
    static final String BRANCHES = "select b.id from org_unit b where b.kind = 'BRANCH' and b.path like :prefix";

    /** The people with a branch membership in the subtree on {@code :asOf} (parameters :prefix, :asOf). */
    static final String PEOPLE = "select distinct m.person_id from membership m where m.is_branch and m.start_date <= :asOf "
            + "and (m.end_date is null or m.end_date >= :asOf) and m.org_unit_id in (" + BRANCHES + ")";

    String prefix() {
        return path + "%";
    }

    LocalDate asOf() {
        return to.isAfter(today) ? today : to;
    }
}
