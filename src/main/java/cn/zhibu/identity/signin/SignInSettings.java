package cn.zhibu.identity.signin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** Password sign-in ({@code zhibu.sign-in.*}): when a name is locked, and for how long. */
@ConfigMapping(prefix = "zhibu.sign-in")
public interface SignInSettings {

    /** Failed sign-ins in a row that lock the name. */
    @WithDefault("5")
    @Min(1)
    int maxFailures();

    /** How long a locked name stays locked. */
    @WithDefault("PT15M")
    @DurationMin(message = "must not be negative")
    Duration lockout();
}
