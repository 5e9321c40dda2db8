package cn.zhibu.org.people;

/** 政治面貌. */
public enum PoliticalStatus {
    /** 正式党员. */
    FULL,
    /** 预备党员. */
    PROBATIONARY,
    /** 入党积极分子. */
    ACTIVIST,
    /** 群众. */
    NON_MEMBER;

    public boolean isPartyMember() {
        return this == FULL || this == PROBATIONARY;
    }
}
