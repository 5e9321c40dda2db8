package cn.zhibu.platform.notice;

/**
 * The kinds of notice zhibu raises, each with its inbox title. None of them nags about using the app: there is no
 * "you have not checked in" and never will be (指尖上的形式主义).
 */
public enum NoticeKind {
    /** A session (party day, meeting) is coming: a day and two hours before, to its attendees. */
    SESSION_COMING("会议即将召开", "A session is coming"),
    /** The speaker's micro lecture slot is a week away. */
    LECTURE_SLOT_COMING("您的微型党课即将开讲", "Your micro lecture is coming"),
    /** A colleague asked the recipient to swap a lecture slot. */
    SWAP_ASKED("有人请您调换微型党课", "A swap was asked of you"),
    /** The recipient's swap request was accepted or declined. */
    SWAP_ANSWERED("您的调换请求已答复", "Your swap request was answered"),
    /** The recipient's flagged check-in or make-up was reviewed. */
    CHECK_IN_REVIEWED("您的打卡已审核", "Your check-in was reviewed"),
    /** Daily digest for reviewers: check-ins and make-ups wait for review. */
    REVIEWS_WAITING("有待您审核的打卡", "Check-ins wait for your review"),
    /** A cadre's declaration waits for the recipient, its next reviewer. */
    DECLARATION_WAITING("有待您审核的个人有关事项报告", "A declaration waits for your review"),
    /** Weekly digest for integrity officers: reviews or reports overdue. */
    INTEGRITY_OVERDUE("廉政档案有逾期事项", "Integrity reviews or reports are overdue"),
    /** A rectification item the recipient owns is due. */
    RECTIFICATION_DUE("整改事项即将到期", "A rectification item is due"),
    /** An annual plan item the recipient owns is due. */
    PLAN_ITEM_DUE("年度计划事项即将到期", "A plan item is due"),
    /** A stage of a campaign the recipient takes part in opens or closes. */
    CAMPAIGN_STAGE("评选阶段变化", "A campaign stage opens or closes");

    private final String zhTitle;
    private final String enTitle;

    NoticeKind(String zhTitle, String enTitle) {
        this.zhTitle = zhTitle;
        this.enTitle = enTitle;
    }

    /** The inbox title in Chinese (zh-CN) or English. */
    public String title(boolean english) {
        return english ? enTitle : zhTitle;
    }
}
