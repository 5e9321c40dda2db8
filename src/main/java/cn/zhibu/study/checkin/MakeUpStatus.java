package cn.zhibu.study.checkin;

/** Where a make-up request stands. */
public enum MakeUpStatus {
    PENDING,
    APPROVED,
    REJECTED
}
