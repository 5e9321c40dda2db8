package cn.zhibu.study.quiz;

import static cn.zhibu.study.StudyFixtures.material;
import static cn.zhibu.study.StudyFixtures.materialBody;
import static cn.zhibu.study.StudyFixtures.member;
import static cn.zhibu.study.quiz.QuizFixtures.ZONE;
import static cn.zhibu.study.quiz.QuizFixtures.admin;
import static cn.zhibu.study.quiz.QuizFixtures.answers;
import static cn.zhibu.testing.Sql.count;
import static cn.zhibu.study.quiz.QuizFixtures.keyed;
import static cn.zhibu.study.quiz.QuizFixtures.multiple;
import static cn.zhibu.study.quiz.QuizFixtures.question;
import static cn.zhibu.study.quiz.QuizFixtures.quiz;
import static cn.zhibu.study.quiz.QuizFixtures.quizBody;
import static cn.zhibu.study.quiz.QuizFixtures.rules;
import static cn.zhibu.study.quiz.QuizFixtures.single;
import static cn.zhibu.study.quiz.QuizFixtures.trueFalse;
import static cn.zhibu.testing.OrgFixtures.unit;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attempts over HTTP: starting, submitting once, scoring, the day's scored attempt and its points, practice,
 * late submissions (the clock is held still, so a test stays within one business day, and moved on purpose).
 */
@QuarkusTest
class QuizAttemptsApiTest {

    @Inject
    TestClock clock;

    String committee;
    String branch;
    String group;
    String singleId;
    String multipleId;
    String trueFalseId;

