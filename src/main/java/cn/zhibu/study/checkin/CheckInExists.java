package cn.zhibu.study.checkin;

import cn.zhibu.platform.problem.ProblemException;

/** 409 {@code CHECK_IN_EXISTS}: the day's check-in is there already; the answer shows it. */
public class CheckInExists extends ProblemException {

    private final transient CheckInViews.View existing;

    public CheckInExists(CheckInViews.View existing) {
        super(CheckInProblem.CHECK_IN_EXISTS, existing.businessDate().toString());
        this.existing = existing;
    }

    public CheckInViews.View existing() {
        return existing;
    }
}
