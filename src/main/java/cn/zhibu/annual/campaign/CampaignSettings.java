package cn.zhibu.annual.campaign;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Campaigns' results ({@code zhibu.campaigns.*}). */
@ConfigMapping(prefix = "zhibu.campaigns")
public interface CampaignSettings {

    /** The fewest raters of a ratee in a stage whose grades are shown; fewer: "not enough raters", no counts. */
    @WithDefault("3")
    @Min(1)
    @Max(100)
    int minRaters();
}
