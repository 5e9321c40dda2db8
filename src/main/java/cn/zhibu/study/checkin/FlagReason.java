package cn.zhibu.study.checkin;

/** Why a check-in was flagged as implausible. */
public enum FlagReason {
    /** A check-in on a material the member did not open today (or, in the first two hours after midnight, the day before). */
    NOT_OPENED,
    /** Less time passed since the opening than the material's minimum study time. */
    BELOW_MINIMUM_TIME,
    /** The study time claimed is more than has passed since the opening. */
    CLAIM_EXCEEDS_ELAPSED,
    /** More check-ins in a short time than a person studies (zhibu.check-ins.burst-count in burst-window). */
    BURST
}
