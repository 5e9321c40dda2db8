package cn.zhibu.points;

import static cn.zhibu.testing.OrgFixtures.person;
import static cn.zhibu.testing.OrgFixtures.unit;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestAccounts;
import cn.zhibu.testing.TestTime;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The points ledger over HTTP: manual awards under caps, reversals, who may, and caps under parallel load. */
@QuarkusTest
class LedgerApiTest {

    final LocalDate today = TestTime.today(); // once per test

    /** Every ledger change, as observers of the event see them (in the crediting transaction). */
    @Singleton
    static class Seen {
        final List<LedgerChanged> events = new CopyOnWriteArrayList<>();

        void on(@Observes LedgerChanged changed) {
            events.add(changed);
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Seen seen;

    String branch;
    String otherBranch;
    String person;

    @BeforeEach
    void tree() {
        String committee = unit("COMMITTEE", null);
        branch = unit("BRANCH", committee);
        otherBranch = unit("BRANCH", committee);
        person = person("积分" + UUID.randomUUID().toString().substring(0, 4), branch);
        Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("unitId", branch, "activityType", "MANUAL_AWARD",
                "effectiveFrom", today.toString(), "points", 1, "dailyCap", 10)).post("/v1/scoring-rules").then()
                .statusCode(201);
    }

    RequestSpecification secretary() {
        return Api.as("ledger-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    static Response award(RequestSpecification as, String person, int points) {
        return as.header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("personId", person, "points", points, "reason", "测试奖励")).post("/v1/points/awards");
    }

    int stored(String person) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select coalesce(sum(points), 0) from ledger_entry where person_id = ?")) {
            s.setObject(1, UUID.fromString(person));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    @Test
    void awardsAreCappedAndReversedOnceAndTheLedgerAddsUp() throws Exception {
        int before = seen.events.size();
        String first = award(secretary(), person, 4).then().statusCode(201)
                .body("points", org.hamcrest.Matchers.equalTo(4)).body("activityType", org.hamcrest.Matchers.equalTo("MANUAL_AWARD"))
                .body("isoWeek", org.hamcrest.Matchers.equalTo(cn.zhibu.platform.time.IsoWeek.of(today).toString()))
                .extract().path("id");
        award(secretary(), person, 8).then().statusCode(201).body("points", org.hamcrest.Matchers.equalTo(6));
        award(secretary(), person, 1).then().statusCode(201).body("points", org.hamcrest.Matchers.equalTo(0));
        secretary().body(Map.of("reason", "重复记分")).post("/v1/points/entries/" + first + "/reverse").then()
                .statusCode(201).body("points", org.hamcrest.Matchers.equalTo(-4))
                .body("reverses", org.hamcrest.Matchers.equalTo(first));
        problem(secretary().body(Map.of("reason", "again")).post("/v1/points/entries/" + first + "/reverse").then(),
                409, "POINTS_ALREADY_REVERSED");
        award(secretary(), person, 5).then().statusCode(201).body("points", org.hamcrest.Matchers.equalTo(4));
        assertEquals(10, stored(person));
        List<Integer> listed = secretary().queryParam("personId", person).get("/v1/points/entries").then()
                .statusCode(200).extract().path("items.points");
        assertEquals(List.of(4, -4, 0, 6, 4), listed, "newest first");
        assertEquals(5, seen.events.size() - before, "one event per entry");
        String reversal = secretary().queryParam("personId", person).get("/v1/points/entries").then()
                .extract().path("items[1].id");
        problem(secretary().body(Map.of("reason", "x")).post("/v1/points/entries/" + reversal + "/reverse").then(),
                409, "POINTS_REVERSAL_OF_REVERSAL");
        // a retry with the same key credits nothing more
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("personId", person, "points", 1, "reason", "重试");
        String once = secretary().header("Idempotency-Key", key).body(body).post("/v1/points/awards").then()
                .statusCode(201).extract().path("id");
        secretary().header("Idempotency-Key", key).body(body).post("/v1/points/awards").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", org.hamcrest.Matchers.equalTo(once));
    }

    @Test
    void badAwardsAndWhoMay() {
        String elsewhere = person("别处", otherBranch);
        problem(award(Api.as("org-admin", Roles.ORG_ADMIN), elsewhere, 1).then(), 422, "POINTS_NO_RULE");
        problem(award(secretary(), person, 0).then(), 400, "VALIDATION_FAILED");
        problem(secretary().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("personId", person, "points", 1)).post("/v1/points/awards").then(), 400, "VALIDATION_FAILED");
        problem(award(Api.as("ledger-member", Roles.MEMBER, UUID.fromString(branch)), person, 1).then(), 403,
                "FORBIDDEN");
        problem(award(Api.as("ledger-outside", Roles.SECRETARY, UUID.fromString(otherBranch)), person, 1).then(), 404,
                "NOT_FOUND");
        problem(award(Api.anonymous(), person, 1).then(), 401, "UNAUTHENTICATED");
        problem(Api.as("ledger-member", Roles.MEMBER, UUID.fromString(branch)).queryParam("personId", person)
                .get("/v1/points/entries").then(), 403, "FORBIDDEN");
        Api.as("ledger-leader", Roles.GROUP_LEADER, UUID.fromString(branch)).queryParam("personId", person)
                .get("/v1/points/entries").then().statusCode(200);
        // a member reads their own ledger
        String account = Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("personId", person, "role", "MEMBER",
                "unitId", branch)).post("/v1/grants").then().statusCode(201).extract().path("accountId");
        Api.bearer(TestAccounts.tokenForExisting(UUID.fromString(account))).queryParam("personId", person)
                .get("/v1/points/entries").then().statusCode(200);
    }

    @Test
    void twoHundredParallelAwardsNeverPassTheDailyCap() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                answers.add(pool.submit(() -> award(secretary(), person, 1).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(201, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10, stored(person), "the day's points equal the cap, never more");
    }
}
