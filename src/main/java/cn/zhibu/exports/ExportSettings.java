package cn.zhibu.exports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * The inspection ledger's exports ({@code zhibu.exports.*}). {@code poll-every} (a duration or {@code off}) is read
 * by the scheduler from the expression {@code {zhibu.exports.poll-every}}, mapped here so the prefix is mapped in
 * full.
 */
@ConfigMapping(prefix = "zhibu.exports")
public interface ExportSettings {

    /** How long a finished export's ZIP is kept before it is deleted (the export then answers 410). */
    @WithDefault("P7D")
    @DurationMin(hours = 1, message = "must be at least PT1H")
    @DurationMax(days = 366, message = "must be at most P366D")
    Duration keepFor();

    /** How often each replica's worker looks for queued exports and expired files (one replica runs each pass). */
    @WithDefault("10s")
    String pollEvery();

    /**
     * How long a running export's claim holds without news from its replica: after it, the replica is taken for
     * gone and the export is run again from scratch.
     */
    @WithDefault("PT10M")
    @DurationMin(minutes = 1, message = "must be at least PT1M")
    @DurationMax(hours = 24, message = "must be at most PT24H")
    Duration lease();

    /** How many attempts an export gets (a replica that died while running it costs one) before it is FAILED. */
    @WithDefault("3")
    @Min(1)
    @Max(10)
    int maxAttempts();

    /** How many years back from this one an export may reach. */
    @WithDefault("10")
    @Min(1)
    @Max(50)
    int yearsBack();

    /** The most rows one sheet takes; an export with more fails with a clear error (Excel's own limit is 1048575). */
    @WithDefault("1000000")
    @Min(1)
    @Max(1048575)
    int maxRowsPerSheet();
}
