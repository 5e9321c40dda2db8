package cn.zhibu.points;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** Points ({@code zhibu.points.*}). */
@ConfigMapping(prefix = "zhibu.points")
public interface PointsSettings {

    /** How many imported records are credited in one transaction. */
    @WithDefault("200")
    @Min(1)
    int importChunk();
}
