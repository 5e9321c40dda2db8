package cn.zhibu.privacy.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * How long each class of personal data is kept before the retention purge removes or erases it
 * ({@code zhibu.retention.*}). {@code purge-cron} (a cron expression or {@code off}) is read by the scheduler from the
 * expression {@code {zhibu.retention.purge-cron}}, mapped here so the prefix is mapped in full.
 */
@ConfigMapping(prefix = "zhibu.retention")
public interface RetentionSettings {

    /** How long the openings of study materials are kept (check-ins are judged against today's and yesterday's). */
    @WithDefault("P365D")
    @DurationMin(days = 2, message = "must be at least P2D: check-ins are judged against the openings of today and "
            + "yesterday")
    @DurationMax(days = 36500, message = "must be at most P36500D")
    Duration materialOpenings();

    /** How long rejected check-ins keep their evidence (note, claimed study time, opening time). */
    @WithDefault("P365D")
    @DurationMin(days = 30, message = "must be at least P30D")
    @DurationMax(days = 36500, message = "must be at most P36500D")
    Duration checkInEvidence();

    /** How long after the day they left people keep their contact and personal fields. */
    @WithDefault("P1095D")
    @DurationMin(days = 30, message = "must be at least P30D")
    @DurationMax(days = 36500, message = "must be at most P36500D")
    Duration peopleWhoLeft();

    /** How long notices (the inbox, their WeChat deliveries and attempts) are kept after they were due. */
    @WithDefault("P365D")
    @DurationMin(days = 30, message = "must be at least P30D")
    @DurationMax(days = 36500, message = "must be at most P36500D")
    Duration notifications();

    /** How many rows one transaction of the purge changes at most (short transactions, no long locks). */
    @WithDefault("1000")
    @Min(1)
    @Max(100000)
    int batchSize();

    /** When the purge runs (a Quartz-style cron expression in the business time zone), or {@code off}. */
    @WithDefault("0 30 3 * * ?")
    String purgeCron();
}
