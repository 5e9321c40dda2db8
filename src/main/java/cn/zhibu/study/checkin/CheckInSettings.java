package cn.zhibu.study.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The settings of check-ins: make-ups and what counts as a burst. */
@ApplicationScoped
public class CheckInSettings {

    private final Duration makeUpWindow;
    private final int makeUpsPerMonth;
    private final int burstCount;
    private final Duration burstWindow;

    CheckInSettings(
            @ConfigProperty(name = "zhibu.check-ins.make-up-window", defaultValue = "P7D") Duration makeUpWindow,
            @ConfigProperty(name = "zhibu.check-ins.make-ups-per-month", defaultValue = "3") int makeUpsPerMonth,
            @ConfigProperty(name = "zhibu.check-ins.burst-count", defaultValue = "3") int burstCount,
            @ConfigProperty(name = "zhibu.check-ins.burst-window", defaultValue = "PT1M") Duration burstWindow) {
        if (makeUpWindow.isNegative() || makeUpsPerMonth < 0 || burstCount < 1 || burstWindow.isNegative()) {
            throw new IllegalArgumentException("zhibu.check-ins.* settings must not be negative (burst-count at least 1)");
        }
        this.makeUpWindow = makeUpWindow;
        this.makeUpsPerMonth = makeUpsPerMonth;
        this.burstCount = burstCount;
        this.burstWindow = burstWindow;
    }

    /** How many days back a missed day may be made up (P7D: the 7 days before today). */
    public int makeUpDays() {
        return (int) makeUpWindow.toDays();
    }

    /** Pending and approved make-ups a member may have per calendar month of the missed days. */
    public int makeUpsPerMonth() {
        return makeUpsPerMonth;
    }

    /** A check-in is a burst when the member already made this many check-ins within {@link #burstWindow()}. */
    public int burstCount() {
        return burstCount;
    }

    public Duration burstWindow() {
        return burstWindow;
    }
}
