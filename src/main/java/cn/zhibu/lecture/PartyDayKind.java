package cn.zhibu.lecture;

/** What kind of session a party day is. */
public enum PartyDayKind {
    /** 主题党日: the branch's regular themed party day. */
    THEMED_PARTY_DAY,
    /** 党课: a party lecture. */
    PARTY_LECTURE,
    /** 学习会: a study session. */
    STUDY_SESSION
}
