package cn.zhibu.identity;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.testing.Api;
import cn.zhibu.testing.DemoProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo run: sign in as a demo secretary (as in Swagger UI) and list the branch's people. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class DemoSignInApiTest {

    private static String signIn(String externalId) {
        return Api.anonymous().body(Map.of("externalId", externalId)).post("/v1/sessions/demo").then().statusCode(200)
                .extract().path("accessToken");
    }

    @Test
    void aDemoSecretaryListsTheBranchsPeople() {
        String secretary = signIn("DEMO-1001");
        Response me = Api.bearer(secretary).get("/v1/me");
        me.then().statusCode(200).body("roles.role", hasItem("SECRETARY"))
                .body("roles.unitName", hasItem("示范区委组织部机关党支部"));
        String branch = me.path("roles.find { it.role == 'SECRETARY' }.unitId");
        Response people = Api.bearer(secretary).queryParam("unitId", branch).queryParam("limit", 100).get("/v1/people");
        people.then().statusCode(200).body("items.phone", everyItem(matchesPattern("^1[0-9]{2}\\*{4}[0-9]{4}$")));
        assertEquals(30, people.<List<?>>path("items").size());
        // a member reads the branch but records no one
        String member = signIn("DEMO-1020");
        Api.bearer(member).queryParam("unitId", branch).get("/v1/people").then().statusCode(200);
        problem(Api.bearer(member).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("name", "x")).post("/v1/people").then(), 400, "VALIDATION_FAILED");
        problem(Api.bearer(member).post("/v1/people/" + people.path("items[0].id") + "/wechat-invitations").then(),
                403, "FORBIDDEN");
        // the branch's scoring rules: its own quiz rule, the rest inherited from the department
        List<Map<String, Object>> rules = Api.bearer(secretary).queryParam("unitId", branch)
                .queryParam("date", "2026-06-01").get("/v1/scoring-rules/effective").then().statusCode(200)
                .extract().path("rules");
        assertEquals(8, rules.size(), "seven of PointsDemoData and EXTERNAL_IMPORT of MemberFileDemoData");
        assertEquals(List.of("QUIZ"), rules.stream().filter(r -> Boolean.FALSE.equals(r.get("inherited")))
                .map(r -> r.get("activityType")).toList());
        // the demo org admin sees phones
        Api.bearer(signIn("DEMO-1003")).queryParam("unitId", branch).get("/v1/people").then().statusCode(200)
                .body("items.phone", hasItem(matchesPattern("^1380013[0-9]{4}$")));
    }

    @Test
    void onlyTheDemosOwnPeopleSignInWithoutAPassword() {
        String elsewhere = cn.zhibu.testing.OrgFixtures.unit("BRANCH", null);
        Map<String, Object> lookalike = cn.zhibu.testing.OrgFixtures.personBody("冒名者", elsewhere);
        lookalike.put("externalId", "DEMO-1031");
        Api.as("org-admin", cn.zhibu.platform.security.Roles.ORG_ADMIN)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(lookalike).post("/v1/people").then()
                .statusCode(201);
        try {
            problem(Api.anonymous().body(Map.of("externalId", "DEMO-1031")).post("/v1/sessions/demo").then(), 404,
                    "NOT_FOUND");
            signIn("DEMO-1030");
        } finally { // the other demo tests count the demo's people by their ids
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container()
                    .instance(jakarta.persistence.EntityManager.class).get()
                    .createNativeQuery("update person set external_id = 'LOOKALIKE-1031' where external_id = 'DEMO-1031'")
                    .executeUpdate());
        }
    }

    @Test
    void parallelFirstSignInsMakeOneAccount() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> Api.anonymous().body(Map.of("externalId", "DEMO-1027"))
                        .post("/v1/sessions/demo")));
            }
            java.util.Set<String> accounts = new java.util.HashSet<>();
            for (java.util.concurrent.Future<Response> answer : answers) {
                accounts.add(answer.get().then().statusCode(200).extract().path("accountId"));
            }
            assertEquals(1, accounts.size(), "one person, one account");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyDemoPeopleSignInThisWay() {
        problem(Api.anonymous().body(Map.of("externalId", "DEMO-9999")).post("/v1/sessions/demo").then(), 404,
                "NOT_FOUND");
        problem(Api.anonymous().body(Map.of("personId", UUID.randomUUID())).post("/v1/sessions/demo").then(), 404,
                "NOT_FOUND");
        problem(Api.anonymous().body(Map.of("externalId", "HR-1")).post("/v1/sessions/demo").then(), 400,
                "VALIDATION_FAILED");
        problem(Api.anonymous().body(Map.of()).post("/v1/sessions/demo").then(), 400, "INVALID_PARAMETER");
        Api.anonymous().body(Map.of("externalId", "DEMO-1001")).post("/v1/sessions/demo").then().statusCode(200)
                .body("passwordChangeRequired", equalTo(false));
    }
}
