package cn.zhibu.leaderboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * The settings of leaderboards ({@code zhibu.leaderboards.*}); each unit's own choice of metric is
 * {@link LeaderboardSettings}.
 */
@ConfigMapping(prefix = "zhibu.leaderboards")
public interface LeaderboardConfig {

    /** Units with fewer active members than this are not ranked on the units board. */
    @WithDefault("3")
    @Min(1)
    int minimumUnitSize();

    /** How old the headcounts of units may be. */
    @WithDefault("PT5M")
    @DurationMin(message = "must not be negative")
    Duration headcountTtl();

    /** How old the units board behind "my unit's rank" may be. */
    @WithDefault("PT30S")
    @DurationMin(message = "must not be negative")
    Duration unitRankTtl();

    /** How many study leaders each unit proposes a week. */
    @WithDefault("1")
    @Min(0)
    int leadersPerUnit();

    /** How often the standings take in new ledger entries. */
    @WithDefault("PT0.1S")
    @DurationMin(millis = 1, message = "must be at least PT0.001S")
    Duration applierEvery();

    /** How long publishing a week waits for the standings to catch up. */
    @WithDefault("PT30S")
    @DurationMin(message = "must not be negative")
    Duration publishWait();

    /**
     * How often missed weeks are published: a duration or {@code off}; read by the scheduler from the expression
     * {@code {zhibu.leaderboards.catch-up-every}}, mapped here so the prefix is mapped in full.
     */
    Optional<String> catchUpEvery();
}
