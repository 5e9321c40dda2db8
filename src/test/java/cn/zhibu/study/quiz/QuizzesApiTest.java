package cn.zhibu.study.quiz;

import static cn.zhibu.study.StudyFixtures.material;
import static cn.zhibu.study.StudyFixtures.materialBody;
import static cn.zhibu.study.StudyFixtures.member;
import static cn.zhibu.study.quiz.QuizFixtures.admin;
import static cn.zhibu.testing.Sql.count;
import static cn.zhibu.study.quiz.QuizFixtures.keyed;
import static cn.zhibu.study.quiz.QuizFixtures.question;
import static cn.zhibu.study.quiz.QuizFixtures.quiz;
import static cn.zhibu.study.quiz.QuizFixtures.quizBody;
import static cn.zhibu.study.quiz.QuizFixtures.single;
import static cn.zhibu.study.quiz.QuizFixtures.trueFalse;
import static cn.zhibu.study.quiz.QuestionBankApiTest.with;
import static cn.zhibu.testing.OrgFixtures.unit;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quizzes over HTTP: making them on a material or alone, their strict checks, who sees which, changes. */
@QuarkusTest
class QuizzesApiTest {

    String committee;
    String branch;
    String group;
    String otherBranch;
    String fromCommittee;
    String fromBranch;

    @BeforeEach
    void tree() {
        committee = unit("COMMITTEE", null);
        branch = unit("BRANCH", committee);
        group = unit("PARTY_GROUP", branch);
        otherBranch = unit("BRANCH", committee);
        fromCommittee = question(single(committee, null));
        fromBranch = question(trueFalse(branch, null));
    }

