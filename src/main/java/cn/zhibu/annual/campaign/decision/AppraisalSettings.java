package cn.zhibu.annual.campaign.decision;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;

/** The decisions of member appraisals (民主评议党员) ({@code zhibu.member-appraisal.*}). */
@ConfigMapping(prefix = "zhibu.member-appraisal")
public interface AppraisalSettings {

    /**
     * The largest share of the ratees given the best grade (e.g. 优秀): at most floor(share × ratees); a campaign's
     * own quota applies where it is stricter.
     */
    @WithDefault("0.30")
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    BigDecimal bestShare();
}
