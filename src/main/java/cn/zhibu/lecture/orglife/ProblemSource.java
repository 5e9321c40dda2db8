package cn.zhibu.lecture.orglife;

/** Where a problem was found: in self-examination (对照检查), in criticism (批评与自我批评), or by the organisation. */
public enum ProblemSource {
    SELF_EXAMINATION, CRITICISM, ORGANISATION
}
