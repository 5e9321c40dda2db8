package cn.zhibu.exports;

import cn.zhibu.platform.db.ClusterJobs;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs queued exports in the background, one replica per pass ({@code zhibu.exports.poll-every}, claimed through
 * {@link ClusterJobs}); within a pass each export is claimed on its own row ({@code for update skip locked}), with a
 * lease ({@code zhibu.exports.lease}) renewed at each section and about every third of the lease while one goes on.
 * An export whose replica stopped while running it is
 * taken again once its lease runs out and re-run from scratch, up to {@code zhibu.exports.max-attempts} attempts,
 * then FAILED with the reason. Each pass first deletes the files of exports kept past {@code zhibu.exports.keep-for}
 * (they become EXPIRED).
 */
@ApplicationScoped
public class ExportWorker {

    private static final Logger LOG = Logger.getLogger(ExportWorker.class);
    /** The longest one export's reading transaction may take. */
    private static final int TIMEOUT_SECONDS = 1800;

    private final ExportJobs jobs;
    private final LedgerWriter writer;
    private final ExportSettings settings;
    private final BusinessCalendar calendar;
    private final String replica;

    ExportWorker(ExportJobs jobs, LedgerWriter writer, ExportSettings settings, BusinessCalendar calendar) {
        this.jobs = jobs;
        this.writer = writer;
        this.settings = settings;
        this.calendar = calendar;
        this.replica = System.getenv().getOrDefault("HOSTNAME", "localhost") + "/" + ProcessHandle.current().pid();
    }

    @Scheduled(identity = "ledger-exports", every = "{zhibu.exports.poll-every}", delayed = "30s",
            skipExecutionIf = ClusterJobs.ClaimedElsewhere.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        pass();
    }

    /** One pass: expires old files, then runs every export waiting (or abandoned); how many it ran. */
    @ActivateRequestContext
    public int pass() {
        int expired = jobs.expire(calendar.now());
        if (expired > 0) {
            LOG.infof("Ledger exports: %d files expired and deleted", expired);
        }
        int ran = 0;
        while (runNext(replica)) {
            ran++;
        }
        return ran;
    }

    /** Claims and runs the next export as this replica (tests name another); false when none waits. */
    @ActivateRequestContext
    public boolean runNext(String as) {
        Optional<ExportViews.Job> claimed = jobs.claim(as, calendar.now(), settings.lease(), settings.maxAttempts());
        if (claimed.isEmpty()) {
            return false;
        }
        run(claimed.get(), as);
        return true;
    }

    /**
     * A running job's claim: its progress told and its lease renewed at each section and, while one section's
     * work goes on, about every third of the lease. Its percent stays below 100 until the job is done (the
     * attachments and the ZIP's storing are work too).
     */
    private final class Claim implements LedgerWriter.Progress {

        private final ExportViews.Job job;
        private final String as;
        private ExportSection section;
        private int percent;
        private Instant renewed;

        Claim(ExportViews.Job job, String as) {
            this.job = job;
            this.as = as;
            this.renewed = calendar.now();
        }

        @Override
        public void section(ExportSection section, int done, int of) {
            this.section = section;
            this.percent = Math.min(99, done * 100 / of);
            renew();
        }

        @Override
        public void working() {
            if (!calendar.now().isBefore(renewed.plus(settings.lease().dividedBy(3)))) {
                renew();
            }
        }

        void renew() {
            Instant now = calendar.now();
            // in a transaction of its own: seen at once, while the reading one goes on
            if (!QuarkusTransaction.requiringNew().call(() -> jobs.progress(job.id(), as, section, percent, now,
                    settings.lease()))) {
                throw new ExportFailure("the claim of export " + job.id() + " was lost");
            }
            renewed = now;
        }
    }

    /** Claims and runs this export alone, if it waits (the demo data's, a test's); whether it ran. */
    @ActivateRequestContext
    public boolean runOne(java.util.UUID id) {
        Optional<ExportViews.Job> claimed = jobs.claim(id, replica, calendar.now(), settings.lease(),
                settings.maxAttempts());
        claimed.ifPresent(job -> run(job, replica));
        return claimed.isPresent();
    }

    private void run(ExportViews.Job job, String as) {
        long started = System.nanoTime();
        LedgerWriter.Written written = null;
        try {
            Claim claim = new Claim(job, as);
            written = QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> writer.write(job, claim));
            claim.renew();
            Instant now = calendar.now();
            if (jobs.done(job.id(), as, written.zip(), written.sha256(), now, now.plus(settings.keepFor()))) {
                LOG.infof("Ledger export %s of unit %s, %d, done in %d ms (%d bytes)", job.id(), job.unitId(),
                        job.year(), (System.nanoTime() - started) / 1_000_000, Files.size(written.zip()));
            }
        } catch (Exception e) {
            LOG.errorf(e, "Ledger export %s failed", job.id());
            try {
                // the reason shown is ours (a limit, a lost claim), never a database's text
                String reason = "an unexpected error (see the service's log); ask again";
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof ExportFailure failure && failure.getMessage() != null) {
                        reason = failure.getMessage();
                        break;
                    }
                }
                jobs.failed(job.id(), as, reason, calendar.now());
            } catch (RuntimeException unrecorded) {
                LOG.errorf(unrecorded, "Ledger export %s: its failure could not be recorded", job.id());
            }
        } finally {
            if (written != null) {
                try {
                    Files.deleteIfExists(written.zip());
                } catch (IOException e) {
                    LOG.warnf("Could not delete the temporary file %s", written.zip());
                }
            }
        }
    }
}
