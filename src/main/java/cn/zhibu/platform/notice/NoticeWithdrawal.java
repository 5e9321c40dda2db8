package cn.zhibu.platform.notice;

import java.util.Objects;

/**
 * Takes back every notice of this kind and subject that has not been delivered (a cancelled session's reminders);
 * raised like a notice, in the business transaction. What was delivered stays in the inbox.
 */
public record NoticeWithdrawal(NoticeKind kind, String subject) {

    public NoticeWithdrawal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
    }
}
