package cn.zhibu.org.committee;

/** A post on a branch committee (支部委员会). */
public enum CommitteePost {
    /** 书记. */
    SECRETARY,
    /** 副书记. */
    DEPUTY_SECRETARY,
    /** 组织委员. */
    ORGANISATION,
    /** 宣传委员. */
    PUBLICITY,
    /** 纪检委员. */
    DISCIPLINE,
    /** 委员: a committee member without a named post. */
    MEMBER
}
