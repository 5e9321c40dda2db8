package cn.zhibu.org.people.imports;

import cn.zhibu.platform.csv.LineError;
import cn.zhibu.platform.db.ClusterJobs;
import cn.zhibu.platform.time.BusinessCalendar;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Writes an import's state, progress and errors, each time in a short transaction of its own
 * (while the import's work runs in another), so that every replica sees how far it has come.
 */
@ApplicationScoped
class ImportProgress {

    private static final Logger LOG = Logger.getLogger(ImportProgress.class);
    /** An unfinished import not heard of for this long has died with its replica (its transaction timed out). */
    static final Duration ABANDONED_AFTER = ImportRunner.TIMEOUT.multipliedBy(2).plusMinutes(5);

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final ObjectMapper json;

    ImportProgress(EntityManager em, BusinessCalendar calendar, ObjectMapper json) {
        this.em = em;
        this.calendar = calendar;
        this.json = json;
    }

    /** Starts a queued import; false when it is no longer queued (swept as abandoned meanwhile): it must not run. */
    boolean started(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PeopleImport job = em.find(PeopleImport.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (job == null || job.state != ImportState.QUEUED) {
                return false;
            }
            job.state = ImportState.RUNNING;
            job.phase = ImportPhase.VALIDATING;
            job.startedAt = calendar.now();
            job.updatedAt = job.startedAt;
            return true;
        });
    }

    /** Imports this replica will not finish (it is stopping): ERROR at once, rather than after the sweep. */
    void abandoned(java.util.Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update people_import set state = 'ERROR', phase = null, finished_at = ?1, updated_at = ?1, "
                    + "version = version + 1 where id in (?2) and state in ('QUEUED', 'RUNNING')")
                    .setParameter(1, OffsetDateTime.ofInstant(calendar.now(), ZoneOffset.UTC))
                    .setParameter(2, ids).executeUpdate());
        }
    }

    void phase(UUID id, ImportPhase phase, int total, int processed) {
        update(id, job -> {
            job.phase = phase;
            job.total = total;
            job.processed = processed;
        });
    }

    void processed(UUID id, int processed) {
        update(id, job -> job.processed = processed);
    }

    /** The end of an import in the caller's transaction: SUCCEEDED with its counts. */
    void succeededHere(UUID id, ImportApplier.Counts counts) {
        PeopleImport job = em.find(PeopleImport.class, id);
        finish(job, ImportState.SUCCEEDED, counts, 0);
        em.flush();
    }

    /** The file has bad lines: FAILED, with its errors in file order. */
    /** At most this many line problems are kept per import (all are counted): a file wrong throughout says so soon enough. */
    static final int KEPT_ERRORS = 1000;

    void failed(UUID id, List<LineError> errors, ImportApplier.Counts counts) {
        QuarkusTransaction.requiringNew().run(() -> {
            PeopleImport job = em.find(PeopleImport.class, id);
            save(id, errors.subList(0, Math.min(KEPT_ERRORS, errors.size())));
            finish(job, ImportState.FAILED, counts, errors.size());
        });
    }

    /** A dry run found nothing wrong: SUCCEEDED with what it would do. */
    void succeeded(UUID id, ImportApplier.Counts counts) {
        QuarkusTransaction.requiringNew().run(() -> finish(em.find(PeopleImport.class, id), ImportState.SUCCEEDED,
                counts, 0));
    }

    void error(UUID id) {
        update(id, job -> finish(job, ImportState.ERROR, null, job.errorCount));
    }

    private void finish(PeopleImport job, ImportState state, ImportApplier.Counts counts, int errorCount) {
        job.state = state;
        job.phase = null;
        job.processed = job.total;
        job.errorCount = errorCount;
        if (counts != null) {
            job.created = counts.created();
            job.updated = counts.updated();
            job.transferred = counts.transferred();
            job.unchanged = counts.unchanged();
        }
        job.finishedAt = calendar.now();
        job.updatedAt = job.finishedAt;
    }

    private void update(UUID id, java.util.function.Consumer<PeopleImport> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            PeopleImport job = em.find(PeopleImport.class, id);
            change.accept(job);
            job.updatedAt = calendar.now();
        });
    }

    private void save(UUID id, List<LineError> errors) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into people_import_error (import_id, seq, line, column_name, code, args)
                    values (?, ?, ?, ?, ?, ?)""")) {
                int seq = 0;
                for (LineError error : errors) {
                    insert.setObject(1, id);
                    insert.setInt(2, ++seq);
                    insert.setInt(3, error.line());
                    insert.setString(4, error.column() == null ? null
                            : error.column().substring(0, Math.min(32, error.column().length())));
                    insert.setString(5, error.code());
                    insert.setString(6, json.writeValueAsString(error.args()));
                    insert.addBatch();
                    if (seq % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Marks imports whose replica stopped while they ran (their work was rolled back) as ERROR. */
    @Scheduled(identity = "people-import-sweep", every = "{zhibu.import.sweep-every:5m}", delayed = "1m",
            skipExecutionIf = ClusterJobs.ClaimedElsewhere.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepAbandoned() {
        int swept = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                update people_import set state = 'ERROR', phase = null, finished_at = ?1, updated_at = ?1,
                    version = version + 1
                where state in ('QUEUED', 'RUNNING') and updated_at < ?2""")
                .setParameter(1, OffsetDateTime.ofInstant(calendar.now(), ZoneOffset.UTC))
                .setParameter(2, OffsetDateTime.ofInstant(calendar.now().minus(ABANDONED_AFTER), ZoneOffset.UTC))
                .executeUpdate());
        if (swept > 0) {
            LOG.warnf("Marked %d abandoned people imports as ERROR", swept);
        }
    }
}
