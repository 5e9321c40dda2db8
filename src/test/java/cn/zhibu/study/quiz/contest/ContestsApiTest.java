package cn.zhibu.study.quiz.contest;

import static cn.zhibu.study.quiz.contest.ContestFixtures.admin;
import static cn.zhibu.study.quiz.contest.ContestFixtures.answers;
import static cn.zhibu.study.quiz.contest.ContestFixtures.link;
import static cn.zhibu.study.quiz.contest.ContestFixtures.question;
import static cn.zhibu.study.quiz.contest.ContestFixtures.quiz;
import static cn.zhibu.study.quiz.contest.ContestFixtures.rules;
import static cn.zhibu.study.quiz.contest.ContestFixtures.session;
import static cn.zhibu.study.quiz.contest.ContestFixtures.started;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.study.StudyFixtures;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contests at sessions: linking a quiz, answering it during the session, and the result tables. */
@QuarkusTest
class ContestsApiTest {

    @Inject
    TestClock clock;

    String committee;
    String branch;
    String first;
    String second;

    @BeforeEach
    void tree() {
        clock.set(TestTime.now());
        committee = OrgFixtures.unit("COMMITTEE", null);
        branch = OrgFixtures.unit("BRANCH", committee);
        first = OrgFixtures.unit("PARTY_GROUP", "第一党小组", branch);
        second = OrgFixtures.unit("PARTY_GROUP", "第二党小组", branch);
        rules(branch);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Starts an attempt, lets this many seconds pass, and submits these keys for the two questions. */
    private JsonPath answer(Member member, String quiz, List<String> questions, int seconds, String... keys) {
        String attempt = member.api().post("/v1/quizzes/" + quiz + "/attempts").then().statusCode(201).extract()
                .path("id");
        clock.advance(Duration.ofSeconds(seconds));
        return member.api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(answers(questions.get(0), List.of(keys[0]), questions.get(1), List.of(keys[1])))
                .post("/v1/quiz-attempts/" + attempt + "/submission").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aTeamContestRanksPeopleAndPartyGroupsByTheMeanOfThoseWhoAnswered() {
        Instant now = clock.instant();
        String session = started(branch, now);
        List<String> questions = List.of(question(branch), question(branch));
        String quiz = quiz(branch, questions);
        JsonPath contest = link(admin(), session, quiz, "TEAMS").then().statusCode(201).header("Location",
                org.hamcrest.Matchers.endsWith("/v1/party-days/" + session + "/contest")).extract().jsonPath();
        assertEquals("TEAMS", contest.getString("mode"));
        assertEquals(quiz, contest.getString("quizId"));
        Instant start = now.minus(Duration.ofMinutes(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertEquals(start.minus(Duration.ofMinutes(10)), Instant.parse(contest.getString("opensAt")));
        assertEquals(start.plus(Duration.ofMinutes(130)), Instant.parse(contest.getString("closesAt")));
        // the quiz's own window follows the session's
        admin().get("/v1/quizzes/" + quiz).then().statusCode(200).body("publishUntil",
                equalTo(contest.getString("closesAt")));

        Member a1 = StudyFixtures.member(branch, first);
        Member a2 = StudyFixtures.member(branch, first);
        Member a3 = StudyFixtures.member(branch, first);
        Member b1 = StudyFixtures.member(branch, second);
        Member loner = StudyFixtures.member(branch);
        JsonPath scored = answer(a1, quiz, questions, 30, "B", "B");
        assertEquals(4, scored.getInt("result.points"), "QUIZ and QUIZ_FULL_MARKS, as for any quiz");
        answer(a2, quiz, questions, 50, "B", "A");
        answer(a3, quiz, questions, 60, "A", "A");
        answer(b1, quiz, questions, 20, "B", "B");
        answer(loner, quiz, questions, 40, "B", "B");
        // a second go counts neither in the table nor in the ledger
        JsonPath again = answer(a1, quiz, questions, 5, "A", "A");
        assertEquals(true, again.getBoolean("result.practice"));
        assertEquals(0, again.getInt("result.points"));
        assertEquals(1, Sql.count("select count(*) from ledger_entry where person_id = ?1 and activity_type = 'QUIZ'",
                a1.personId()));

        JsonPath results = b1.api().get("/v1/party-days/" + session + "/contest/results").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(b1.personId(), a1.personId(), loner.personId(), a2.personId(), a3.personId()),
                results.getList("people.personId"));
        assertEquals(List.of(1, 2, 3, 4, 5), results.getList("people.rank"));
        assertEquals(List.of(2, 2, 2, 1, 0), results.getList("people.score"));
        assertEquals(List.of(20, 30, 40, 50, 60), results.getList("people.secondsTaken"));
        assertEquals(second, results.getString("people[0].teamId"));
        assertEquals("第二党小组", results.getString("people[0].teamName"));
        assertEquals(null, results.getString("people[2].teamId"), "of no party group: per person only");
        assertEquals(1, results.getInt("unteamed"));
        assertEquals(2, results.getInt("questionCount"));
        // the small group wins on its mean although the big one has more points in all
        assertEquals(List.of(second, first), results.getList("teams.unitId"));
        assertEquals(List.of(1, 2), results.getList("teams.rank"));
        assertEquals(List.of(1, 3), results.getList("teams.members"));
        assertEquals(List.of(1, 3), results.getList("teams.answered"));
        assertEquals(List.of(2, 3), results.getList("teams.totalScore"));
        assertEquals(List.of(2.0f, 1.0f), results.getList("teams.meanScore"));
        assertEquals(List.of(20, 47), results.getList("teams.meanSeconds"));
        assertEquals(ContestViews.TEAM_RULE, results.getString("teamRule"));

        b1.api().get("/v1/party-days/" + session + "/contest").then().statusCode(200).body("quizTitle",
                equalTo("趣味竞答")).body("cancelled", equalTo(false));
    }

    @Test
    void peopleWhoAppearAnonymousOnBoardsAreShownWithoutNameAndAGroupWithoutAnswersIsNotRanked() {
        String session = started(branch, clock.instant());
        List<String> questions = List.of(question(branch), question(branch));
        String quiz = quiz(branch, questions);
        link(admin(), session, quiz, "TEAMS").then().statusCode(201);
        Member hidden = StudyFixtures.member(branch, first);
        Sql.execute("insert into leaderboard_preference (person_id, anonymous, updated_at) values (?1, true, now())",
                hidden.personId());
        answer(hidden, quiz, questions, 10, "B", "A");
        JsonPath results = admin().get("/v1/party-days/" + session + "/contest/results").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(true, results.getBoolean("people[0].anonymous"));
        assertEquals(null, results.getString("people[0].personId"));
        assertEquals(null, results.getString("people[0].name"));
        assertEquals(List.of(first, second), results.getList("teams.unitId"));
        assertEquals(java.util.Arrays.asList(1, null), results.getList("teams.rank"));
        assertEquals(java.util.Arrays.asList(1.0f, null), results.getList("teams.meanScore"));
    }

    @Test
    void anIndividualContestHasNoTeams() {
        String session = started(branch, clock.instant());
        List<String> questions = List.of(question(branch), question(branch));
        String quiz = quiz(branch, questions);
        link(admin(), session, quiz, "INDIVIDUAL").then().statusCode(201);
        Member member = StudyFixtures.member(branch, first);
        answer(member, quiz, questions, 10, "B", "B");
        admin().get("/v1/party-days/" + session + "/contest/results").then().statusCode(200)
                .body("mode", equalTo("INDIVIDUAL")).body("teams.size()", equalTo(0)).body("teamRule", nullValue())
                .body("unteamed", equalTo(0)).body("people[0].teamId", nullValue())
                .body("people[0].personId", equalTo(member.personId()));
    }

    @Test
    void aTeamContestWithoutTeamsIsRefusedAndNothingIsStored() {
        String lone = OrgFixtures.unit("BRANCH", committee);
        String session = started(lone, clock.instant());
        String quiz = quiz(lone);
        long version = admin().get("/v1/quizzes/" + quiz).then().statusCode(200).extract().jsonPath()
                .getLong("version");
        problem(link(admin(), session, quiz, "TEAMS").then(), 422, "CONTEST_NO_TEAMS");
        admin().get("/v1/party-days/" + session + "/contest").then().statusCode(404);
        admin().get("/v1/party-days/" + session + "/contest/results").then().statusCode(404);
        admin().get("/v1/quizzes/" + quiz).then().statusCode(200).body("version", equalTo((int) version));
        assertEquals(0, Sql.count("select count(*) from quiz_contest where quiz_id = ?1", quiz));
        // per person it may be held
        link(admin(), session, quiz, "INDIVIDUAL").then().statusCode(201);
    }

    @Test
    void linkingIsRefusedForTheWrongQuizOrSession() {
        Instant now = clock.instant();
        String session = started(branch, now);
        String quiz = quiz(branch);
        link(admin(), session, quiz, "TEAMS").then().statusCode(201);
        // one contest per quiz, and per session
        problem(link(admin(), started(branch, now), quiz, "TEAMS").then(), 409, "CONTEST_QUIZ_LINKED");
        problem(link(admin(), session, quiz(branch), "TEAMS").then(), 409, "CONTEST_EXISTS");
        // sessions: cancelled, over, of a kind without contests, unknown
        problem(link(admin(), session(branch, "THEMED_PARTY_DAY", now.plus(Duration.ofDays(1)), "CANCELLED"),
                quiz(branch), "TEAMS").then(), 409, "CONTEST_SESSION_CANCELLED");
        problem(link(admin(), session(branch, "THEMED_PARTY_DAY", now.minus(Duration.ofDays(1)), "HELD"),
                quiz(branch), "TEAMS").then(), 409, "CONTEST_SESSION_OVER");
        problem(link(admin(), session(branch, "BRANCH_COMMITTEE", now, "CONFIRMED"), quiz(branch), "TEAMS").then(),
                422, "CONTEST_KIND_NOT_ALLOWED");
        problem(link(admin(), UUID.randomUUID().toString(), quiz(branch), "TEAMS").then(), 404, "NOT_FOUND");
        // quizzes: unknown, of another unit, on a study material, withdrawn
        String fresh = started(branch, now);
        problem(link(admin(), fresh, UUID.randomUUID().toString(), "TEAMS").then(), 422, "CONTEST_QUIZ_NOT_FOUND");
        problem(link(admin(), fresh, quiz(committee), "TEAMS").then(), 422, "CONTEST_QUIZ_AUDIENCE");
        String material = StudyFixtures.material(branch);
        String onMaterial = admin().header("Idempotency-Key", UUID.randomUUID().toString()).body(java.util.Map.of(
                "title", "资料测试", "materialId", material, "questionIds", List.of(question(branch)),
                "timeLimitSeconds", 300)).post("/v1/quizzes").then().statusCode(201).extract().path("id");
        problem(link(admin(), fresh, onMaterial, "TEAMS").then(), 422, "CONTEST_QUIZ_ON_MATERIAL");
        String withdrawn = quiz(branch);
        admin().header("If-Match", "\"0\"").post("/v1/quizzes/" + withdrawn + "/withdraw").then().statusCode(200);
        problem(link(admin(), fresh, withdrawn, "TEAMS").then(), 409, "CONTEST_QUIZ_WITHDRAWN");
        // malformed
        admin().body(java.util.Map.of("quizId", quiz(branch))).post("/v1/party-days/" + fresh + "/contest").then()
                .statusCode(400);
        admin().get("/v1/party-days/" + fresh + "/contest").then().statusCode(404);
        assertEquals(1, Sql.count("select count(*) from quiz_contest where branch_id = ?1", branch));
    }

    @Test
    void theQuizIsAnsweredOnlyDuringTheSession() {
        Instant now = clock.instant();
        String session = session(branch, "THEMED_PARTY_DAY", now.plus(Duration.ofHours(2)), "CONFIRMED");
        String quiz = quiz(branch);
        link(admin(), session, quiz, "TEAMS").then().statusCode(201);
        Member member = StudyFixtures.member(branch, first);
        // before the margin ahead of the start it is not shown yet
        member.api().post("/v1/quizzes/" + quiz + "/attempts").then().statusCode(404);
        clock.advance(Duration.ofMinutes(111));
        member.api().post("/v1/quizzes/" + quiz + "/attempts").then().statusCode(201);
        // after the margin behind the end it is closed
        clock.advance(Duration.ofMinutes(9 + 120 + 10));
        problem(member.api().post("/v1/quizzes/" + quiz + "/attempts").then(), 422, "QUIZ_NOT_OPEN");
        member.api().get("/v1/quizzes/" + quiz).then().statusCode(200);

        // a cancelled session closes its contest
        String other = started(branch, clock.instant());
        String second = quiz(branch);
        link(admin(), other, second, "INDIVIDUAL").then().statusCode(201);
        Sql.execute("update party_day set state = 'CANCELLED' where id = ?1", other);
        problem(member.api().post("/v1/quizzes/" + second + "/attempts").then(), 422, "QUIZ_NOT_OPEN");
        admin().get("/v1/party-days/" + other + "/contest").then().statusCode(200).body("cancelled", equalTo(true));
    }
}
