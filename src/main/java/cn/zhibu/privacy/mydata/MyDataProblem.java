package cn.zhibu.privacy.mydata;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of a member's export of their own data. */
public enum MyDataProblem implements ProblemKind {
    /** Only a person's own account exports a person's data: an API client or a staff account has none. */
    MY_DATA_NOT_A_PERSON(403),
    /** The person made as many exports as an hour allows (zhibu.my-data.per-hour). */
    MY_DATA_EXPORTS_EXHAUSTED(429),
    /** Another export of the same person is being recorded at this moment. */
    MY_DATA_EXPORT_BUSY(429);

    private final int status;

    MyDataProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
