package cn.zhibu.points;

import java.time.Duration;

/**
 * The arithmetic of a credit, apart from the ledger it is read from: what study time asks for, and what a rule's caps
 * leave of what is asked.
 */
final class CreditArithmetic {

    /** The most points one entry carries (the ledger's contract: entries are within ±100,000). */
    static final int MOST_PER_ENTRY = 100_000;

    private CreditArithmetic() {
    }

    /**
     * What study time asks for: {@code points} per full {@code block} of {@code seconds} (none under one block), at
     * most {@link #MOST_PER_ENTRY}.
     */
    static int studyTime(int seconds, Duration block, int points) {
        long blocks = Math.max(0, seconds) / block.toSeconds();
        return (int) Math.min(MOST_PER_ENTRY, blocks * Math.max(0, points));
    }

    /**
     * What the caps leave of {@code asked}: no more than the daily cap less the day's net points ({@code day}), nor the
     * weekly cap less the week's ({@code week}); nothing once {@code counted} credits reached the maximum count; never
     * below zero. A null cap does not limit.
     */
    static int capped(int asked, Integer dailyCap, Integer weeklyCap, Integer maxCount, int day, int week,
            long counted) {
        int points = asked;
        if (dailyCap != null) {
            points = Math.min(points, dailyCap - day);
        }
        if (weeklyCap != null) {
            points = Math.min(points, weeklyCap - week);
        }
        if (maxCount != null && counted >= maxCount) {
            points = 0;
        }
        return Math.max(0, points);
    }
}
