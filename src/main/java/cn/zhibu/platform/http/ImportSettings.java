package cn.zhibu.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** Limits of uploaded files ({@code zhibu.import.*}). */
@ConfigMapping(prefix = "zhibu.import")
public interface ImportSettings {

    /** The largest file (and request body) taken. */
    @WithDefault("16M")
    MemorySize maxBytes();

    /** How long an uploaded file may take to arrive. */
    @WithDefault("PT2M")
    @DurationMin(millis = 1, message = "must be positive")
    Duration bodyTimeout();

    /**
     * How often unfinished people imports are swept: a duration or {@code off}; read by the scheduler from the
     * expression {@code {zhibu.import.sweep-every:5m}}, mapped here so the prefix is mapped in full.
     */
    @WithDefault("5m")
    String sweepEvery();
}
