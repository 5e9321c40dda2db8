package cn.zhibu.points.imports;

import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.LedgerViews;
import cn.zhibu.points.PointsLedger;
import cn.zhibu.points.PointsSettings;
import cn.zhibu.points.imports.PointsImportViews.LineResult;
import cn.zhibu.points.imports.PointsImportViews.LineStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Credits an import's checked records in chunks, each chunk a short transaction of its own, so that an import never
 * holds people's ledger locks for long, nor waits for one while holding others. The records are taken in the order
 * of their people (then of their lines: one person's caps apply in file order), {@code zhibu.points.import-chunk} at
 * a time. A chunk first tries the ledger locks of all its people, in that order, without waiting in the database;
 * when one is taken (a check-in of that person, say) the chunk rolls back, letting go of the others, and is tried
 * again after a short pause, {@link #ATTEMPTS} times at most; then the import stops with 409
 * POINTS_IMPORT_PEOPLE_BUSY.
 *
 * <p>The chunks committed before a stop stay credited. Each record is keyed by its external id (the ledger entry's
 * source and the import record's primary key), so sending the same import again finishes it: what was credited
 * comes back ALREADY_IMPORTED, never credited twice.
 */
@ApplicationScoped
class ImportCredits {

    /** How many times a chunk is tried when a person's ledger lock is taken. */
    static final int ATTEMPTS = 10;
    private static final long FIRST_PAUSE_MILLIS = 20;
    private static final long LONGEST_PAUSE_MILLIS = 500;
    /** Seconds a stopped import is told to wait before it is sent again (Retry-After). */
    static final int RETRY_AFTER_SECONDS = 2;

    /** A record to credit: checked, of a person the caller may import for, never imported before. */
    record ToCredit(ImportLine line, UUID personId, UUID branch) {
    }

    private final PointsLedger ledger;
    private final BusinessCalendar calendar;
    private final int chunk;

    ImportCredits(PointsLedger ledger, BusinessCalendar calendar, PointsSettings settings) {
        this.ledger = ledger;
        this.calendar = calendar;
        this.chunk = Math.max(1, settings.importChunk());
    }

    /**
     * Credits the records, a chunk at a time, outside the caller's transaction; {@code between} runs in the caller's
     * transaction after each chunk. Answers what became of each record, by line.
     */
    Map<Integer, LineResult> credit(List<ToCredit> records, String importedBy, Runnable between) {
        List<ToCredit> ordered = new ArrayList<>(records);
        ordered.sort(Comparator.comparing(ToCredit::personId).thenComparingInt(r -> r.line().line()));
        Map<Integer, LineResult> results = new HashMap<>();
        for (int from = 0; from < ordered.size(); from += chunk) {
            List<ToCredit> part = ordered.subList(from, Math.min(ordered.size(), from + chunk));
            creditWithRetries(part, importedBy, results.size(), records.size())
                    .forEach(result -> results.put(result.line(), result));
            between.run();
        }
        return results;
    }

    private List<LineResult> creditWithRetries(List<ToCredit> part, String importedBy, int credited, int total) {
        long pause = FIRST_PAUSE_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> creditChunk(part, importedBy));
            } catch (RuntimeException e) {
                if (!busy(e)) {
                    throw e;
                }
            }
            if (attempt == ATTEMPTS) {
                throw stopped(credited, total);
            }
            try {
                Thread.sleep(pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw stopped(credited, total);
            }
            pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
        }
    }

    private static ProblemException stopped(int credited, int total) {
        return new ProblemException(PointsImportProblem.POINTS_IMPORT_PEOPLE_BUSY, credited, total - credited,
                RETRY_AFTER_SECONDS).header("Retry-After", RETRY_AFTER_SECONDS);
    }

    /** One chunk, in its own transaction: every person's lock first (or {@link PersonBusy}), then the credits. */
    private List<LineResult> creditChunk(List<ToCredit> part, String importedBy) {
        UUID last = null;
        for (ToCredit record : part) { // in order of people: each person's lock tried once
            if (!record.personId().equals(last) && !ledger.tryLockPerson(record.personId())) {
                throw new PersonBusy();
            }
            last = record.personId();
        }
        List<LineResult> results = new ArrayList<>(part.size());
        for (ToCredit record : part) {
            ImportLine line = record.line();
            LedgerViews.View entry = ledger.credit(new PointsLedger.Credit(record.personId(), record.branch(),
                    ActivityType.EXTERNAL_IMPORT, PointsImportService.SOURCE_TYPE, line.externalId(), line.date(),
                    line.points(), line.reason(), importedBy));
            save(line, record.personId(), entry, importedBy);
            results.add(new LineResult(line.line(), line.externalId(), record.personId(), LineStatus.CREDITED,
                    entry.points(), entry.id()));
        }
        return results;
    }

    private void save(ImportLine line, UUID personId, LedgerViews.View entry, String importedBy) {
        ImportedRecord record = new ImportedRecord();
        record.externalId = line.externalId();
        record.personId = personId;
        record.points = line.points();
        record.credited = entry.points();
        record.businessDate = line.date();
        record.entryId = entry.id();
        record.importedBy = importedBy;
        record.importedAt = calendar.now();
        record.persist();
    }

    private static boolean busy(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PersonBusy) {
                return true;
            }
        }
        return false;
    }

    /** A person's ledger lock was taken: the chunk's transaction rolls back. */
    private static final class PersonBusy extends RuntimeException {
        PersonBusy() {
            super("a person's ledger lock is taken", null, false, false);
        }
    }
}
