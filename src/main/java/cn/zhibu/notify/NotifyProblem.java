package cn.zhibu.notify;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of the inbox, a member's WeChat choices and a branch's quiet hours. */
public enum NotifyProblem implements ProblemKind {
    /** No such notice in the caller's inbox. */
    NOTIFICATION_NOT_FOUND(404),
    /** Only a person's own account has an inbox: an API client or a staff account has none. */
    NOTIFICATION_NOT_A_PERSON(403),
    /** A template id the mini-program does not use (not in zhibu.notify.templates). */
    WECHAT_TEMPLATE_UNKNOWN(422),
    /** Quiet hours are chosen by a branch. */
    QUIET_HOURS_NOT_A_BRANCH(422);

    private final int status;

    NotifyProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
