package cn.zhibu.lecture;

/** A political rite (政治仪式) held at a session. */
public enum Rite {
    /** 唱国歌: singing the national anthem. */
    NATIONAL_ANTHEM,
    /** 唱国际歌: singing the Internationale. */
    INTERNATIONALE,
    /** 亮党徽: wearing the party badge. */
    PARTY_BADGE,
    /** 重温入党誓词: re-taking the oath. */
    OATH,
    /** 集体过政治生日: the collective political birthday of the members who joined in the session's month. */
    POLITICAL_BIRTHDAY
}
