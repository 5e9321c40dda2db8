package cn.zhibu.privacy.retention;

import cn.zhibu.platform.db.ClusterJobs;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The retention purge: once a day ({@code zhibu.retention.purge-cron}, on one replica), every class of personal data
 * ({@link RetainedData}) removes or erases what it has kept longer than its retention, in batches of
 * {@code zhibu.retention.batch-size} rows, each in a short transaction of its own. A run logs one line with the count
 * of every class and stores a row per class in {@code retention_purge}. A class that fails is logged and stored as
 * incomplete; the others still run, and the next run takes up what is left. Integrity files, their audit and the
 * append-only records are never touched; idempotency keys have their own clean-up (IdempotencyStore).
 */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final List<RetainedData> classes;
    private final int batchSize;

    RetentionPurge(EntityManager em, BusinessCalendar calendar, Instance<RetainedData> classes,
            RetentionSettings settings) {
        this.em = em;
        this.calendar = calendar;
        this.classes = classes.stream().sorted(Comparator.comparing(RetainedData::name)).toList();
        this.batchSize = settings.batchSize();
    }

    /** What one run did to one class of data. */
    public record Outcome(String dataClass, Duration retention, Instant cutoff, long purged, int batches,
            boolean complete) {
    }

    /** What one run did, class by class (in name order). */
    public record Run(UUID id, Instant at, List<Outcome> outcomes) {

        /** How many records of the class the run removed or erased. */
        public long purged(String dataClass) {
            return outcomes.stream().filter(o -> o.dataClass().equals(dataClass)).mapToLong(Outcome::purged).sum();
        }
    }

    /** The names of the classes of data the purge handles, in the order it runs them. */
    public List<String> dataClasses() {
        return classes.stream().map(RetainedData::name).toList();
    }

    /** Now, on the service's clock. */
    public Instant now() {
        return calendar.now();
    }

    @Scheduled(identity = "retention-purge", cron = "{zhibu.retention.purge-cron}", timeZone = "{zhibu.time-zone}",
            skipExecutionIf = ClusterJobs.ClaimedElsewhere.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        purge(now());
    }

    /**
     * Purges, as if the time were {@code now}, every class's records that expired by then; logs and stores the run.
     */
    @ActivateRequestContext
    public Run purge(Instant now) {
        UUID runId = UUID.randomUUID();
        List<Outcome> outcomes = new ArrayList<>();
        for (RetainedData data : classes) {
            Outcome outcome = purge(runId, data, now);
            outcomes.add(outcome);
        }
        LOG.infof("Retention purge %s as of %s: %s", runId, now, outcomes.stream()
                .map(o -> o.dataClass() + "=" + o.purged() + (o.complete() ? "" : " (incomplete)"))
                .collect(Collectors.joining(", ")));
        return new Run(runId, now, List.copyOf(outcomes));
    }

    private Outcome purge(UUID runId, RetainedData data, Instant now) {
        Instant started = calendar.now();
        Instant cutoff = data.cutoff(now);
        long purged = 0;
        int batches = 0;
        boolean complete = true;
        try {
            int changed;
            do {
                changed = QuarkusTransaction.requiringNew().call(() -> data.purgeBatch(cutoff, now, batchSize));
                purged += changed;
                batches++;
            } while (changed >= batchSize);
        } catch (RuntimeException e) {
            complete = false;
            LOG.errorf(e, "Retention purge %s: %s stopped after %d records", runId, data.name(), purged);
        }
        Outcome outcome = new Outcome(data.name(), data.retention(), cutoff, purged, batches, complete);
        record(runId, outcome, started);
        return outcome;
    }

    private void record(UUID runId, Outcome outcome, Instant started) {
        Instant finished = calendar.now();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into retention_purge (id, run_id, data_class, retention, cutoff, purged, batches, complete,
                    started_at, finished_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, runId).setParameter(3, outcome.dataClass())
                .setParameter(4, written(outcome.retention())).setParameter(5, outcome.cutoff())
                .setParameter(6, outcome.purged()).setParameter(7, outcome.batches())
                .setParameter(8, outcome.complete()).setParameter(9, started)
                .setParameter(10, finished.isBefore(started) ? started : finished).executeUpdate());
    }

    /** A retention as ISO 8601, in days when it is whole days (P365D rather than PT8760H). */
    static String written(Duration retention) {
        return retention.toSeconds() % 86400 == 0 && !retention.isZero() ? "P" + retention.toDays() + "D"
                : retention.toString();
    }
}
