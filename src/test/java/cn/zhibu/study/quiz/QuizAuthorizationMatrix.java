package cn.zhibu.study.quiz;

import static cn.zhibu.study.quiz.QuizFixtures.answers;
import static cn.zhibu.study.quiz.QuizFixtures.question;
import static cn.zhibu.study.quiz.QuizFixtures.quiz;
import static cn.zhibu.study.quiz.QuizFixtures.quizBody;
import static cn.zhibu.study.quiz.QuizFixtures.single;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.identity.AuthorizationMatrixTest.Operation;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.study.StudyFixtures.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The quiz operations in the authorisation matrix ({@link AuthorizationMatrixTest}). */
public final class QuizAuthorizationMatrix {

    private QuizAuthorizationMatrix() {
    }

    public static List<Operation> operations() {
        List<String> everyone = AuthorizationMatrixTest.ROLES;
        List<String> secretaries = List.of(Roles.SECRETARY, Roles.ORG_ADMIN);
        List<String> pointsReaders = List.of(Roles.GROUP_LEADER, Roles.SECRETARY, Roles.ORG_ADMIN);
        List<Operation> ops = new ArrayList<>();
        // question bank: a unit named in the body that the caller cannot see is refused like an unknown one (422)
        ops.add(new Operation("createQuizQuestion", t -> r -> r.header("Idempotency-Key", UUID.randomUUID().toString())
                .body(single(t.branch(), null)).post("/v1/quiz-questions"), secretaries, 201, 422));
        ops.add(new Operation("listQuizQuestions", t -> r -> r.queryParam("unitId", t.branch())
                .get("/v1/quiz-questions"), secretaries, 200, 404));
        ops.add(new Operation("getQuizQuestion", t -> r -> r.get("/v1/quiz-questions/" + question(single(t.branch(),
                null))), secretaries, 200, 404));
        ops.add(new Operation("changeQuizQuestion", t -> r -> {
            Map<String, Object> body = single(t.branch(), null);
            String id = question(body);
            body.remove("unitId");
            return r.header("If-Match", "\"0\"").body(body).put("/v1/quiz-questions/" + id);
        }, secretaries, 200, 404));
        ops.add(new Operation("retireQuizQuestion", t -> r -> r.header("If-Match", "\"0\"")
                .post("/v1/quiz-questions/" + question(single(t.branch(), null)) + "/retire"), secretaries, 200, 404));
        // quizzes
        ops.add(new Operation("createQuiz", t -> r -> r.header("Idempotency-Key", UUID.randomUUID().toString())
                .body(quizBody(t.branch(), List.of(question(single(t.branch(), null))))).post("/v1/quizzes"),
                secretaries, 201, 422));
        ops.add(new Operation("listQuizzes(unitId)", t -> r -> r.queryParam("unitId", t.branch()).get("/v1/quizzes"),
                secretaries, 200, 404));
        // without a unit: what is open to the caller's own person (nothing for these accounts)
        ops.add(new Operation("listQuizzes", t -> r -> r.get("/v1/quizzes"), everyone, 200, 200));
        ops.add(new Operation("getQuiz", t -> r -> r.get("/v1/quizzes/" + quizIn(t.branch())), everyone, 200, 404));
        ops.add(new Operation("changeQuiz", t -> r -> {
            Map<String, Object> body = quizBody(t.branch(), List.of(question(single(t.branch(), null))));
            String id = quiz(body);
            body.remove("unitId");
            body.put("publishFrom", "2026-01-01T00:00:00Z");
            return r.header("If-Match", "\"0\"").body(body).put("/v1/quizzes/" + id);
        }, secretaries, 200, 404));
        ops.add(new Operation("withdrawQuiz", t -> r -> r.header("If-Match", "\"0\"")
                .post("/v1/quizzes/" + quizIn(t.branch()) + "/withdraw"), secretaries, 200, 404));
        // attempts: only a person signed in as themselves takes quizzes, and submits only their own attempts
        ops.add(new Operation("startQuizAttempt", t -> r -> r.post("/v1/quizzes/" + quizIn(t.branch()) + "/attempts"),
                List.of(), 0, 404));
        ops.add(new Operation("submitQuizAttempt", t -> r -> r.header("Idempotency-Key", UUID.randomUUID().toString())
                .body(answers()).post("/v1/quiz-attempts/" + attemptIn(t.branch()) + "/submission"), List.of(), 0, 404));
        ops.add(new Operation("getQuizAttempt", t -> r -> r.get("/v1/quiz-attempts/" + attemptIn(t.branch())),
                pointsReaders, 200, 404));
        ops.add(new Operation("listQuizAttempts(personId)", t -> r -> r.queryParam("personId", t.person())
                .get("/v1/quiz-attempts"), pointsReaders, 200, 404));
        // without a person: the caller's own attempts (none for these accounts)
        ops.add(new Operation("listQuizAttempts", t -> r -> r.get("/v1/quiz-attempts"), everyone, 200, 200));
        return ops;
    }

    private static String quizIn(String branch) {
        return quiz(quizBody(branch, List.of(question(single(branch, null)))));
    }

    /** An attempt started by a member of the branch signed in as themselves. */
    private static String attemptIn(String branch) {
        Member member = StudyFixtures.member(branch);
        return member.api().post("/v1/quizzes/" + quizIn(branch) + "/attempts").then().statusCode(201).extract()
                .path("id");
    }
}
