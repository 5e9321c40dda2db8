package cn.zhibu.points;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A member's study streaks, for the member file (一人一档). Points does not know what a check-in is:
 * the study capability, which keeps them, implements this; without it, streaks are empty.
 */
public interface Streaks {

    /** Consecutive business days with a check-in: the run ending today or yesterday, and the longest ever. */
    record Streak(int current, int longest, LocalDate lastDay) {
        public static final Streak NONE = new Streak(0, 0, null);
    }

    Streak of(UUID personId);
}
