package cn.zhibu.study.quiz;

import cn.zhibu.platform.problem.ProblemKind;

/** The problems of question banks, quizzes and attempts. */
public enum QuizProblem implements ProblemKind {
    QUESTION_UNIT_NOT_FOUND(422),
    QUESTION_UNIT_ARCHIVED(422),
    QUESTION_OPTIONS_INVALID(422),
    QUESTION_KEYS_INVALID(422),
    QUESTION_RETIRED(409),
    QUIZ_AUDIENCE_INVALID(422),
    QUIZ_UNIT_NOT_FOUND(422),
    QUIZ_UNIT_ARCHIVED(422),
    QUIZ_MATERIAL_NOT_FOUND(422),
    QUIZ_MATERIAL_WITHDRAWN(422),
    QUIZ_DATES_INCONSISTENT(422),
    QUIZ_QUESTION_NOT_IN_BANK(422),
    QUIZ_QUESTION_RETIRED(422),
    QUIZ_QUESTION_REPEATED(422),
    QUIZ_PASS_SCORE_TOO_HIGH(422),
    QUIZ_WITHDRAWN(409),
    QUIZ_NOT_OPEN(422),
    QUIZ_PERSON_REQUIRED(403),
    ANSWER_QUESTION_NOT_IN_ATTEMPT(400),
    ANSWER_QUESTION_REPEATED(400),
    ANSWER_KEYS_INVALID(400);

    private final int status;

    QuizProblem(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
