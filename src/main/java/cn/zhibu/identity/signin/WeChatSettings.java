package cn.zhibu.identity.signin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/** The WeChat mini-program sign-in ({@code zhibu.wechat.*}); without app id and secret it is off. */
@ConfigMapping(prefix = "zhibu.wechat")
public interface WeChatSettings {

    /** Where WeChat's API answers. */
    @WithDefault("https://api.weixin.qq.com")
    String baseUrl();

    Optional<String> appId();

    Optional<String> appSecret();

    /** How long a call to WeChat may take. */
    @WithDefault("PT5S")
    @DurationMin(millis = 1, message = "must be positive")
    Duration timeout();

    /** How long an invitation to link a WeChat account stays valid. */
    @WithDefault("P7D")
    @DurationMin(message = "must not be negative")
    Duration invitationTtl();
}
