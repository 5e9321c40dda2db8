package cn.zhibu.points;

import static cn.zhibu.testing.OrgFixtures.unit;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scoring rules over HTTP: versions from dates, inheritance down the tree, validation and who may. */
@QuarkusTest
class ScoringRulesApiTest {

    static final String RULES = "/v1/scoring-rules";
    final LocalDate today = TestTime.today(); // once per test

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
        return Api.as("rules-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    static RequestSpecification admin() {
        return Api.as("org-admin", Roles.ORG_ADMIN);
    }

    static Map<String, Object> rule(String unit, String type, LocalDate from, int points) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unit);
        body.put("activityType", type);
        body.put("effectiveFrom", from.toString());
        body.put("points", points);
        return body;
    }

    static Response create(RequestSpecification as, Map<String, Object> body) {
        return as.body(body).post(RULES);
    }

    Map<String, Object> effective(String unit, LocalDate date, String type) {
        List<Map<String, Object>> rules = admin().queryParam("unitId", unit).queryParam("date", date.toString())
                .get(RULES + "/effective").then().statusCode(200).extract().path("rules");
        return rules.stream().filter(r -> type.equals(r.get("activityType"))).findFirst().orElse(null);
    }

    @Test
    void versionsHoldFromTheirDatesAndUnitsInheritTheNearestRule() {
        create(admin(), rule(committee, "CHECK_IN", today, 2)).then().statusCode(201)
                .body("version", org.hamcrest.Matchers.equalTo(1));
        Map<String, Object> inherited = effective(group, today, "CHECK_IN");
        assertEquals(true, inherited.get("inherited"));
        assertEquals(2, ((Map<?, ?>) inherited.get("rule")).get("points"));
        assertEquals(committee, ((Map<?, ?>) inherited.get("rule")).get("unitId"));

        // the branch overrides for itself and everything under it
        Map<String, Object> own = rule(branch, "CHECK_IN", today, 3);
        own.put("dailyCap", 3);
        own.put("weeklyCap", 15);
        String first = create(secretary(), own).then().statusCode(201).extract().path("id");
        create(secretary(), rule(branch, "CHECK_IN", today.plusDays(10), 5)).then().statusCode(201)
                .body("version", org.hamcrest.Matchers.equalTo(2));
        assertEquals(3, ((Map<?, ?>) effective(group, today, "CHECK_IN").get("rule")).get("points"));
        assertEquals(branch, ((Map<?, ?>) effective(group, today, "CHECK_IN").get("rule")).get("unitId"));
        assertEquals(false, effective(branch, today, "CHECK_IN").get("inherited"));
        assertEquals(5, ((Map<?, ?>) effective(group, today.plusDays(10), "CHECK_IN").get("rule")).get("points"));
        assertEquals(2, ((Map<?, ?>) effective(otherBranch, today.plusDays(10), "CHECK_IN").get("rule"))
                .get("points"), "the other branch still inherits the committee's");

        // the branch ends the rule: it earns nothing there afterwards, though the committee's still holds above
        Map<String, Object> ending = rule(branch, "CHECK_IN", today.plusDays(20), 5);
        ending.put("effectiveTo", today.plusDays(20).toString());
        create(secretary(), ending).then().statusCode(201);
        assertEquals(5, ((Map<?, ?>) effective(branch, today.plusDays(20), "CHECK_IN").get("rule")).get("points"));
        assertNull(effective(branch, today.plusDays(21), "CHECK_IN"));
        assertNull(effective(group, today.plusDays(21), "QUIZ"), "no rule, no points");

        List<Integer> versions = secretary().queryParam("unitId", branch).get(RULES).then().statusCode(200)
                .extract().path("items.version");
        assertEquals(List.of(3, 2, 1), versions);
        String etag = secretary().get(RULES + "/" + first).then().statusCode(200).extract().header("ETag");
        secretary().header("If-None-Match", etag).get(RULES + "/" + first).then().statusCode(304);
    }

    @Test
    void badVersionsAreRefused() {
        problem(create(secretary(), rule(branch, "CHECK_IN", today.minusDays(1), 2)).then(), 422,
                "RULE_STARTS_IN_PAST");
        create(secretary(), rule(branch, "CHECK_IN", today.plusDays(5), 2)).then().statusCode(201);
        problem(create(secretary(), rule(branch, "CHECK_IN", today.plusDays(5), 2)).then(), 409,
                "RULE_NOT_AFTER_LATEST");
        problem(create(secretary(), rule(branch, "CHECK_IN", today.plusDays(2), 2)).then(), 409,
                "RULE_NOT_AFTER_LATEST");
        Map<String, Object> caps = rule(branch, "QUIZ", today, 2);
        caps.put("dailyCap", 10);
        caps.put("weeklyCap", 5);
        problem(create(secretary(), caps).then(), 422, "RULE_CAPS_INCONSISTENT");
        Map<String, Object> dates = rule(branch, "QUIZ", today.plusDays(3), 2);
        dates.put("effectiveTo", today.plusDays(2).toString());
        problem(create(secretary(), dates).then(), 422, "RULE_DATES_INCONSISTENT");
        problem(create(admin(), rule(committee, "STUDY_TIME", today, 1)).then(), 422, "RULE_STUDY_TIME_BRANCH_ONLY");
        create(secretary(), rule(branch, "STUDY_TIME", today, 1)).then().statusCode(201);
        problem(create(secretary(), rule(branch, "QUIZ", today, 1001)).then(), 400, "VALIDATION_FAILED");
        problem(create(secretary(), rule(branch, "SLEEPING", today, 1)).then(), 400, "VALIDATION_FAILED")
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("INVALID_ENUM"));
        Map<String, Object> extra = rule(branch, "QUIZ", today, 1);
        extra.put("personId", UUID.randomUUID().toString());
        problem(create(secretary(), extra).then(), 400, "VALIDATION_FAILED")
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("UNKNOWN_FIELD"));
        problem(secretary().get(RULES).then(), 400, "INVALID_PARAMETER");
        problem(secretary().queryParam("unitId", branch).queryParam("activityType", "X").get(RULES).then(), 400,
                "INVALID_PARAMETER");
    }

    @Test
    void secretariesAndAdminsOfTheUnitMakeRulesAndEveryoneInItReadsThem() {
        for (String role : List.of(Roles.MEMBER, Roles.GROUP_LEADER, Roles.INTEGRITY_OFFICER)) {
            RequestSpecification inside = Api.as("rules-" + role, role, UUID.fromString(branch));
            problem(create(inside, rule(branch, "QUIZ", today, 1)).then(), 403, "FORBIDDEN");
            inside.queryParam("unitId", branch).get(RULES + "/effective").then().statusCode(200);
        }
        RequestSpecification outside = Api.as("rules-outside", Roles.SECRETARY, UUID.fromString(otherBranch));
        problem(create(outside, rule(branch, "QUIZ", today, 1)).then(), 422, "RULE_UNIT_NOT_FOUND");
        problem(outside.queryParam("unitId", branch).get(RULES).then(), 404, "NOT_FOUND");
        problem(outside.queryParam("unitId", branch).get(RULES + "/effective").then(), 404, "NOT_FOUND");
        // a branch secretary cannot set the committee's rules
        problem(create(secretary(), rule(committee, "QUIZ", today, 1)).then(), 422, "RULE_UNIT_NOT_FOUND");
        problem(create(Api.anonymous(), rule(branch, "QUIZ", today, 1)).then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void parallelVersionsGetDistinctConsecutiveNumbersInDateOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                LocalDate from = today.plusDays(1 + i);
                answers.add(pool.submit(() -> create(admin(), rule(branch, "MANUAL_AWARD", from, 1))));
            }
            int made = 0;
            for (Future<Response> answer : answers) {
                int status = answer.get().statusCode();
                assertTrue(status == 201 || status == 409, "status " + status);
                made += status == 201 ? 1 : 0;
            }
            List<Map<String, Object>> stored = admin().queryParam("unitId", branch)
                    .queryParam("activityType", "MANUAL_AWARD").get(RULES).then().statusCode(200).extract().path("items");
            assertEquals(made, stored.size());
            for (int i = 0; i < stored.size(); i++) {
                assertEquals(stored.size() - i, stored.get(i).get("version"), "consecutive, newest first");
                if (i > 0) {
                    assertTrue(LocalDate.parse((String) stored.get(i - 1).get("effectiveFrom"))
                            .isAfter(LocalDate.parse((String) stored.get(i).get("effectiveFrom"))), "later versions start later");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
