package cn.zhibu.study.quiz.contest;

import static cn.zhibu.study.quiz.contest.ContestFixtures.admin;
import static cn.zhibu.study.quiz.contest.ContestFixtures.rules;
import static cn.zhibu.study.quiz.contest.ContestFixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestTime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo contest: at the branch's latest held themed party day, answered by those present, added once. */
@QuarkusTest
class ContestDemoDataTest {

    @Inject
    ContestDemoData demo;

    boolean add(String branch) {
        return QuarkusTransaction.requiringNew().call(() -> demo.add(UUID.fromString(branch)));
    }

    @Test
    void theLatestHeldThemedPartyDayGetsATeamContestWonByAPartyGroupOnce() {
        String committee = OrgFixtures.unit("COMMITTEE", null);
        String branch = OrgFixtures.unit("BRANCH", committee);
        String first = OrgFixtures.unit("PARTY_GROUP", branch);
        String second = OrgFixtures.unit("PARTY_GROUP", branch);
        rules(branch);
        assertFalse(add(branch), "no held session yet");
        String held = session(branch, "THEMED_PARTY_DAY", TestTime.now().minus(Duration.ofDays(3)), "HELD");
        String earlier = session(branch, "THEMED_PARTY_DAY", TestTime.now().minus(Duration.ofDays(40)), "HELD");
        for (int i = 0; i < 6; i++) {
            Map<String, Object> body = OrgFixtures.personBody("示范" + i, branch);
            body.put("groupIds", List.of(i < 2 ? first : second));
            String person = admin().header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                    .post("/v1/people").then().statusCode(201).extract().path("id");
            Sql.execute("insert into attendance (party_day_id, person_id, status, method, recorded_at, recorded_by) "
                    + "values (?1, ?2, ?3, 'RECORDED', now(), 'test')", UUID.fromString(held), UUID.fromString(person),
                    i == 5 ? "LEAVE" : "PRESENT");
        }
        assertTrue(add(branch));
        admin().get("/v1/party-days/" + earlier + "/contest").then().statusCode(404);
        JsonPath results = admin().get("/v1/party-days/" + held + "/contest/results").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("TEAMS", results.getString("mode"));
        assertEquals(5, results.getList("people").size(), "those present answered");
        assertEquals(second, results.getString("teams[0].unitId"), "the group with most members there wins");
        assertEquals(List.of(1, 2), results.getList("teams.rank"));
        assertTrue(Sql.count("select count(*) from ledger_entry e join quiz_attempt a on a.points_entry_id = e.id "
                + "join quiz_contest c on c.quiz_id = a.quiz_id where c.party_day_id = ?1", held) > 0,
                "passing attempts were credited through the ledger");

        assertFalse(add(branch), "once per branch");
        assertEquals(5, Sql.count("select count(*) from quiz_attempt a join quiz_contest c on c.quiz_id = a.quiz_id "
                + "where c.branch_id = ?1", branch));
    }
}
