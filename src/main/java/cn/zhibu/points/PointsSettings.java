package cn.zhibu.points;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/** Points ({@code zhibu.points.*}). */
@ConfigMapping(prefix = "zhibu.points")
public interface PointsSettings {

    /** How many imported records are credited in one transaction. */
    @WithDefault("200")
    @Min(1)
    int importChunk();

    /**
     * The block of study time a STUDY_TIME rule pays its points for: a check-in earns the rule's points once per full
     * block of the study time it states (under one block, nothing). From one minute to one day.
     */
    @WithDefault("PT10M")
    @DurationMin(minutes = 1, message = "must be at least one minute")
    @DurationMax(days = 1, message = "must be at most one day")
    Duration studyTimeBlock();
}