    @BeforeEach
    void tree() {
        clock.set(TestTime.now());
        committee = unit("COMMITTEE", null);
        branch = unit("BRANCH", committee);
        group = unit("PARTY_GROUP", branch);
        rules(branch);
        singleId = question(single(committee, "根本宗旨的解析"));
        multipleId = question(multiple(branch, "四个意识的解析"));
        trueFalseId = question(trueFalse(branch, "党小组会的解析"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String quizOf(String unit, Integer passScore, int seconds) {
        Map<String, Object> body = quizBody(unit, List.of(singleId, multipleId, trueFalseId));
        body.put("passScore", passScore);
        body.put("timeLimitSeconds", seconds);
        return quiz(body);
    }

    static ExtractableResponse<Response> start(Member member, String quiz) {
        return member.api().post("/v1/quizzes/" + quiz + "/attempts").then().statusCode(201).extract();
    }

    static ExtractableResponse<Response> submit(Member member, String attempt, Map<String, Object> answers) {
        return keyed(member.api()).body(answers).post("/v1/quiz-attempts/" + attempt + "/submission").then()
                .statusCode(200).extract();
    }

    Map<String, Object> allRight() {
        return answers(singleId, List.of("B"), multipleId, List.of("D", "A", "C"), trueFalseId, List.of("B"));
    }

    String source(String quiz) {
        return quiz + ":" + clock.instant().atZone(ZONE).toLocalDate();
    }

    @Test
    void theFirstSubmissionOfTheDayEarnsAndLaterOnesArePractice() {
        Member member = member(branch, group);
        String quiz = quizOf(branch, null, 300);
        var started = start(member, quiz);
        String attempt = started.path("id");
        assertEquals("/v1/quiz-attempts/" + attempt, java.net.URI.create(started.header("Location")).getPath());
        assertEquals("\"0\"", started.header("ETag"));
        Instant startedAt = Instant.parse(started.path("startedAt"));
        assertEquals(startedAt.plusSeconds(300), Instant.parse(started.path("deadline")));
        assertEquals(List.of(1, 2, 3), started.path("questions.position"));
        assertEquals(List.of(singleId, multipleId, trueFalseId), started.path("questions.questionId"));
        assertEquals(List.of("A", "B", "C", "D"), started.path("questions[0].options.key"));
        assertEquals(List.of("正确", "错误"), started.path("questions[2].options.text"));
        assertEquals("IN_PROGRESS", started.path("state"));
        assertEquals(member.personId(), started.path("personId"));
        assertNull(started.path("result"));

        String key = UUID.randomUUID().toString();
        var result = member.api().header("Idempotency-Key", key).body(allRight())
                .post("/v1/quiz-attempts/" + attempt + "/submission").then().statusCode(200)
                .header("Idempotent-Replayed", "false").header("ETag", "\"1\"").body("state", equalTo("SUBMITTED"))
                .body("result.score", equalTo(3)).body("result.total", equalTo(3)).body("result.late", equalTo(false))
                .body("result.practice", equalTo(false)).body("result.passed", equalTo(true))
                .body("result.points", equalTo(4)).body("result.answers.correct", equalTo(List.of(true, true, true)))
                .body("result.answers[1].correctKeys", equalTo(List.of("A", "C", "D")))
                .body("result.answers[1].chosenKeys", equalTo(List.of("A", "C", "D")))
                .body("result.answers.explanation", equalTo(List.of("根本宗旨的解析", "四个意识的解析", "党小组会的解析")))
                .extract();
        String pointsEntry = result.path("result.pointsEntryId");
        String fullMarksEntry = result.path("result.fullMarksEntryId");
        assertEquals(1, count("select count(*) from ledger_entry where id = ? and activity_type = 'QUIZ' and points = 3 "
                + "and source_type = 'QUIZ' and source_id = ?", pointsEntry, source(quiz)));
        assertEquals(1, count("select count(*) from ledger_entry where id = ? and activity_type = 'QUIZ_FULL_MARKS' "
                + "and points = 1 and source_id = ?", fullMarksEntry, source(quiz)));
        assertEquals(1, count("select count(*) from quiz_attempt where id = ? and points_entry_id = ? and score = 3 "
                + "and not practice", attempt, pointsEntry));

        // submitting again, with another key and other answers, answers the stored result
        submit(member, attempt, answers(singleId, List.of("A"))).response().then().body("result.score", equalTo(3))
                .body("result.pointsEntryId", equalTo(pointsEntry)).body("result.answers[0].chosenKeys",
                        equalTo(List.of("B")));
        member.api().header("Idempotency-Key", key).body(allRight()).post("/v1/quiz-attempts/" + attempt + "/submission")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("result.score", equalTo(3));

        // a second attempt the same day is practice
        clock.advance(Duration.ofSeconds(1));
        String second = start(member, quiz).path("id");
        submit(member, second, allRight()).response().then().body("result.score", equalTo(3))
                .body("result.practice", equalTo(true)).body("result.passed", equalTo(true))
                .body("result.points", equalTo(0)).body("result.pointsEntryId", nullValue())
                .body("result.fullMarksEntryId", nullValue());
        assertEquals(2, count("select count(*) from ledger_entry where person_id = ?", member.personId()));

        member.api().queryParam("quizId", quiz).get("/v1/quiz-attempts").then().statusCode(200)
                .body("items.id", equalTo(List.of(second, attempt)))
                .body("items.practice", equalTo(List.of(true, false))).body("items.points", equalTo(List.of(0, 4)))
                .body("items.state", equalTo(List.of("SUBMITTED", "SUBMITTED")));
        member.api().get("/v1/quiz-attempts/" + attempt).then().statusCode(200).header("ETag", "\"1\"")
                .body("result.pointsEntryId", equalTo(pointsEntry));
        member.api().header("If-None-Match", "\"1\"").get("/v1/quiz-attempts/" + attempt).then().statusCode(304);
    }

    @Test
    void thePassScoreDecidesTheQuizPointsAndTheFirstSubmissionSpendsTheDay() {
        Member below = member(branch);
        String strict = quizOf(branch, 2, 300);
        String low = start(below, strict).path("id");
        submit(below, low, answers(singleId, List.of("B"), multipleId, List.of("A"), trueFalseId, List.of("A")))
                .response().then().body("result.score", equalTo(1)).body("result.passed", equalTo(false))
                .body("result.practice", equalTo(false)).body("result.points", equalTo(0))
                .body("result.pointsEntryId", nullValue()).body("result.answers.correct",
                        equalTo(List.of(true, false, false)));
        String better = start(below, strict).path("id");
        submit(below, better, allRight()).response().then().body("result.score", equalTo(3))
                .body("result.practice", equalTo(true)).body("result.points", equalTo(0));
        assertEquals(0, count("select count(*) from ledger_entry where person_id = ?", below.personId()));

        // without a pass score one right answer earns the QUIZ points, not the full marks
        Member one = member(branch);
        String lenient = quizOf(branch, null, 300);
        submit(one, start(one, lenient).path("id"), answers(trueFalseId, List.of("B"))).response().then()
                .body("result.score", equalTo(1)).body("result.passed", equalTo(true)).body("result.points", equalTo(3))
                .body("result.pointsEntryId", notNullValue()).body("result.fullMarksEntryId", nullValue())
                .body("result.answers.chosenKeys", equalTo(List.of(List.of(), List.of(), List.of("B"))));
        Member none = member(branch);
        submit(none, start(none, lenient).path("id"), answers()).response().then().body("result.score", equalTo(0))
                .body("result.passed", equalTo(false)).body("result.pointsEntryId", nullValue());
        assertEquals(0, count("select count(*) from ledger_entry where person_id = ?", none.personId()));

        // where the branch gives no quiz points the occurrence is recorded with none
        String bare = unit("BRANCH", committee);
        Member unruled = member(bare);
        String quiz = quiz(quizBody(bare, List.of(singleId)));
        String entry = submit(unruled, start(unruled, quiz).path("id"), answers(singleId, List.of("B")))
                .path("result.pointsEntryId");
        assertEquals(1, count("select count(*) from ledger_entry where id = ? and points = 0 and rule_id is null", entry));
    }

    @Test
    void aLateSubmissionScoresZeroAndSpendsTheDay() {
        String quiz = quizOf(branch, null, 30);
        Member onTime = member(branch);
        Member late = member(branch);
        String inGrace = start(onTime, quiz).path("id");
        String overdue = start(late, quiz).path("id");
        clock.advance(Duration.ofSeconds(40));
        submit(onTime, inGrace, allRight()).response().then().body("result.late", equalTo(false))
                .body("result.score", equalTo(3)).body("result.points", equalTo(4));
        clock.advance(Duration.ofSeconds(1));
        late.api().get("/v1/quiz-attempts/" + overdue).then().statusCode(200).body("state", equalTo("EXPIRED"))
                .body("result", nullValue());
        submit(late, overdue, allRight()).response().then().body("state", equalTo("SUBMITTED"))
                .body("result.late", equalTo(true)).body("result.score", equalTo(0))
                .body("result.passed", equalTo(false)).body("result.practice", equalTo(false))
                .body("result.points", equalTo(0)).body("result.pointsEntryId", nullValue())
                .body("result.answers.correct", equalTo(List.of(true, true, true)));
        String again = start(late, quiz).path("id");
        submit(late, again, allRight()).response().then().body("result.late", equalTo(false))
                .body("result.score", equalTo(3)).body("result.practice", equalTo(true))
                .body("result.points", equalTo(0));
        assertEquals(0, count("select count(*) from ledger_entry where person_id = ?", late.personId()));
        assertEquals(1, count("select count(*) from quiz_attempt where id = ? and late and score = 0 and not practice",
                overdue));
    }

    @Test
    void anAttemptKeepsItsQuestionsAsTheyWereWhenItStarted() {
        Member member = member(branch);
        String quiz = quizOf(branch, null, 300);
        var started = start(member, quiz);
        String attempt = started.path("id");
        Map<String, Object> change = single(committee, "改后的解析");
        change.remove("unitId");
        change.put("text", "改后的题目");
        change.put("correctKeys", List.of("C"));
        admin().header("If-Match", "\"0\"").body(change).put("/v1/quiz-questions/" + singleId).then().statusCode(200);
        admin().header("If-Match", "\"0\"").post("/v1/quiz-questions/" + trueFalseId + "/retire").then()
                .statusCode(200);
        member.api().get("/v1/quiz-attempts/" + attempt).then().statusCode(200)
                .body("questions[0].text", equalTo(started.path("questions[0].text")));
        submit(member, attempt, allRight()).response().then().body("result.score", equalTo(3))
                .body("result.answers[0].correctKeys", equalTo(List.of("B")))
                .body("result.answers[0].explanation", equalTo("根本宗旨的解析"));
        // a new attempt asks the question as it is now, the retired one included (the quiz still holds it)
        start(member, quiz).response().then().body("questions[0].text", equalTo("改后的题目"))
                .body("questions.questionId", equalTo(List.of(singleId, multipleId, trueFalseId)));
    }

    @Test
    void badSubmissionsAreRefusedAndLeaveTheAttemptOpen() {
        Member member = member(branch);
        String quiz = quizOf(branch, null, 300);
        String attempt = start(member, quiz).path("id");
        String path = "/v1/quiz-attempts/" + attempt + "/submission";
        String outside = question(single(branch, null));
        problem(keyed(member.api()).body(answers(singleId, List.of("B"), outside, List.of("A"))).post(path).then(), 400,
                "ANSWER_QUESTION_NOT_IN_ATTEMPT");
        problem(keyed(member.api()).body(answers(UUID.randomUUID().toString(), List.of("A"))).post(path).then(), 400,
                "ANSWER_QUESTION_NOT_IN_ATTEMPT");
        problem(keyed(member.api()).body(answers(singleId, List.of("B"), singleId, List.of("B"))).post(path).then(),
                400, "ANSWER_QUESTION_REPEATED");
        for (Map<String, Object> body : List.of(answers(singleId, List.of("A", "B")),
                answers(trueFalseId, List.of("C")), answers(multipleId, List.of("A", "A")),
                answers(singleId, List.of("E")))) {
            problem(keyed(member.api()).body(body).post(path).then(), 400, "ANSWER_KEYS_INVALID");
        }
        Map<String, Object> noKeys = new HashMap<>();
        noKeys.put("questionId", singleId);
        for (Object body : List.of(answers(singleId, List.of("G")), Map.of("answers", List.of(noKeys)), Map.of(),
                answers(multipleId, List.of("A", "B", "C", "D", "E", "F", "A")), Map.of("answers", List.of(),
                        "score", 3))) {
            problem(keyed(member.api()).body(body).post(path).then(), 400, "VALIDATION_FAILED");
        }
        problem(member.api().body(allRight()).post(path).then(), 400, "IDEMPOTENCY_KEY_REQUIRED");
        assertEquals(1, count("select count(*) from quiz_attempt where id = ? and submitted_at is null and version = 0",
                attempt));
        assertEquals(3, count("select count(*) from quiz_attempt_question where attempt_id = ? and chosen_keys is null",
                attempt));
        member.api().get("/v1/quiz-attempts/" + attempt).then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
        submit(member, attempt, allRight()).response().then().body("result.score", equalTo(3));
    }

    @Test
    void onlyAMembersOwnPersonTakesAndSubmitsTheirAttempts() {
        Member member = member(branch, group);
        Member neighbour = member(branch);
        Member stranger = member(unit("BRANCH", committee));
        String quiz = quizOf(branch, null, 300);
        var secretary = Api.as("attempt-secretary", Roles.SECRETARY, UUID.fromString(branch));
        problem(secretary.post("/v1/quizzes/" + quiz + "/attempts").then(), 403, "QUIZ_PERSON_REQUIRED");
        problem(stranger.api().post("/v1/quizzes/" + quiz + "/attempts").then(), 404, "NOT_FOUND");
        problem(member.api().post("/v1/quizzes/" + UUID.randomUUID() + "/attempts").then(), 404, "NOT_FOUND");

        String attempt = start(member, quiz).path("id");
        String path = "/v1/quiz-attempts/" + attempt;
        // a person signed in as themselves is a member of their branch: another's attempt there is seen, not theirs
        problem(keyed(neighbour.api()).body(allRight()).post(path + "/submission").then(), 403, "FORBIDDEN");
        problem(neighbour.api().get(path).then(), 403, "FORBIDDEN");
        problem(neighbour.api().queryParam("personId", member.personId()).get("/v1/quiz-attempts").then(), 403,
                "FORBIDDEN");
        problem(keyed(stranger.api()).body(allRight()).post(path + "/submission").then(), 404, "NOT_FOUND");
        problem(stranger.api().get(path).then(), 404, "NOT_FOUND");
        problem(keyed(Api.as("attempt-secretary", Roles.SECRETARY, UUID.fromString(branch))).body(allRight())
                .post(path + "/submission").then(), 403, "QUIZ_PERSON_REQUIRED");
        problem(Api.as("attempt-member", Roles.MEMBER, UUID.fromString(branch)).get(path).then(), 403, "FORBIDDEN");
        Api.as("attempt-secretary", Roles.SECRETARY, UUID.fromString(branch)).get(path).then().statusCode(200)
                .body("result", nullValue());
        Api.as("attempt-leader", Roles.GROUP_LEADER, UUID.fromString(branch)).queryParam("personId", member.personId())
                .get("/v1/quiz-attempts").then().statusCode(200).body("items.id", equalTo(List.of(attempt)));
        assertEquals(List.of(), neighbour.api().get("/v1/quiz-attempts").then().statusCode(200).extract()
                .path("items"));
        problem(member.api().get("/v1/quiz-attempts/" + UUID.randomUUID()).then(), 404, "NOT_FOUND");
        assertEquals(1, count("select count(*) from quiz_attempt where id = ? and submitted_at is null", attempt));

        // withdrawn, closed, or its material closed: no new attempt; one already started may still be submitted
        String withdrawn = quizOf(branch, null, 300);
        String early = start(member, withdrawn).path("id");
        admin().header("If-Match", "\"0\"").post("/v1/quizzes/" + withdrawn + "/withdraw").then().statusCode(200);
        problem(member.api().post("/v1/quizzes/" + withdrawn + "/attempts").then(), 404, "NOT_FOUND");
        submit(member, early, allRight()).response().then().body("result.score", equalTo(3));
        Map<String, Object> brief = quizBody(branch, List.of(singleId));
        brief.put("publishUntil", clock.instant().plusSeconds(60).toString());
        String closing = quiz(brief);
        Map<String, Object> shortMaterial = materialBody(branch);
        shortMaterial.put("publishUntil", clock.instant().plusSeconds(60).toString());
        Map<String, Object> on = quizBody(branch, List.of(singleId));
        on.remove("unitId");
        on.put("materialId", material(shortMaterial));
        String onMaterial = quiz(on);
        assertNotNull(start(member, onMaterial).path("id"));
        // not published yet, nor on a material not published yet: not found, and the title is not told
        Map<String, Object> future = quizBody(branch, List.of(singleId));
        future.put("publishFrom", clock.instant().plusSeconds(3600).toString());
        String notYet = quiz(future);
        Map<String, Object> futureMaterial = materialBody(branch);
        futureMaterial.put("publishFrom", clock.instant().plusSeconds(3600).toString());
        Map<String, Object> onFuture = quizBody(branch, List.of(singleId));
        onFuture.remove("unitId");
        onFuture.put("materialId", material(futureMaterial));
        String onNotYet = quiz(onFuture);
        for (String hidden : List.of(notYet, onNotYet)) {
            problem(member.api().post("/v1/quizzes/" + hidden + "/attempts").then(), 404, "NOT_FOUND")
                    .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                            (String) future.get("title"))));
        }
        clock.advance(Duration.ofMinutes(2));
        problem(member.api().post("/v1/quizzes/" + closing + "/attempts").then(), 422, "QUIZ_NOT_OPEN");
        problem(member.api().post("/v1/quizzes/" + onMaterial + "/attempts").then(), 422, "QUIZ_NOT_OPEN");
    }
}
