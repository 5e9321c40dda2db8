package cn.zhibu.annual.campaign.decision;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Who may be nominated in a star selection (组工之星) ({@code zhibu.star-selection.*}). */
@ConfigMapping(prefix = "zhibu.star-selection")
public interface StarSelectionSettings {

    /**
     * The lowest rating band (评定档次) the nominee's points of the campaign's year must earn, by name (e.g. 良好);
     * none: no minimum. The bands are the campaign unit's.
     */
    Optional<String> minimumBand();

    /** Whether a disciplinary entry recorded in the year (in the person's integrity file) makes a nominee ineligible. */
    @WithDefault("true")
    boolean noDisciplineInYear();
}
