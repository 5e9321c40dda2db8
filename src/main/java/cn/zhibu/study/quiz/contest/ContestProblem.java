package cn.zhibu.study.quiz.contest;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of contests at sessions. */
public enum ContestProblem implements ProblemKind {
    CONTEST_QUIZ_NOT_FOUND(422),
    CONTEST_QUIZ_ON_MATERIAL(422),
    CONTEST_QUIZ_AUDIENCE(422),
    CONTEST_KIND_NOT_ALLOWED(422),
    CONTEST_NO_TEAMS(422),
    CONTEST_QUIZ_WITHDRAWN(409),
    CONTEST_QUIZ_LINKED(409),
    CONTEST_EXISTS(409),
    CONTEST_SESSION_CANCELLED(409),
    CONTEST_SESSION_OVER(409);

    private final int status;

    ContestProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
