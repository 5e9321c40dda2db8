package cn.zhibu.lecture;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** The sign-in of party days ({@code zhibu.party-days.*}). */
@ConfigMapping(prefix = "zhibu.party-days")
public interface PartyDaySettings {

    /** How long one shown sign-in code stays valid. */
    @WithDefault("60")
    @Min(1)
    int signInCodeSeconds();

    /** How many minutes before the start the sign-in opens. */
    @WithDefault("30")
    @Min(0)
    int signInOpensMinutes();
}
