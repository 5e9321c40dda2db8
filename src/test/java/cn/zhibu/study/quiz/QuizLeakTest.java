package cn.zhibu.study.quiz;

import static cn.zhibu.study.StudyFixtures.material;
import static cn.zhibu.study.StudyFixtures.member;
import static cn.zhibu.study.quiz.QuizFixtures.answers;
import static cn.zhibu.study.quiz.QuizFixtures.multiple;
import static cn.zhibu.study.quiz.QuizFixtures.question;
import static cn.zhibu.study.quiz.QuizFixtures.quiz;
import static cn.zhibu.study.quiz.QuizFixtures.quizBody;
import static cn.zhibu.study.quiz.QuizFixtures.rules;
import static cn.zhibu.study.quiz.QuizFixtures.single;
import static cn.zhibu.study.quiz.QuizFixtures.trueFalse;
import static cn.zhibu.testing.OrgFixtures.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.study.StudyFixtures.Member;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Answers never leak before submission: every answer a member gets on the way (the quizzes open to them, the
 * quiz, starting and replaying the start, their attempt and attempt lists, the bank, a refused submission, their
 * points) is searched, headers and body, for the explanations and for any field about correctness or answers.
 * Once submitted, they are there.
 */
@QuarkusTest
class QuizLeakTest {

    /** A JSON field whose name speaks of the correct keys, answers, chosen keys or explanations. */
    private static final Pattern ANSWER_FIELD =
            Pattern.compile("\"[A-Za-z]*(correct|Correct|answer|Answer|explanation|Explanation|chosen|Chosen)[A-Za-z]*\"\\s*:");

    @Test
    void noAnswerReachesAMemberBeforeTheySubmit() {
        String committee = unit("COMMITTEE", null);
        String branch = unit("BRANCH", committee);
        rules(branch);
        String marker = "解析标记" + UUID.randomUUID();
        List<String> explanations = List.of(marker + "-单选", marker + "-多选", marker + "-判断");
        String singleId = question(single(committee, explanations.get(0)));
        String multipleId = question(multiple(branch, explanations.get(1)));
        String trueFalseId = question(trueFalse(branch, explanations.get(2)));
        Map<String, Object> body = quizBody(branch, List.of(singleId, multipleId, trueFalseId));
        body.remove("unitId");
        body.put("materialId", material(branch));
        String quiz = quiz(body);
        Member member = member(branch);

        List<Response> seen = new ArrayList<>();
        seen.add(ok(member.api().get("/v1/quizzes"), 200));
        seen.add(ok(member.api().get("/v1/quizzes/" + quiz), 200));
        seen.add(ok(member.api().header("If-None-Match", "\"0\"").get("/v1/quizzes/" + quiz), 304));
        String key = UUID.randomUUID().toString();
        Response started = ok(member.api().header("Idempotency-Key", key).post("/v1/quizzes/" + quiz + "/attempts"), 201);
        seen.add(started);
        seen.add(ok(member.api().header("Idempotency-Key", key).post("/v1/quizzes/" + quiz + "/attempts"), 201));
        String attempt = started.path("id");
        seen.add(ok(member.api().get("/v1/quiz-attempts/" + attempt), 200));
        seen.add(ok(member.api().header("If-None-Match", "\"0\"").get("/v1/quiz-attempts/" + attempt), 304));
        seen.add(ok(member.api().get("/v1/quiz-attempts"), 200));
        seen.add(ok(member.api().queryParam("quizId", quiz).get("/v1/quiz-attempts"), 200));
        seen.add(ok(member.api().queryParam("personId", member.personId()).get("/v1/quiz-attempts"), 200));
        seen.add(ok(member.api().get("/v1/quiz-questions/" + singleId), 404));
        seen.add(ok(member.api().get("/v1/quiz-questions/" + multipleId), 403));
        seen.add(ok(member.api().queryParam("unitId", branch).get("/v1/quiz-questions"), 403));
        seen.add(ok(member.api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(answers(singleId, List.of("A", "B"))).post("/v1/quiz-attempts/" + attempt + "/submission"), 400));
        seen.add(ok(member.api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(answers(UUID.randomUUID().toString(), List.of("A")))
                .post("/v1/quiz-attempts/" + attempt + "/submission"), 400));
        seen.add(ok(member.api().queryParam("personId", member.personId()).get("/v1/points/entries"), 200));
        assertEquals(List.of(), seen.get(seen.size() - 1).path("items"), "nothing credited before submitting");
        for (Response response : seen) {
            String text = everything(response);
            for (String explanation : explanations) {
                assertFalse(text.contains(explanation), "an explanation leaked: " + text);
            }
            assertFalse(ANSWER_FIELD.matcher(text).find(), "an answer field leaked: " + text);
        }
        assertEquals(3, started.<List<?>>path("questions").size(), "the questions themselves are shown");

        Response submitted = ok(member.api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(answers(singleId, List.of("B"))).post("/v1/quiz-attempts/" + attempt + "/submission"), 200);
        Response read = ok(member.api().get("/v1/quiz-attempts/" + attempt), 200);
        for (Response response : List.of(submitted, read)) {
            String text = everything(response);
            explanations.forEach(explanation -> assertTrue(text.contains(explanation), text));
            assertTrue(text.contains("\"correctKeys\""), text);
            assertEquals(List.of(List.of("B"), List.of("A", "C", "D"), List.of("B")),
                    response.path("result.answers.correctKeys"));
        }
    }

    private static Response ok(Response response, int status) {
        return response.then().statusCode(status).extract().response();
    }

    /** Every header and the body, as text. */
    private static String everything(Response response) {
        StringBuilder text = new StringBuilder();
        for (Header header : response.getHeaders()) {
            text.append(header.getName()).append(": ").append(header.getValue()).append('\n');
        }
        return text.append(response.asString()).toString();
    }
}
