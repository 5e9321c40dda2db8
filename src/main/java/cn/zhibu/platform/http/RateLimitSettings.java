package cn.zhibu.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** The rate limit per caller ({@code zhibu.rate-limit.*}). */
@ConfigMapping(prefix = "zhibu.rate-limit")
public interface RateLimitSettings {

    @WithDefault("300")
    @Min(1)
    int requestsPerMinute();
}
