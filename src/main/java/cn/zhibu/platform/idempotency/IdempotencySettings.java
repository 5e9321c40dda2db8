package cn.zhibu.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** Idempotency keys ({@code zhibu.idempotency.*}). */
@ConfigMapping(prefix = "zhibu.idempotency")
public interface IdempotencySettings {

    /** How long a repeated request waits for the first one with its key to finish. */
    @WithName("wait")
    @WithDefault("PT5S")
    @DurationMin(message = "must not be negative")
    Duration await();

    /** How long a key and its answer are kept. */
    @WithDefault("PT24H")
    @DurationMin(message = "must not be negative")
    Duration retention();

    /**
     * How often expired keys are removed: a duration or {@code off}; read by the scheduler from the expression
     * {@code {zhibu.idempotency.cleanup-every:1h}}, mapped here so the prefix is mapped in full.
     */
    @WithDefault("1h")
    String cleanupEvery();
}