    RequestSpecification secretary() {
        return Api.as("quiz-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    @Test
    void aSecretaryMakesQuizzesAloneAndOnAMaterial() {
        Map<String, Object> body = quizBody(branch, List.of(fromBranch, fromCommittee));
        body.put("passScore", 2);
        body.put("publishFrom", "2026-01-01T08:00:00+08:00");
        String key = UUID.randomUUID().toString();
        var created = secretary().header("Idempotency-Key", key).body(body).post("/v1/quizzes").then().statusCode(201)
                .header("ETag", "\"0\"").body("unitId", equalTo(branch)).body("materialId", nullValue())
                .body("questionIds", equalTo(List.of(fromBranch, fromCommittee))).body("questionCount", equalTo(2))
                .body("passScore", equalTo(2)).body("timeLimitSeconds", equalTo(300))
                .body("publishFrom", equalTo("2026-01-01T00:00:00Z")).body("withdrawnAt", nullValue()).extract();
        String id = created.path("id");
        assertEquals("/v1/quizzes/" + id, java.net.URI.create(created.header("Location")).getPath());
        secretary().header("Idempotency-Key", key).body(body).post("/v1/quizzes").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertEquals(1, count("select count(*) from quiz where org_unit_id = ?", branch));

        // on a material: the audience is the material's unit, the window the material's
        String material = material(branch);
        Map<String, Object> on = quizBody(branch, List.of(fromCommittee));
        on.remove("unitId");
        on.put("materialId", material);
        keyed(secretary()).body(on).post("/v1/quizzes").then().statusCode(201).body("unitId", equalTo(branch))
                .body("materialId", equalTo(material)).body("publishFrom", nullValue()).body("passScore", nullValue());

        // a group's quiz may use the banks of the branch and the committee
        keyed(secretary()).body(quizBody(group, List.of(fromCommittee, fromBranch))).post("/v1/quizzes").then()
                .statusCode(201).body("unitId", equalTo(group));
        List<String> listed = secretary().queryParam("unitId", branch).get("/v1/quizzes").then().statusCode(200)
                .extract().path("items.unitId");
        assertEquals(List.of(group, branch, branch), listed, "the branch's subtree, newest first");
    }

    @Test
    void badQuizzesAreRefusedAndNothingIsStored() {
        List<Map<String, Object>> invalid = new ArrayList<>();
        invalid.add(with(quizBody(branch, List.of(fromBranch)), "title", " "));
        invalid.add(with(quizBody(branch, List.of(fromBranch)), "timeLimitSeconds", 29));
        invalid.add(with(quizBody(branch, List.of(fromBranch)), "timeLimitSeconds", 7201));
        invalid.add(with(quizBody(branch, List.of(fromBranch)), "passScore", 0));
        invalid.add(quizBody(branch, List.of()));
        invalid.add(quizBody(branch, Collections.nCopies(51, fromBranch)));
        invalid.add(with(quizBody(branch, List.of(fromBranch)), "questionIds", List.of("not-a-uuid")));
        invalid.add(with(quizBody(branch, List.of(fromBranch)), "points", 3));
        Map<String, Object> noLimit = quizBody(branch, List.of(fromBranch));
        noLimit.remove("timeLimitSeconds");
        invalid.add(noLimit);
        for (Map<String, Object> body : invalid) {
            problem(keyed(secretary()).body(body).post("/v1/quizzes").then(), 400, "VALIDATION_FAILED");
        }
        String material = material(branch);
        Map<String, Object> both = with(quizBody(branch, List.of(fromBranch)), "materialId", material);
        Map<String, Object> neither = quizBody(branch, List.of(fromBranch));
        neither.remove("unitId");
        Map<String, Object> windowed = with(with(quizBody(branch, List.of(fromBranch)), "materialId", material),
                "publishUntil", "2099-01-01T00:00:00Z");
        windowed.remove("unitId");
        for (Map<String, Object> body : List.of(both, neither, windowed)) {
            problem(keyed(secretary()).body(body).post("/v1/quizzes").then(), 422, "QUIZ_AUDIENCE_INVALID");
        }
        String below = question(single(group, null));
        String beside = question(single(otherBranch, null));
        for (String question : List.of(below, beside, UUID.randomUUID().toString())) {
            problem(keyed(secretary()).body(quizBody(branch, List.of(fromBranch, question))).post("/v1/quizzes").then(),
                    422, "QUIZ_QUESTION_NOT_IN_BANK").body("detail", org.hamcrest.Matchers.containsString(question));
        }
        problem(keyed(secretary()).body(quizBody(branch, List.of(fromBranch, fromCommittee, fromBranch)))
                .post("/v1/quizzes").then(), 422, "QUIZ_QUESTION_REPEATED");
        String retired = question(single(branch, null));
        admin().header("If-Match", "\"0\"").post("/v1/quiz-questions/" + retired + "/retire").then().statusCode(200);
        problem(keyed(secretary()).body(quizBody(branch, List.of(retired))).post("/v1/quizzes").then(), 422,
                "QUIZ_QUESTION_RETIRED");
        problem(keyed(secretary()).body(with(quizBody(branch, List.of(fromBranch, fromCommittee)), "passScore", 3))
                .post("/v1/quizzes").then(), 422, "QUIZ_PASS_SCORE_TOO_HIGH");
        Map<String, Object> backwards = quizBody(branch, List.of(fromBranch));
        backwards.put("publishFrom", "2026-12-01T00:00:00+08:00");
        backwards.put("publishUntil", "2026-12-01T00:00:00+08:00");
        problem(keyed(secretary()).body(backwards).post("/v1/quizzes").then(), 422, "QUIZ_DATES_INCONSISTENT");
        assertEquals(0, count("select count(*) from quiz where org_unit_id = ?", branch));

        Map<String, Object> onUnknown = quizBody(branch, List.of(fromBranch));
        onUnknown.remove("unitId");
        onUnknown.put("materialId", UUID.randomUUID().toString());
        problem(keyed(secretary()).body(onUnknown).post("/v1/quizzes").then(), 422, "QUIZ_MATERIAL_NOT_FOUND");
        Map<String, Object> onOther = with(new HashMap<>(onUnknown), "materialId", material(otherBranch));
        problem(keyed(secretary()).body(onOther).post("/v1/quizzes").then(), 422, "QUIZ_MATERIAL_NOT_FOUND");
        admin().header("If-Match", "\"0\"").post("/v1/study-materials/" + material + "/withdraw").then().statusCode(200);
        problem(keyed(secretary()).body(with(new HashMap<>(onUnknown), "materialId", material)).post("/v1/quizzes")
                .then(), 422, "QUIZ_MATERIAL_WITHDRAWN");
        problem(keyed(admin()).body(quizBody(UUID.randomUUID().toString(), List.of(fromBranch))).post("/v1/quizzes")
                .then(), 422, "QUIZ_UNIT_NOT_FOUND");
        problem(keyed(secretary()).body(quizBody(otherBranch, List.of(fromCommittee))).post("/v1/quizzes").then(), 422,
                "QUIZ_UNIT_NOT_FOUND");
        admin().header("If-Match", "\"0\"").post("/v1/org-units/" + group + "/archive").then().statusCode(200);
        problem(keyed(secretary()).body(quizBody(group, List.of(fromBranch))).post("/v1/quizzes").then(), 422,
                "QUIZ_UNIT_ARCHIVED");
        assertEquals(0, count("select count(*) from quiz where org_unit_id in (?, ?, ?)", branch, group, otherBranch));
        problem(Api.as("quiz-member", Roles.MEMBER, UUID.fromString(branch)).header("Idempotency-Key", "k-" + branch)
                .body(quizBody(branch, List.of(fromBranch))).post("/v1/quizzes").then(), 403, "FORBIDDEN");
    }

    @Test
    void membersSeeTheQuizzesOpenToThem() {
        Member inGroup = member(branch, group);
        Member elsewhere = member(otherBranch);
        String open = quiz(quizBody(branch, List.of(fromBranch)));
        Map<String, Object> later = quizBody(branch, List.of(fromBranch));
        later.put("publishFrom", TestTime.now().plusSeconds(3600).toString());
        String notYet = quiz(later);
        Map<String, Object> past = quizBody(branch, List.of(fromBranch));
        past.put("publishFrom", "2026-01-01T00:00:00Z");
        past.put("publishUntil", "2026-02-01T00:00:00Z");
        String closed = quiz(past);
        String withdrawn = quiz(quizBody(branch, List.of(fromBranch)));
        admin().header("If-Match", "\"0\"").post("/v1/quizzes/" + withdrawn + "/withdraw").then().statusCode(200)
                .body("withdrawnAt", notNullValue());
        String material = material(branch);
        Map<String, Object> on = quizBody(branch, List.of(fromBranch));
        on.remove("unitId");
        on.put("materialId", material);
        String onMaterial = quiz(on);
        String forOthers = quiz(quizBody(otherBranch, List.of(fromCommittee)));

        List<String> mine = inGroup.api().get("/v1/quizzes").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(onMaterial, open), mine);
        assertEquals(List.of(forOthers), elsewhere.api().get("/v1/quizzes").then().statusCode(200)
                .extract().path("items.id"));
        List<String> none = Api.as("quiz-secretary", Roles.SECRETARY, UUID.fromString(branch)).get("/v1/quizzes")
                .then().statusCode(200).extract().path("items");
        assertTrue(none.isEmpty(), "a secretary's account is not a person: nothing to take");

        inGroup.api().get("/v1/quizzes/" + open).then().statusCode(200).header("ETag", "\"0\"")
                .body("questionIds", equalTo(List.of(fromBranch)));
        inGroup.api().get("/v1/quizzes/" + closed).then().statusCode(200);
        for (String hidden : List.of(notYet, withdrawn)) {
            problem(inGroup.api().get("/v1/quizzes/" + hidden).then(), 404, "NOT_FOUND");
            secretary().get("/v1/quizzes/" + hidden).then().statusCode(200);
        }
        problem(elsewhere.api().get("/v1/quizzes/" + open).then(), 404, "NOT_FOUND");
        // roles reaching the unit read a published quiz too
        Api.as("quiz-leader", Roles.GROUP_LEADER, UUID.fromString(branch)).get("/v1/quizzes/" + open).then()
                .statusCode(200);

        // the quiz on a material closes with the material
        admin().header("If-Match", "\"0\"").post("/v1/study-materials/" + material + "/withdraw").then().statusCode(200);
        assertEquals(List.of(open), inGroup.api().get("/v1/quizzes").then().statusCode(200).extract().path("items.id"));
        problem(inGroup.api().get("/v1/quizzes/" + onMaterial).then(), 404, "NOT_FOUND");
        problem(Api.as("quiz-member", Roles.MEMBER, UUID.fromString(branch)).queryParam("unitId", branch)
                .get("/v1/quizzes").then(), 403, "FORBIDDEN");
        problem(inGroup.api().queryParam("unitId", "nope").get("/v1/quizzes").then(), 400, "INVALID_PARAMETER");
    }

    @Test
    void aSecretaryChangesAndWithdrawsAQuiz() {
        Map<String, Object> body = quizBody(branch, List.of(fromBranch, fromCommittee));
        String id = quiz(body);
        admin().header("If-Match", "\"0\"").post("/v1/quiz-questions/" + fromBranch + "/retire").then().statusCode(200);
        String fresh = question(single(branch, null));
        Map<String, Object> change = new HashMap<>(body);
        change.remove("unitId");
        change.put("title", "改后的测试");
        change.put("questionIds", List.of(fresh, fromBranch));
        change.put("timeLimitSeconds", 600);
        change.put("passScore", 2);
        change.put("publishFrom", "2026-01-01T00:00:00Z");
        problem(secretary().body(change).put("/v1/quizzes/" + id).then(), 428, "PRECONDITION_REQUIRED");
        // a question it holds stays though retired since
        secretary().header("If-Match", "\"0\"").body(change).put("/v1/quizzes/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("title", equalTo("改后的测试"))
                .body("questionIds", equalTo(List.of(fresh, fromBranch))).body("timeLimitSeconds", equalTo(600));
        problem(secretary().header("If-Match", "\"0\"").body(change).put("/v1/quizzes/" + id).then(), 412,
                "PRECONDITION_FAILED");
        Map<String, Object> noWindow = new HashMap<>(change);
        noWindow.remove("publishFrom");
        problem(secretary().header("If-Match", "\"1\"").body(noWindow).put("/v1/quizzes/" + id).then(), 422,
                "QUIZ_AUDIENCE_INVALID");
        String retiredElsewhere = question(single(branch, null));
        admin().header("If-Match", "\"0\"").post("/v1/quiz-questions/" + retiredElsewhere + "/retire").then()
                .statusCode(200);
        problem(secretary().header("If-Match", "\"1\"").body(with(new HashMap<>(change), "questionIds",
                List.of(retiredElsewhere))).put("/v1/quizzes/" + id).then(), 422, "QUIZ_QUESTION_RETIRED");

        Map<String, Object> on = quizBody(branch, List.of(fromCommittee));
        on.remove("unitId");
        on.put("materialId", material(materialBody(branch)));
        String onMaterial = quiz(on);
        problem(secretary().header("If-Match", "\"0\"").body(change).put("/v1/quizzes/" + onMaterial).then(), 422,
                "QUIZ_AUDIENCE_INVALID");

        secretary().header("If-Match", "\"1\"").post("/v1/quizzes/" + id + "/withdraw").then().statusCode(200)
                .header("ETag", "\"2\"").body("withdrawnAt", notNullValue());
        secretary().header("If-Match", "\"2\"").post("/v1/quizzes/" + id + "/withdraw").then().statusCode(200)
                .header("ETag", "\"2\"");
        problem(secretary().header("If-Match", "\"2\"").body(change).put("/v1/quizzes/" + id).then(), 409,
                "QUIZ_WITHDRAWN");
        assertEquals(1, count("select count(*) from quiz where id = ? and withdrawn_at is not null "
                + "and title = '改后的测试' and pass_score = 2", id));
    }
}
