package cn.zhibu.study.quiz;

import static cn.zhibu.study.quiz.QuizFixtures.admin;
import static cn.zhibu.testing.Sql.count;
import static cn.zhibu.study.quiz.QuizFixtures.keyed;
import static cn.zhibu.study.quiz.QuizFixtures.multiple;
import static cn.zhibu.study.quiz.QuizFixtures.options;
import static cn.zhibu.study.quiz.QuizFixtures.question;
import static cn.zhibu.study.quiz.QuizFixtures.single;
import static cn.zhibu.study.quiz.QuizFixtures.trueFalse;
import static cn.zhibu.testing.OrgFixtures.unit;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The question bank over HTTP: writing questions, strict checks, who reads which bank. */
@QuarkusTest
class QuestionBankApiTest {

    String committee;
    String branch;
    String group;
    String otherBranch;

    @BeforeEach
    void tree() {
        committee = unit("COMMITTEE", null);
        branch = unit("BRANCH", committee);
        group = unit("PARTY_GROUP", branch);
        otherBranch = unit("BRANCH", committee);
    }

    RequestSpecification secretary() {
        return Api.as("bank-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    @Test
    void aSecretaryWritesChangesAndRetiresQuestions() {
        Map<String, Object> body = single(branch, "党章总纲：全心全意为人民服务是党的根本宗旨。");
        String key = UUID.randomUUID().toString();
        var created = secretary().header("Idempotency-Key", key).body(body).post("/v1/quiz-questions").then()
                .statusCode(201).header("ETag", "\"0\"").body("unitId", equalTo(branch))
                .body("kind", equalTo("SINGLE_CHOICE")).body("options.key", equalTo(List.of("A", "B", "C", "D")))
                .body("options[1].text", equalTo("全心全意为人民服务")).body("correctKeys", equalTo(List.of("B")))
                .body("retiredAt", nullValue()).extract();
        String id = created.path("id");
        assertEquals("/v1/quiz-questions/" + id, java.net.URI.create(created.header("Location")).getPath());
        secretary().header("Idempotency-Key", key).body(body).post("/v1/quiz-questions").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertEquals(1, count("select count(*) from quiz_question where org_unit_id = ?", branch));
        assertEquals(1, count("select count(*) from quiz_question where id = ? and correct_keys = 'B' "
                + "and cardinality(options) = 4", id));

        // multiple choice keys are kept in order; true-or-false has its fixed options
        keyed(secretary()).body(multiple(branch, null)).post("/v1/quiz-questions").then().statusCode(201)
                .body("correctKeys", equalTo(List.of("A", "C", "D"))).body("explanation", nullValue());
        keyed(secretary()).body(trueFalse(branch, "党小组会一般每月召开1次。")).post("/v1/quiz-questions").then()
                .statusCode(201).body("options.text", equalTo(List.of("正确", "错误")))
                .body("correctKeys", equalTo(List.of("B")));

        secretary().get("/v1/quiz-questions/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("text", equalTo(body.get("text")));
        secretary().header("If-None-Match", "\"0\"").get("/v1/quiz-questions/" + id).then().statusCode(304);

        Map<String, Object> change = new HashMap<>(body);
        change.remove("unitId");
        change.put("kind", "MULTIPLE_CHOICE");
        change.put("correctKeys", List.of("B", "C"));
        problem(secretary().body(change).put("/v1/quiz-questions/" + id).then(), 428, "PRECONDITION_REQUIRED");
        secretary().header("If-Match", "\"0\"").body(change).put("/v1/quiz-questions/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("kind", equalTo("MULTIPLE_CHOICE"))
                .body("correctKeys", equalTo(List.of("B", "C")));
        problem(secretary().header("If-Match", "\"0\"").body(change).put("/v1/quiz-questions/" + id).then(), 412,
                "PRECONDITION_FAILED");
        Map<String, Object> moved = new HashMap<>(change);
        moved.put("unitId", otherBranch);
        problem(secretary().header("If-Match", "\"1\"").body(moved).put("/v1/quiz-questions/" + id).then(), 400,
                "VALIDATION_FAILED").body("errors[0].code", equalTo("UNKNOWN_FIELD"));

        secretary().header("If-Match", "\"1\"").post("/v1/quiz-questions/" + id + "/retire").then().statusCode(200)
                .header("ETag", "\"2\"").body("retiredAt", notNullValue());
        secretary().header("If-Match", "\"2\"").post("/v1/quiz-questions/" + id + "/retire").then().statusCode(200)
                .header("ETag", "\"2\"");
        problem(secretary().header("If-Match", "\"2\"").body(change).put("/v1/quiz-questions/" + id).then(), 409,
                "QUESTION_RETIRED");
        assertEquals(1, count("select count(*) from quiz_question where id = ? and retired_at is not null "
                + "and correct_keys = 'BC'", id));
    }

    @Test
    void badQuestionsAreRefusedAndNothingIsStored() {
        List<Map<String, Object>> invalid = new ArrayList<>();
        invalid.add(with(single(branch, null), "text", " "));
        invalid.add(with(single(branch, null), "text", "题".repeat(501)));
        invalid.add(with(single(branch, null), "text", "题目\u0007"));
        invalid.add(with(single(branch, null), "explanation", "解".repeat(1001)));
        invalid.add(with(single(branch, null), "options", options("一", "二", "三", "四", "五", "六", "七")));
        invalid.add(with(single(branch, null), "options", options("一", "项".repeat(201))));
        invalid.add(with(single(branch, null), "options", List.of(Map.of("key", "a", "text", "一"),
                Map.of("key", "b", "text", "二"))));
        invalid.add(with(single(branch, null), "correctKeys", List.of()));
        invalid.add(with(single(branch, null), "correctKeys", List.of("G")));
        invalid.add(with(single(branch, null), "kind", "ESSAY"));
        invalid.add(with(single(branch, null), "points", 5));
        Map<String, Object> noKeys = single(branch, null);
        noKeys.remove("correctKeys");
        invalid.add(noKeys);
        for (Map<String, Object> body : invalid) {
            problem(keyed(secretary()).body(body).post("/v1/quiz-questions").then(), 400, "VALIDATION_FAILED");
        }
        List<Map<String, Object>> badOptions = List.of(
                with(single(branch, null), "options", options("唯一")),
                with(single(branch, null), "options", List.of()),
                with(trueFalse(branch, null), "options", options("对", "错")),
                with(single(branch, null), "options", List.of(Map.of("key", "A", "text", "一"),
                        Map.of("key", "C", "text", "二"))),
                with(single(branch, null), "options", List.of(Map.of("key", "B", "text", "一"),
                        Map.of("key", "A", "text", "二"))),
                with(single(branch, null), "options", options("相同", "相同", "不同")));
        for (Map<String, Object> body : badOptions) {
            problem(keyed(secretary()).body(body).post("/v1/quiz-questions").then(), 422, "QUESTION_OPTIONS_INVALID");
        }
        List<Map<String, Object>> badKeys = List.of(
                with(single(branch, null), "correctKeys", List.of("A", "B")),
                with(single(branch, null), "correctKeys", List.of("E")),
                with(multiple(branch, null), "correctKeys", List.of("A", "A")),
                with(multiple(branch, null), "correctKeys", List.of("A", "F")),
                with(trueFalse(branch, null), "correctKeys", List.of("C")),
                with(trueFalse(branch, null), "correctKeys", List.of("A", "B")));
        for (Map<String, Object> body : badKeys) {
            problem(keyed(secretary()).body(body).post("/v1/quiz-questions").then(), 422, "QUESTION_KEYS_INVALID");
        }
        assertEquals(0, count("select count(*) from quiz_question where org_unit_id = ?", branch));

        problem(keyed(admin()).body(single(UUID.randomUUID().toString(), null)).post("/v1/quiz-questions").then(), 422,
                "QUESTION_UNIT_NOT_FOUND");
        problem(keyed(secretary()).body(single(otherBranch, null)).post("/v1/quiz-questions").then(), 422,
                "QUESTION_UNIT_NOT_FOUND");
        admin().header("If-Match", "\"0\"").post("/v1/org-units/" + group + "/archive").then().statusCode(200);
        problem(keyed(secretary()).body(single(group, null)).post("/v1/quiz-questions").then(), 422,
                "QUESTION_UNIT_ARCHIVED");
        assertEquals(0, count("select count(*) from quiz_question where org_unit_id in (?, ?)", otherBranch, group));
    }

    @Test
    void aUnitsQuizzesDrawOnItsBankAndTheBanksAbove() {
        String above = question(single(committee, null));
        String own = question(single(branch, null));
        String below = question(single(group, null));
        String beside = question(single(otherBranch, null));
        List<String> listed = secretary().queryParam("unitId", branch).queryParam("limit", 100)
                .get("/v1/quiz-questions").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(own, above), listed, "newest first: the branch's own, then the committee's");
        List<String> forGroup = secretary().queryParam("unitId", group).get("/v1/quiz-questions").then()
                .statusCode(200).extract().path("items.id");
        assertEquals(List.of(below, own, above), forGroup);
        // one per page, with a cursor
        var first = secretary().queryParam("unitId", group).queryParam("limit", 2).get("/v1/quiz-questions").then()
                .statusCode(200).extract();
        List<String> rest = secretary().queryParam("unitId", group).queryParam("limit", 2)
                .queryParam("cursor", first.<String>path("nextCursor")).get("/v1/quiz-questions").then()
                .statusCode(200).body("nextCursor", nullValue()).extract().path("items.id");
        assertEquals(List.of(above), rest);

        // the branch secretary reads the committee's question its quizzes may use, but cannot change it
        secretary().get("/v1/quiz-questions/" + above).then().statusCode(200).body("correctKeys", equalTo(List.of("B")));
        problem(secretary().header("If-Match", "\"0\"").post("/v1/quiz-questions/" + above + "/retire").then(), 404,
                "NOT_FOUND");
        problem(secretary().get("/v1/quiz-questions/" + beside).then(), 404, "NOT_FOUND");
        // a member of the branch reads no bank
        RequestSpecification member = Api.as("bank-member", Roles.MEMBER, UUID.fromString(branch));
        problem(member.get("/v1/quiz-questions/" + own).then(), 403, "FORBIDDEN");
        problem(Api.as("bank-member", Roles.MEMBER, UUID.fromString(branch)).queryParam("unitId", branch)
                .get("/v1/quiz-questions").then(), 403, "FORBIDDEN");
        problem(secretary().get("/v1/quiz-questions").then(), 400, "INVALID_PARAMETER");
        assertTrue(listed.contains(own));
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }
}
