package cn.zhibu.stats;

import cn.zhibu.platform.db.AdvisoryLocks;
import cn.zhibu.platform.db.ClusterJobs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Keeps the credited check-ins and their people per branch and day, and per branch and ISO week, that the study figures
 * read (V50). A change of a credited check-in notes its branch and day in {@code check_in_change}; every
 * {@code zhibu.stats.summarise-every}, on one replica, the notes are taken a batch per transaction: deleted first, then
 * their days and weeks recounted from the check-ins in the same transaction. A note is visible only once its check-in's
 * change is committed, so the recount sees every change whose note it deleted; a change committed later keeps its
 * note, and readers count its day from the check-ins until the next run. Runs are one at a time (an advisory lock; a
 * run that finds it held takes nothing), so an older recount never overwrites a newer one. The first run notes every
 * day with a credited check-in and marks the counts ready, in one transaction (until then readers count every day).
 */
@ApplicationScoped
public class CheckInSummaries {

    /** The notes taken in one transaction. */
    static final int BATCH = 2000;

    private static final Logger LOG = Logger.getLogger(CheckInSummaries.class);

    private static final String TAKE = "delete from check_in_change where id in (select id from check_in_change "
            + "where id > :after order by id limit :batch) returning id, branch_id, business_date";

    /** The first run: every day with a credited check-in is noted, and the counts are ready once these are taken. */
    private static final String READY = "with ready as (update check_in_summary_state set ready = true where id = 1 "
            + "and not ready returning id) insert into check_in_change (branch_id, business_date) select distinct "
            + "c.branch_id, c.business_date from check_in c where c.status = 'CREDITED' and exists (select 1 from ready)";

    private static final String KEYS = "k as (select * from unnest(cast(:branches as uuid[]), cast(:days as date[])) "
            + "as k(branch_id, day))";

    private static final String DAYS = "with " + KEYS + ", counted as (select k.branch_id, k.day, count(c.person_id) as "
            + "check_ins, count(distinct c.person_id) as people from k left join check_in c on c.branch_id = k.branch_id "
            + "and c.business_date = k.day and c.status = 'CREDITED' group by k.branch_id, k.day), gone as (delete from "
            + "check_in_day d using counted x where d.branch_id = x.branch_id and d.business_date = x.day and "
            + "x.check_ins = 0) insert into check_in_day (branch_id, business_date, check_ins, people) select branch_id, "
            + "day, check_ins, people from counted where check_ins > 0 on conflict (branch_id, business_date) do update "
            + "set check_ins = excluded.check_ins, people = excluded.people";

    private static final String WEEKS = "with " + KEYS + ", counted as (select k.branch_id, k.day as monday, "
            + "count(distinct c.person_id) as people from k left join check_in c on c.branch_id = k.branch_id and "
            + "c.business_date between k.day and k.day + 6 and c.status = 'CREDITED' group by k.branch_id, k.day), "
            + "gone as (delete from check_in_week w using counted x where w.branch_id = x.branch_id and w.monday = "
            + "x.monday and x.people = 0) insert into check_in_week (branch_id, monday, people) select branch_id, monday, "
            + "people from counted where people > 0 on conflict (branch_id, monday) do update set people = "
            + "excluded.people";

    private static final String BRANCHES = "with " + KEYS + " insert into check_in_branch as p (branch_id, person_id, "
            + "first_day, last_day) select c.branch_id, c.person_id, min(c.business_date), max(c.business_date) from k "
            + "join check_in c on c.branch_id = k.branch_id and c.business_date = k.day and c.status = 'CREDITED' "
            + "group by c.branch_id, c.person_id on conflict (branch_id, person_id) do update set first_day = "
            + "least(p.first_day, excluded.first_day), last_day = greatest(p.last_day, excluded.last_day)";

    private final EntityManager em;
    private final AdvisoryLocks locks;

    CheckInSummaries(EntityManager em, AdvisoryLocks locks) {
        this.em = em;
        this.locks = locks;
    }

    @Scheduled(identity = "stats-check-in-summaries", every = "{zhibu.stats.summarise-every}", delayed = "10s",
            skipExecutionIf = ClusterJobs.ClaimedElsewhere.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        long taken = catchUp();
        if (taken > 0) {
            LOG.debugf("Recounted the study figures of %d noted check-in changes", taken);
        }
    }

    /**
     * Takes every note there is, a batch per transaction; how many were taken (none while another replica's run holds
     * the summaries: its notes are taken by it or by the next run).
     */
    @ActivateRequestContext
    public long catchUp() {
        long taken = 0;
        long[] after = {0};
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> batch(after));
            taken += batch;
        } while (batch == BATCH);
        return taken;
    }

    /** Takes the notes after {@code after[0]} (which it moves on), or none when another run holds the summaries. */
    private int batch(long[] after) {
        if (!locks.tryLock("stats-check-in-summaries")) {
            return 0;
        }
        em.createNativeQuery(READY).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> notes = em.createNativeQuery(TAKE).setParameter("after", after[0]).setParameter("batch", BATCH)
                .getResultList();
        if (notes.isEmpty()) {
            return 0;
        }
        Set<List<Object>> days = new LinkedHashSet<>();
        Set<List<Object>> weeks = new LinkedHashSet<>();
        for (Object[] note : notes) {
            after[0] = Math.max(after[0], ((Number) note[0]).longValue());
            LocalDate day = note[2] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) note[2];
            days.add(List.of((UUID) note[1], day));
            weeks.add(List.of((UUID) note[1], day.with(DayOfWeek.MONDAY)));
        }
        recount(DAYS, days);
        recount(WEEKS, weeks);
        recount(BRANCHES, days);
        return notes.size();
    }

    private void recount(String sql, Set<List<Object>> keys) {
        em.createNativeQuery(sql).setParameter("branches", array(keys, 0)).setParameter("days", array(keys, 1))
                .executeUpdate();
    }

    /** A PostgreSQL array literal of the keys' {@code at}-th values (uuids and ISO dates need no quoting). */
    private static String array(Set<List<Object>> keys, int at) {
        return keys.stream().map(k -> k.get(at).toString()).collect(Collectors.joining(",", "{", "}"));
    }
}
