package cn.zhibu.identity.tokens;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How tokens are issued: issuer, and how long access and refresh tokens live. */
@ConfigMapping(prefix = "zhibu.jwt")
public interface TokenSettings {

    /** The issuer ({@code iss}) of every token, checked on every request. */
    @WithDefault("https://zhibu.cn")
    String issuer();

    /** How long an access token lives: from one minute to two hours. */
    @WithDefault("PT30M")
    Duration accessTtl();

    /** How long a refresh token lives without being used. */
    @WithDefault("P30D")
    Duration refreshTtl();
}
