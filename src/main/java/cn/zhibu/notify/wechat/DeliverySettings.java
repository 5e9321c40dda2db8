package cn.zhibu.notify.wechat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * The WeChat sender ({@code zhibu.notify.delivery.*}): how often it drains the queue of subscribe messages, how many
 * it takes at a time, and how it retries. It runs only when {@code zhibu.notify.wechat-send} is true.
 */
@ConfigMapping(prefix = "zhibu.notify.delivery")
public interface DeliverySettings {

    /** How often the queue is drained (on one replica at a time), or {@code off}; see application.properties. */
    @WithDefault("30s")
    String every();

    /** How many messages one pass claims at most. */
    @WithDefault("50")
    @Min(1)
    @Max(1000)
    int batchSize();

    /** After this many attempts that WeChat could not take, a message is given up (FAILED). */
    @WithDefault("8")
    @Min(1)
    @Max(100)
    int maxAttempts();

    /** The wait before the second attempt; each further attempt waits twice as long, up to {@link #backoffCap}. */
    @WithDefault("PT1M")
    @DurationMin(seconds = 1, message = "must be at least a second")
    Duration backoffBase();

    /** The longest wait between two attempts. */
    @WithDefault("PT6H")
    @DurationMin(seconds = 1, message = "must be at least a second")
    Duration backoffCap();

    /**
     * How long a replica may take to send a claimed message and store WeChat's answer. A message still SENDING after
     * this was left by a replica that stopped: it may have reached WeChat, so it becomes UNCERTAIN and is never sent
     * again.
     */
    @WithDefault("PT2M")
    @DurationMin(seconds = 1, message = "must be at least a second")
    Duration sendingLease();

    /** The access token is refreshed this long before it expires. */
    @WithDefault("PT5M")
    @DurationMin(seconds = 0, message = "must not be negative")
    Duration tokenMargin();

    /**
     * Which version of the mini-program a message opens ({@code developer}, {@code trial}, {@code formal}); unset:
     * WeChat's default (formal).
     */
    Optional<String> miniprogramState();
}
