package cn.zhibu.study.quiz.contest;

import static cn.zhibu.study.quiz.contest.ContestFixtures.admin;
import static cn.zhibu.study.quiz.contest.ContestFixtures.answers;
import static cn.zhibu.study.quiz.contest.ContestFixtures.question;
import static cn.zhibu.study.quiz.contest.ContestFixtures.quiz;
import static cn.zhibu.study.quiz.contest.ContestFixtures.rules;
import static cn.zhibu.study.quiz.contest.ContestFixtures.started;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.study.StudyFixtures;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests really running in parallel: team members answering at once, and one quiz linked twice at once. */
@QuarkusTest
class ContestConcurrencyTest {

    @Inject
    TestClock clock;

    String branch;
    String group;

    @BeforeEach
    void tree() {
        clock.set(TestTime.now());
        String committee = OrgFixtures.unit("COMMITTEE", null);
        branch = OrgFixtures.unit("BRANCH", committee);
        group = OrgFixtures.unit("PARTY_GROUP", branch);
        rules(branch);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Runs every call at once and answers the responses in order. */
    static List<Response> together(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return call.call();
                }));
            }
            gate.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void membersOfOneTeamAnsweringAtOnceCountOnceEach() throws Exception {
        for (int round = 0; round < 3; round++) {
            String session = started(branch, clock.instant());
            String single = question(branch);
            String quiz = quiz(branch, List.of(single));
            ContestFixtures.link(admin(), session, quiz, "TEAMS").then().statusCode(201);
            List<Member> members = List.of(StudyFixtures.member(branch, group), StudyFixtures.member(branch, group));
            List<Callable<Response>> calls = new ArrayList<>();
            for (Member member : members) {
                String attempt = member.api().post("/v1/quizzes/" + quiz + "/attempts").then().statusCode(201)
                        .extract().path("id");
                // each submits twice at once as well: one attempt is scored once
                for (int i = 0; i < 2; i++) {
                    calls.add(() -> member.api().header("Idempotency-Key", UUID.randomUUID().toString())
                            .body(answers(single, List.of("B"))).post("/v1/quiz-attempts/" + attempt + "/submission"));
                }
            }
            together(calls).forEach(response -> response.then().statusCode(200));
            JsonPath results = admin().get("/v1/party-days/" + session + "/contest/results").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(2, results.getList("people").size());
            assertEquals(List.of(1, 1), results.getList("people.score"));
            assertEquals(List.of(group), results.getList("teams.unitId"));
            assertEquals(List.of(2), results.getList("teams.answered"));
            assertEquals(List.of(2), results.getList("teams.totalScore"));
            for (Member member : members) {
                assertEquals(1, Sql.count("select count(*) from ledger_entry where person_id = ?1 and activity_type "
                        + "= 'QUIZ'", member.personId()));
            }
        }
    }

    @Test
    void oneQuizLinkedToTwoSessionsAtOnceBecomesTheContestOfOne() throws Exception {
        for (int round = 0; round < 3; round++) {
            String quiz = quiz(branch);
            List<String> sessions = List.of(started(branch, clock.instant()), started(branch, clock.instant()));
            List<Callable<Response>> calls = new ArrayList<>();
            for (String session : sessions) {
                calls.add(() -> admin().body(Map.of("quizId", quiz, "mode", "TEAMS"))
                        .post("/v1/party-days/" + session + "/contest"));
            }
            List<Integer> statuses = together(calls).stream().map(Response::statusCode).sorted().toList();
            assertEquals(List.of(201, 409), statuses);
            assertEquals(1, Sql.count("select count(*) from quiz_contest where quiz_id = ?1", quiz));
        }
    }
}
