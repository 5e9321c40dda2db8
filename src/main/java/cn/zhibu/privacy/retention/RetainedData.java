package cn.zhibu.privacy.retention;

import java.time.Duration;
import java.time.Instant;

/**
 * One class of personal data the retention purge removes or erases once it has been kept long enough. Each is a
 * CDI bean; the purge finds them all (a new class is one more bean). A batch runs in a
 * transaction of the purge's own: it changes at most {@code limit} rows, skips rows others hold locked (the next run
 * takes them), and changes nothing a second time, so the purge ends when a batch changes fewer than the limit.
 */
public interface RetainedData {

    /** The class's stable name (UPPER_SNAKE), as logged and stored in {@code retention_purge.data_class}. */
    String name();

    /** How long its records are kept. */
    Duration retention();

    /** The instant before which its records have expired when the purge runs at {@code now}. */
    Instant cutoff(Instant now);

    /** Removes or erases up to {@code limit} records that expired before {@code cutoff}; how many it changed. */
    int purgeBatch(Instant cutoff, Instant now, int limit);
}
