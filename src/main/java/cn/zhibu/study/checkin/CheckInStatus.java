package cn.zhibu.study.checkin;

/** Where a check-in stands with its points. */
public enum CheckInStatus {
    /** Credited in the points ledger (perhaps with zero points, under the caps). */
    CREDITED,
    /** Implausible: no points until a reviewer clears it. */
    FLAGGED,
    /** Flagged, and a reviewer refused it: never credited. */
    REJECTED,
    /** Credited, then its ledger entry was reversed: no longer counts (not towards streaks either). */
    REVERSED
}
