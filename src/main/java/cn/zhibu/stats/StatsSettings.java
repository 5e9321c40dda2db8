package cn.zhibu.stats;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.quarkus.runtime.configuration.MemorySize;
import java.time.Duration;
import java.time.Period;

/** Dashboard figures ({@code zhibu.stats.*}). */
@ConfigMapping(prefix = "zhibu.stats")
public interface StatsSettings {

    /** The longest period one request may cover (from to to); longer: 400 STATS_PERIOD_TOO_LONG. */
    @WithDefault("P3Y")
    Period maxPeriod();

    /**
     * The fewest people a figure may describe: a count, rate or distribution drawn from fewer people answers null with
     * {@code suppressed: FEWER_THAN_<n>}, so that nobody can be singled out by slicing.
     */
    @WithDefault("5")
    int minCell();

    /** How long clients and the service keep an answer ({@code Cache-Control: private, max-age}). */
    @WithDefault("PT60S")
    Duration maxAge();

    /**
     * About how much memory the kept answers and families (a unit's children's figures, decided together) may take on
     * each replica; the least recently used go first.
     */
    @WithDefault("64M")
    MemorySize cacheSize();

    /**
     * How often, on one replica, the check-ins' noted changes are recounted per branch and day ({@code off}: never;
     * the study figures are exact either way, and read fewer rows the sooner it runs).
     */
    @WithDefault("10s")
    String summariseEvery();
}
