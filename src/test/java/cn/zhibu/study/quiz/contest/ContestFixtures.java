package cn.zhibu.study.quiz.contest;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestTime;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sessions, questions, quizzes and contests for the contest tests. */
public final class ContestFixtures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ContestFixtures() {
    }

    static RequestSpecification admin() {
        return Api.as("org-admin", Roles.ORG_ADMIN);
    }

    /**
     * A session of the branch, written straight to its table (its own API is another capability's): of this kind,
     * starting at {@code startsAt} for two hours, in this state.
     */
    static String session(String branch, String kind, Instant startsAt, String state) {
        UUID id = UUID.randomUUID();
        Instant start = startsAt.truncatedTo(ChronoUnit.SECONDS);
        Sql.execute("insert into party_day (id, branch_id, kind, starts_at, ends_at, held_on, theme, lecture_slots, "
                + "state, version, created_at, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, 0, ?9, ?9)", id,
                UUID.fromString(branch), kind, start, start.plus(Duration.ofHours(2)),
                start.atZone(ZONE).toLocalDate(), "主题党日＋趣味竞答", state, TestTime.now());
        return id.toString();
    }

    /** A themed party day of the branch that started ten minutes ago on the service's clock. */
    static String started(String branch, Instant now) {
        return session(branch, "THEMED_PARTY_DAY", now.minus(Duration.ofMinutes(10)), "CONFIRMED");
    }

    /** A single choice question of the branch's bank with four options; B is correct. */
    static String question(String unit) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unit);
        body.put("kind", "SINGLE_CHOICE");
        body.put("text", "“楚韵·清风”廉洁知识：中央八项规定是哪一年出台的？" + UUID.randomUUID().toString().substring(0, 4));
        List<Map<String, Object>> options = new ArrayList<>();
        String[] texts = {"2013年", "2012年", "2015年", "2016年"};
        for (int i = 0; i < texts.length; i++) {
            options.add(Map.of("key", String.valueOf((char) ('A' + i)), "text", texts[i]));
        }
        body.put("options", options);
        body.put("correctKeys", List.of("B"));
        return admin().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/v1/quiz-questions")
                .then().statusCode(201).extract().path("id");
    }

    /** A quiz standing alone for the unit, open from now, five minutes to answer. */
    static String quiz(String unit, List<String> questionIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "趣味竞答");
        body.put("unitId", unit);
        body.put("questionIds", questionIds);
        body.put("timeLimitSeconds", 300);
        return admin().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/v1/quizzes").then()
                .statusCode(201).extract().path("id");
    }

    /** A quiz of one fresh question for the unit. */
    static String quiz(String unit) {
        return quiz(unit, List.of(question(unit)));
    }

    static Response link(RequestSpecification caller, String session, String quiz, String mode) {
        return caller.body(Map.of("quizId", quiz, "mode", mode)).post("/v1/party-days/" + session + "/contest");
    }

    /** A fresh session of the branch that started ten minutes ago, holding a fresh quiz as its contest. */
    static String contest(String branch, String mode) {
        String session = started(branch, TestTime.now());
        link(admin(), session, quiz(branch), mode).then().statusCode(201);
        return session;
    }

    /** The unit's QUIZ (3 points) and QUIZ_FULL_MARKS (1 point) rules from today. */
    static void rules(String unit) {
        for (Object[] rule : new Object[][] {{"QUIZ", 3}, {"QUIZ_FULL_MARKS", 1}}) {
            admin().body(Map.of("unitId", unit, "activityType", rule[0], "effectiveFrom",
                    TestTime.today().toString(), "points", rule[1])).post("/v1/scoring-rules").then().statusCode(201);
        }
    }

    /** A submission body: for each question id, its keys. */
    static Map<String, Object> answers(Object... idsAndKeys) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < idsAndKeys.length; i += 2) {
            answers.add(Map.of("questionId", idsAndKeys[i], "keys", idsAndKeys[i + 1]));
        }
        return Map.of("answers", answers);
    }
}
