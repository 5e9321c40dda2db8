package cn.zhibu.lecture;

/**
 * What kind of session a party day is: the 三会一课, the themed party day, the 组织生活会 and the branch's other
 * study sessions. Who is expected follows the kind (see {@link Audience}).
 */
public enum PartyDayKind {
    /** 支部党员大会: the members' assembly (at least quarterly). */
    MEMBER_ASSEMBLY("支部党员大会"),
    /** 支部委员会: the branch committee's meeting (monthly); its committee members are expected. */
    BRANCH_COMMITTEE("支部委员会"),
    /** 党小组会: a party group's meeting (monthly); the group's members are expected. */
    PARTY_GROUP_MEETING("党小组会"),
    /** 党课: a party lecture (at least quarterly), by members of zhibu or invited guests. */
    PARTY_LECTURE("党课"),
    /** 主题党日: the branch's themed party day (monthly). */
    THEMED_PARTY_DAY("主题党日"),
    /** 组织生活会: the yearly organisational life meeting, with 民主评议党员. */
    ORG_LIFE_MEETING("组织生活会"),
    /** 廉政教育: an integrity lecture, talk or warning film. */
    INTEGRITY_EDUCATION("廉政教育"),
    /** 学习会: a study session. */
    STUDY_SESSION("学习会"),
    /** 现场教学: teaching on site at an education base (its place). */
    FIELD_TEACHING("现场教学");

    private final String label;

    PartyDayKind(String label) {
        this.label = label;
    }

    /** Its name in Chinese, as a secretary writes it: 支部委员会, 主题党日, ... */
    public String label() {
        return label;
    }
}
