package cn.zhibu.lecture.orglife;

/** Whose problem it is: the branch committee's (班子) or one member's. */
public enum ProblemSubject {
    COMMITTEE, MEMBER
}
