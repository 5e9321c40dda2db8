package cn.zhibu.org.people.imports;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.OrgUnitService;
import cn.zhibu.platform.csv.CsvFile;
import cn.zhibu.platform.csv.LineError;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

/**
 * Runs accepted imports in the background, after the request that accepted them has committed.
 * An import reads the file, checks every line on its own (VALIDATING), then compares the lines
 * with the people stored (APPLYING) and, unless it is a dry run and when no line is bad, writes them
 * in short chunks of their own ({@link ImportWriter}): a bad line anywhere writes nothing. Real
 * imports run one at a time (a PostgreSQL advisory lock), and the org tree is held steady while one
 * runs, by the import's own transaction, which reads but writes nothing itself. Should a chunk meet a
 * problem the comparison did not (someone changed a person meanwhile), the import fails with it, the
 * chunks before it written: running the same file again finishes it.
 */
@ApplicationScoped
class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    /** The longest an import's transaction may take. */
    static final Duration TIMEOUT = Duration.ofMinutes(30);
    /** The advisory lock that lets one real import write at a time (64 bits of "people-import"). */
    private static final long IMPORT_LOCK = 0x7065_6f70_6c65_696dL;
    private static final int PROGRESS_EVERY = ImportApplier.CHUNK;
    /** How long a real import waits before it tries again for the lock held by the one before it. */
    private static final long TURN_PAUSE_MILLIS = 1000;

    private final ImportProgress progress;
    private final ImportApplier applier;
    private final ImportWriter writer;
    private final OrgUnitService units;
    private final Validator validator;
    private final EntityManager em;
    /** Two imports run at once; a few more wait (each holds its file in memory), more are refused when queued. */
    static final int RUNNING = 2;
    static final int WAITING = 8;
    /** The imports this replica holds (their files are in its memory); marked ERROR when it stops, else by the sweep. */
    private final java.util.Set<UUID> unfinished = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ManagedExecutor executor = ManagedExecutor.builder().maxAsync(RUNNING).maxQueued(WAITING)
            .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();

    ImportRunner(ImportProgress progress, ImportApplier applier, ImportWriter writer, OrgUnitService units,
            Validator validator, EntityManager em) {
        this.progress = progress;
        this.applier = applier;
        this.writer = writer;
        this.units = units;
        this.validator = validator;
        this.em = em;
    }

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) ImportQueued queued) {
        try {
            unfinished.add(queued.id());
            executor.execute(() -> {
                try {
                    run(queued);
                } finally {
                    unfinished.remove(queued.id());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException full) {
            unfinished.remove(queued.id());
            LOG.warnf("People import %s refused: %d imports already run or wait here", queued.id(), RUNNING + WAITING);
            progress.error(queued.id());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        try {
            // their files lived in this replica's memory only: nobody will finish them
            progress.abandoned(java.util.List.copyOf(unfinished));
        } catch (RuntimeException e) {
            LOG.warnf("Unfinished people imports %s could not be marked ERROR; the sweep will", unfinished);
        }
    }

    private record Outcome(ImportApplier.Counts counts, List<LineError> errors) {
    }

    /** Ends the import's transaction with a rollback: a dry run, or a file with bad lines. */
    private static final class RolledBack extends RuntimeException {

        private final transient Outcome outcome;

        RolledBack(Outcome outcome) {
            super("rolled back", null, false, false);
            this.outcome = outcome;
        }
    }

    void run(ImportQueued job) {
        UUID id = job.id();
        try {
            if (!progress.started(id)) {
                return; // swept as abandoned while it waited: it stays ERROR
            }
            CsvFile.Contents<ImportColumn> contents = CsvFile.read(job.file(), job.charset(), ImportColumn.class);
            if (!contents.readable()) {
                progress.failed(id, contents.errors(), null);
                return;
            }
            progress.phase(id, ImportPhase.VALIDATING, contents.total(), 0);
            Outcome outcome;
            try {
                // twice the work's time: a real import may first wait for another one's lock
                outcome = QuarkusTransaction.requiringNew().timeout((int) TIMEOUT.multipliedBy(2).toSeconds())
                        .call(() -> work(job, contents));
            } catch (RuntimeException e) {
                outcome = rolledBack(e).orElseThrow(() -> e);
            }
            if (!outcome.errors().isEmpty()) {
                progress.failed(id, outcome.errors(), outcome.counts());
            } else if (job.dryRun()) {
                progress.succeeded(id, outcome.counts());
            }
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "People import %s failed", id);
            try {
                progress.error(id);
            } catch (RuntimeException unrecorded) {
                LOG.errorf(unrecorded, "People import %s: its failure could not be recorded", id);
            }
        }
    }

    /**
     * Takes the lock that lets one real import write at a time, waiting for the one before it (up to
     * {@link #TIMEOUT}) by trying again every second: never queued in the database, where a wait is cut short by
     * {@code zhibu.db.lock-timeout}.
     */
    private void waitForTurn() {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!(Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, IMPORT_LOCK)
                .getSingleResult()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("another people import held the lock for " + TIMEOUT);
            }
            try {
                Thread.sleep(TURN_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped while waiting for another people import", e);
            }
        }
    }

    /**
     * A statement in the import's own transaction while its work goes on elsewhere (checking lines, writing chunks):
     * the server closes a connection idle in a transaction for longer than zhibu.db.idle-in-transaction-timeout.
     */
    private void stillHere() {
        em.createNativeQuery("select 1").getSingleResult();
    }

    private static java.util.Optional<Outcome> rolledBack(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RolledBack rolledBack) {
                return java.util.Optional.of(rolledBack.outcome);
            }
        }
        return java.util.Optional.empty();
    }

    /** The import's own transaction: it compares, and has the chunks written in theirs. */
    private Outcome work(ImportQueued job, CsvFile.Contents<ImportColumn> contents) {
        if (!job.dryRun()) {
            waitForTurn();
        }
        if (!job.dryRun()) {
            units.holdTreeSteady(); // a dry run writes nothing, so it holds up no one who changes the tree
        }
        // units out of the requester's reach are, for this import, units that do not exist
        List<OrgUnit> reachable = OrgUnit.<OrgUnit>listAll().stream().filter(u -> job.reach().covers(u.path)).toList();
        java.util.Set<java.util.UUID> reachableIds = reachable.stream().map(u -> u.id)
                .collect(java.util.stream.Collectors.toSet());
        ImportChecks checks = new ImportChecks(validator, new ImportUnits(reachable), contents.columns());
        em.clear();
        List<LineError> errors = new ArrayList<>(contents.errors());
        List<ImportRow> rows = new ArrayList<>(contents.lines().size());
        int skipped = contents.total() - contents.lines().size(); // lines with the wrong number of fields
        int done = skipped;
        for (CsvFile.Line line : contents.lines()) {
            ImportRow row = checks.check(line, errors);
            if (row != null) {
                rows.add(row);
            }
            if (++done % PROGRESS_EVERY == 0) {
                progress.processed(job.id(), done);
                stillHere();
            }
        }
        int notApplied = contents.total() - rows.size();
        progress.phase(job.id(), ImportPhase.APPLYING, contents.total(), notApplied);
        boolean writing = !job.dryRun() && errors.isEmpty();
        int rowCount = rows.size();
        // every row is compared first, writing nothing: a problem anywhere leaves everything as it was
        ImportApplier.Counts counts = applier.apply(rows, reachableIds, false, errors,
                compared -> progress.processed(job.id(), notApplied + (writing ? compared / 2 : compared)));
        if (writing && errors.isEmpty()) {
            // then written in chunks of their own; this transaction keeps the import's turn and the tree steady, and
            // says it is not idle after each chunk
            counts = writer.write(rows, reachableIds, errors,
                    written -> progress.processed(job.id(), notApplied + (rowCount + written) / 2),
                    this::stillHere);
        }
        if (!errors.isEmpty() || job.dryRun()) {
            errors.sort(Comparator.comparingInt(LineError::line));
            throw new RolledBack(new Outcome(counts, errors));
        }
        progress.succeededHere(job.id(), counts);
        return new Outcome(counts, errors);
    }
}
