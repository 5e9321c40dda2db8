package cn.zhibu.lecture.minutes;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The attachments of minutes ({@code zhibu.minutes.*}). */
@ConfigMapping(prefix = "zhibu.minutes")
public interface MinutesSettings {

    /**
     * The largest attachment taken (at most {@code zhibu.import.max-bytes}, the largest file the HTTP layer reads;
     * and at most 2 GiB - 1).
     */
    @WithDefault("10M")
    MemorySize maxAttachmentBytes();

    /** How many attachments a session may have. */
    @WithDefault("30")
    @Min(1)
    @Max(1000)
    int maxAttachments();
}
