package cn.zhibu.identity.tokens;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/** How tokens are issued: issuer, and how long access and refresh tokens live. */
@ConfigMapping(prefix = "zhibu.jwt")
public interface TokenSettings {

    /** The issuer ({@code iss}) of every token, checked on every request. */
    @WithDefault("https://zhibu.cn")
    String issuer();

    /** How long an access token lives: from one minute to two hours. */
    @WithDefault("PT30M")
    @DurationMin(minutes = 1, message = "must be between PT1M and PT2H")
    @DurationMax(hours = 2, message = "must be between PT1M and PT2H")
    Duration accessTtl();

    /** How long a refresh token lives without being used. */
    @WithDefault("P30D")
    @DurationMin(millis = 1, message = "must be positive")
    Duration refreshTtl();

    /** A PEM private key (RSA) to sign with instead of generated keys; production takes it from a secret. */
    @WithName("private-key.location")
    Optional<String> privateKeyLocation();

    /** The id of that key, written in every token it signs ({@code kid}). */
    Optional<String> keyId();

    /** How long a generated key signs before a new one is made. */
    @WithDefault("P90D")
    @DurationMin(millis = 1, message = "must be positive")
    Duration keyRotation();

    /** How often at most a token with an unknown key id makes this replica read the keys again. */
    @WithDefault("PT1S")
    @DurationMin(message = "must not be negative")
    Duration unknownKeyReload();
}
