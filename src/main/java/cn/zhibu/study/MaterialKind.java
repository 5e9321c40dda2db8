package cn.zhibu.study;

/** What a study material is. */
public enum MaterialKind {
    ARTICLE,
    VIDEO,
    COURSE,
    LINK
}
