package cn.zhibu.study.quiz;

/** What a quiz question asks for. */
public enum QuestionKind {
    /** Two to six options, exactly one of them correct. */
    SINGLE_CHOICE,
    /** Two to six options, one or more of them correct. */
    MULTIPLE_CHOICE,
    /** The fixed options A 正确 (true) and B 错误 (false), one of them correct. */
    TRUE_FALSE
}
