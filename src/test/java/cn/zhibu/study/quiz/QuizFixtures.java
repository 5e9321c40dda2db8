package cn.zhibu.study.quiz;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestTime;
import io.restassured.specification.RequestSpecification;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Questions, quizzes, scoring rules and database reads for the quiz tests. */
final class QuizFixtures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private QuizFixtures() {
    }

    static RequestSpecification admin() {
        return Api.as("org-admin", Roles.ORG_ADMIN);
    }

    static RequestSpecification keyed(RequestSpecification as) {
        return as.header("Idempotency-Key", UUID.randomUUID().toString());
    }

    /** A single choice question with four options; B is correct. */
    static Map<String, Object> single(String unit, String explanation) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unit);
        body.put("kind", "SINGLE_CHOICE");
        body.put("text", "中国共产党的根本宗旨是什么？" + UUID.randomUUID().toString().substring(0, 4));
        body.put("options", options("实现共产主义", "全心全意为人民服务", "发展社会生产力", "坚持党的领导"));
        body.put("correctKeys", List.of("B"));
        body.put("explanation", explanation);
        return body;
    }

    /** A multiple choice question with five options; A, C and D are correct. */
    static Map<String, Object> multiple(String unit, String explanation) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unit);
        body.put("kind", "MULTIPLE_CHOICE");
        body.put("text", "“四个意识”包括哪些？");
        body.put("options", options("政治意识", "忧患意识", "大局意识", "核心意识", "创新意识"));
        body.put("correctKeys", List.of("D", "A", "C"));
        body.put("explanation", explanation);
        return body;
    }

    /** A true-or-false question; B (错误) is correct. */
    static Map<String, Object> trueFalse(String unit, String explanation) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unit);
        body.put("kind", "TRUE_FALSE");
        body.put("text", "党小组会一般每季度召开一次。");
        body.put("correctKeys", List.of("B"));
        body.put("explanation", explanation);
        return body;
    }

    static List<Map<String, Object>> options(String... texts) {
        List<Map<String, Object>> options = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            options.add(Map.of("key", String.valueOf((char) ('A' + i)), "text", texts[i]));
        }
        return options;
    }

    static String question(Map<String, Object> body) {
        return keyed(admin()).body(body).post("/v1/quiz-questions").then().statusCode(201).extract().path("id");
    }

    /** A quiz standing alone for the unit, open from now, five minutes to answer, no pass score. */
    static Map<String, Object> quizBody(String unit, List<String> questionIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "党章党规知识一测");
        body.put("unitId", unit);
        body.put("questionIds", questionIds);
        body.put("timeLimitSeconds", 300);
        return body;
    }

    static String quiz(Map<String, Object> body) {
        return keyed(admin()).body(body).post("/v1/quizzes").then().statusCode(201).extract().path("id");
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
