package cn.zhibu.study.checkin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** The settings of check-ins ({@code zhibu.check-ins.*}): make-ups and what counts as a burst. */
@ConfigMapping(prefix = "zhibu.check-ins")
public interface CheckInSettings {

    /** How far back a missed day may be made up (P7D: the 7 days before today); not negative. */
    @WithDefault("P7D")
    @DurationMin(message = "must not be negative")
    Duration makeUpWindow();

    /** {@link #makeUpWindow()} in whole days. */
    default int makeUpDays() {
        return (int) makeUpWindow().toDays();
    }

    /** Pending and approved make-ups a member may have per calendar month of the missed days; not negative. */
    @WithDefault("3")
    @Min(0)
    int makeUpsPerMonth();

    /** A check-in is a burst when the member already made this many check-ins within {@link #burstWindow()}. */
    @WithDefault("3")
    @Min(1)
    int burstCount();

    /** The window of {@link #burstCount()}; not negative. */
    @WithDefault("PT1M")
    @DurationMin(message = "must not be negative")
    Duration burstWindow();
}
