package cn.zhibu.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** Limits of requests ({@code zhibu.http.*}). */
@ConfigMapping(prefix = "zhibu.http")
public interface HttpSettings {

    /** How long the body of a request may take to arrive. */
    @WithDefault("PT10S")
    @DurationMin(millis = 1, message = "must be positive")
    Duration bodyTimeout();

    /** The longest request line (method, URI and version) in bytes. */
    @WithDefault("8192")
    @Min(1)
    int maxUriBytes();

    /** The most bytes of all headers of a request. */
    @WithDefault("20480")
    @Min(1)
    int maxHeaderBytes();
}
