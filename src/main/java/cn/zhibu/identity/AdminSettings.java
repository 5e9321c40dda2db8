package cn.zhibu.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;
import java.util.Optional;

/** The first org admin, made on the first start ({@code zhibu.admin.*}). */
@ConfigMapping(prefix = "zhibu.admin")
public interface AdminSettings {

    @WithDefault("admin")
    @NotBlank
    String username();

    /** Its password, to be changed at the first sign-in; without it a one-time password is made and logged. */
    Optional<String> initialPassword();
}
