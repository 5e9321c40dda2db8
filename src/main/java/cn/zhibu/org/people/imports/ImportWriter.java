package cn.zhibu.org.people.imports;

import cn.zhibu.platform.csv.LineError;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

/**
 * Writes an import's rows, once every row was compared without a problem, a chunk of {@link ImportApplier#CHUNK}
 * at a time, each chunk a short transaction of its own, in the order of the people's external ids. A chunk waits
 * at most {@link #LOCK_WAIT} for any lock (a person being changed by someone else); then it rolls back, letting go
 * of everything it held, and is tried again after a pause, {@link #ATTEMPTS} times at most.
 *
 * <p>Chunks written stay written. Should a chunk find a problem the comparison did not (the person changed in
 * between), it is rolled back and the import fails with that problem, the chunks before it written; running the
 * same file again finishes it (rows already written are unchanged then).
 */
@ApplicationScoped
class ImportWriter {

    /** How many times a chunk is tried when a lock it needs is held. */
    static final int ATTEMPTS = 5;
    /** How long a chunk's statement waits for a lock (PostgreSQL's lock_timeout, for the chunk's transaction). */
    static final String LOCK_WAIT = "200ms";
    private static final long FIRST_PAUSE_MILLIS = 50;
    private static final long LONGEST_PAUSE_MILLIS = 1000;

    private final ImportApplier applier;
    private final EntityManager em;

    ImportWriter(ImportApplier applier, EntityManager em) {
        this.applier = applier;
        this.em = em;
    }

    /**
     * Writes the rows. Answers what was written; a chunk's problems are added to {@code errors} (nothing after it is
     * written then). {@code progress} gets the rows written so far, {@code between} runs after each chunk in the
     * caller's transaction.
     */
    ImportApplier.Counts write(List<ImportRow> rows, Set<UUID> reachable, List<LineError> errors,
            IntConsumer progress, Runnable between) {
        List<ImportRow> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparing(ImportRow::externalId));
        ImportApplier.Counts total = new ImportApplier.Counts(0, 0, 0, 0);
        for (int from = 0; from < ordered.size(); from += ImportApplier.CHUNK) {
            List<ImportRow> chunk = ordered.subList(from, Math.min(ordered.size(), from + ImportApplier.CHUNK));
            List<LineError> found = new ArrayList<>();
            ImportApplier.Counts counts = writeChunk(chunk, reachable, found);
            if (!found.isEmpty()) {
                errors.addAll(found);
                return total;
            }
            total = new ImportApplier.Counts(total.created() + counts.created(), total.updated() + counts.updated(),
                    total.transferred() + counts.transferred(), total.unchanged() + counts.unchanged());
            progress.accept(from + chunk.size());
            between.run();
        }
        return total;
    }

    private ImportApplier.Counts writeChunk(List<ImportRow> chunk, Set<UUID> reachable, List<LineError> found) {
        long pause = FIRST_PAUSE_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    em.createNativeQuery("set local lock_timeout = '" + LOCK_WAIT + "'").executeUpdate();
                    List<LineError> problems = new ArrayList<>();
                    ImportApplier.Counts counts = applier.apply(chunk, reachable, true, problems, done -> {
                    });
                    if (!problems.isEmpty()) {
                        throw new Refused(problems);
                    }
                    return counts;
                });
            } catch (RuntimeException e) {
                Refused refused = cause(e, Refused.class);
                if (refused != null) {
                    found.addAll(refused.problems);
                    return new ImportApplier.Counts(0, 0, 0, 0);
                }
                if (!busy(e) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped while a chunk of a people import waited", e);
            }
            pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
        }
    }

    /** A lock not had in time (55P03) or a deadlock (40P01): the chunk may well go through when tried again. */
    private static boolean busy(Throwable e) {
        SQLException sql = cause(e, SQLException.class);
        return sql != null && ("55P03".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()));
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** A chunk found problems: its transaction rolls back. */
    private static final class Refused extends RuntimeException {

        private final transient List<LineError> problems;

        Refused(List<LineError> problems) {
            super("refused", null, false, false);
            this.problems = problems;
        }
    }
}
