package cn.zhibu.study.quiz;

import static cn.zhibu.study.StudyFixtures.member;
import static cn.zhibu.study.quiz.QuizFixtures.answers;
import static cn.zhibu.testing.Sql.count;
import static cn.zhibu.study.quiz.QuizFixtures.multiple;
import static cn.zhibu.study.quiz.QuizFixtures.question;
import static cn.zhibu.study.quiz.QuizFixtures.quiz;
import static cn.zhibu.study.quiz.QuizFixtures.quizBody;
import static cn.zhibu.study.quiz.QuizFixtures.rules;
import static cn.zhibu.study.quiz.QuizFixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Submissions really running in parallel: one attempt is scored once, and one attempt a day earns. */
@QuarkusTest
class QuizConcurrencyTest {

    @Inject
    TestClock clock;

    String branch;
    String singleId;
    String multipleId;

    @BeforeEach
    void tree() {
        clock.set(TestTime.now());
        String committee = OrgFixtures.unit("COMMITTEE", null);
        branch = OrgFixtures.unit("BRANCH", committee);
        rules(branch);
        singleId = question(single(branch, null));
        multipleId = question(multiple(branch, null));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String source(String quiz) {
        return quiz + ":" + clock.instant().atZone(QuizFixtures.ZONE).toLocalDate();
    }

    /** Sends every request at once (each with its own key) and answers the responses in order. */
    static List<Response> together(List<RequestSpecification> requests, List<String> paths, List<Object> bodies)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                RequestSpecification request = requests.get(i).header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(bodies.get(i));
                String path = paths.get(i);
                futures.add(pool.submit(() -> {
                    gate.await();
                    return request.post(path);
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
    void parallelSubmissionsOfOneAttemptScoreItOnceAndCreditOnce() throws Exception {
        Member member = member(branch);
        String quiz = quiz(quizBody(branch, List.of(singleId, multipleId)));
        String attempt = member.api().post("/v1/quizzes/" + quiz + "/attempts").then().statusCode(201).extract()
                .path("id");
        Map<String, Object> full = answers(singleId, List.of("B"), multipleId, List.of("A", "C", "D"));
        Map<String, Object> half = answers(singleId, List.of("B"), multipleId, List.of("A"));
        List<RequestSpecification> requests = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<Object> bodies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(member.api());
            paths.add("/v1/quiz-attempts/" + attempt + "/submission");
            bodies.add(i % 2 == 0 ? full : half);
        }
        List<Response> responses = together(requests, paths, bodies);
        Set<Integer> scores = new HashSet<>();
        Set<String> entries = new HashSet<>();
        for (Response response : responses) {
            response.then().statusCode(200).body("result.practice", org.hamcrest.Matchers.equalTo(false));
            scores.add(response.path("result.score"));
            entries.add(response.path("result.pointsEntryId"));
        }
        assertEquals(1, scores.size(), "every answer shows the one stored result: " + scores);
        assertEquals(1, entries.size());
        int score = scores.iterator().next();
        assertEquals(1, count("select count(*) from ledger_entry where person_id = ? and activity_type = 'QUIZ'",
                member.personId()));
        assertEquals(score == 2 ? 1 : 0, count("select count(*) from ledger_entry where person_id = ? "
                + "and activity_type = 'QUIZ_FULL_MARKS'", member.personId()));
        assertEquals(1, count("select count(*) from quiz_attempt where id = ? and version = 1 and score = ?", attempt,
                score));
    }

    @Test
    void ofAttemptsSubmittedInParallelTheSameDayExactlyOneEarns() throws Exception {
        for (int round = 0; round < 3; round++) {
            Member member = member(branch);
            String quiz = quiz(quizBody(branch, List.of(singleId, multipleId)));
            List<RequestSpecification> requests = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            List<Object> bodies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String attempt = member.api().post("/v1/quizzes/" + quiz + "/attempts").then().statusCode(201)
                        .extract().path("id");
                requests.add(member.api());
                paths.add("/v1/quiz-attempts/" + attempt + "/submission");
                bodies.add(answers(singleId, List.of("B"), multipleId, List.of("A", "C", "D")));
            }
            List<Response> responses = together(requests, paths, bodies);
            List<String> earned = new ArrayList<>();
            for (Response response : responses) {
                response.then().statusCode(200).body("result.score", org.hamcrest.Matchers.equalTo(2));
                if (!response.<Boolean>path("result.practice")) {
                    earned.add(response.path("result.pointsEntryId"));
                } else {
                    response.then().body("result.points", org.hamcrest.Matchers.equalTo(0))
                            .body("result.pointsEntryId", org.hamcrest.Matchers.nullValue());
                }
            }
            assertEquals(1, earned.size(), "exactly one scored attempt: " + earned);
            assertEquals(1, count("select count(*) from ledger_entry where id = ? and person_id = ? and source_id = ? "
                    + "and activity_type = 'QUIZ' and points = 3", earned.get(0), member.personId(), source(quiz)));
            assertEquals(2, count("select count(*) from ledger_entry where person_id = ?", member.personId()));
            assertEquals(1, count("select count(*) from quiz_attempt where quiz_id = ? and not practice "
                    + "and points_entry_id = ?", quiz, earned.get(0)));
            assertEquals(5, count("select count(*) from quiz_attempt where quiz_id = ? and practice "
                    + "and points_entry_id is null and points = 0", quiz));
        }
    }
}
