package cn.zhibu.platform.db;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Runs each scheduled job once across replicas. Every replica's timer fires; before a run, the replica
 * claims it in table {@code scheduled_job}: it moves the job's {@code last_run_at} (the database's clock) forward
 * only if the last run, by any replica, began at least nine tenths of the job's period ago. One replica's
 * claim succeeds, the others skip that run. A replica that stops mid-run leaves its claim; the next period's
 * run happens elsewhere. Jobs whose effect must also be exactly once (a week's publication) guard it with
 * their own locks as well; the claim saves the other replicas the work. The claim is made before the scheduler
 * looks whether this replica still runs the job's previous run ({@code ConcurrentExecution.SKIP}): a run that
 * outlasts nine tenths of its period may cost the next one, which then waits a period.
 *
 * <p>Use: {@code @Scheduled(identity = "a-job", every = "…", skipExecutionIf = ClusterJobs.ClaimedElsewhere.class)}.
 */
@ApplicationScoped
public class ClusterJobs {

    private static final Logger LOG = Logger.getLogger(ClusterJobs.class);
    private static final Duration SHORTEST_PERIOD = Duration.ofSeconds(10);
    private static final Duration LONGEST_PERIOD = Duration.ofDays(31);

    private final EntityManager em;
    private final String replica;

    ClusterJobs(EntityManager em) {
        this.em = em;
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        this.replica = (host + "/" + ProcessHandle.current().pid());
    }

    /**
     * Claims this run of the job for this replica: true when no run of it, by any replica, began within
     * {@code spacing} before now.
     */
    public boolean claim(String job, Duration spacing) {
        int claimed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                insert into scheduled_job as j (name, last_run_at, run_by) values (?1, clock_timestamp(), ?2)
                on conflict (name) do update set last_run_at = excluded.last_run_at, run_by = excluded.run_by
                where j.last_run_at <= excluded.last_run_at - ?3 * interval '1 millisecond'""")
                .setParameter(1, job).setParameter(2, replica).setParameter(3, spacing.toMillis())
                .executeUpdate());
        if (claimed == 0) {
            LOG.debugf("Scheduled job %s ran on another replica within %s; skipped here", job, spacing);
        }
        return claimed == 1;
    }

    /** Nine tenths of the time from this run to the trigger's next (kept within ten seconds and a month). */
    static Duration spacing(ScheduledExecution execution) {
        Instant next = execution.getTrigger().getNextFireTime();
        Duration period = next == null ? SHORTEST_PERIOD : Duration.between(execution.getScheduledFireTime(), next);
        if (period.compareTo(SHORTEST_PERIOD) < 0) {
            period = SHORTEST_PERIOD;
        } else if (period.compareTo(LONGEST_PERIOD) > 0) {
            period = LONGEST_PERIOD;
        }
        return period.multipliedBy(9).dividedBy(10);
    }

    /** Skips a scheduled run that another replica claimed (the job is named by its {@code identity}). */
    @ApplicationScoped
    public static class ClaimedElsewhere implements Scheduled.SkipPredicate {

        private final ClusterJobs jobs;

        ClaimedElsewhere(ClusterJobs jobs) {
            this.jobs = jobs;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            try {
                return !jobs.claim(execution.getTrigger().getId(), spacing(execution));
            } catch (RuntimeException e) { // the database is away: nobody can run the job now
                LOG.warnf("Could not claim scheduled job %s: %s", execution.getTrigger().getId(), e.getMessage());
                return true;
            }
        }
    }
}
