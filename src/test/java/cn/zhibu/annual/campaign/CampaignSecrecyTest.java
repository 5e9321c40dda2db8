package cn.zhibu.annual.campaign;

import static cn.zhibu.annual.campaign.CampaignFixtures.as;
import static cn.zhibu.annual.campaign.CampaignFixtures.body;
import static cn.zhibu.annual.campaign.CampaignFixtures.etag;
import static cn.zhibu.annual.campaign.CampaignFixtures.grade;
import static cn.zhibu.annual.campaign.CampaignFixtures.secretary;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Race;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestTime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ballots are secret: no answer of any campaign endpoint, read by a ratee or by the secretary, holds a rater's id
 * (a person's or a unit's). And one pair has one ballot, however many are cast at once.
 */
@QuarkusTest
class CampaignSecrecyTest {

    @Inject
    TestClock clock;
    @Inject
    CampaignRatees ratees;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void noAnswerToARateeOrTheSecretaryNamesARater() {
        String branch = CampaignFixtures.branch();
        String group = OrgFixtures.unit("PARTY_GROUP", branch);
        List<String> p = CampaignFixtures.members(branch, 6);
        String reporterA = p.get(0);
        String reporterB = p.get(1);
        List<String> raters = List.of(p.get(2), p.get(3), p.get(4), p.get(5));
        String leader = p.get(5);
        as(leader, group, Roles.GROUP_LEADER);
        Instant now = TestTime.now();
        Map<String, Object> review = body(branch, "REPORT_REVIEW", now.minusSeconds(600), 1, 1);
        review.put("reporters", List.of(reporterA, reporterB));
        String reviewId = secretary(branch).body(review).post("/v1/campaigns").then().statusCode(201).extract()
                .path("id");
        Map<String, Object> star = body(branch, "STAR_SELECTION", now.minusSeconds(600), 1, 1, 1, 24 * 7);
        star.put("unitRaters", true);
        String starId = secretary(branch).body(star).post("/v1/campaigns").then().statusCode(201).extract()
                .path("id");
        QuarkusTransaction.requiringNew().run(() -> {
            ratees.add(UUID.fromString(starId), UUID.fromString(reporterA), now);
            ratees.add(UUID.fromString(starId), UUID.fromString(reporterB), now.plusSeconds(1));
        });
        as(reporterA, branch).body(Map.of("text", "述职报告")).put("/v1/campaigns/" + reviewId + "/reports/"
                + reporterA).then().statusCode(200);

        clock.set(now.plus(Duration.ofMinutes(60)));
        for (String campaign : List.of(reviewId, starId)) {
            for (String rater : raters) {
                for (String ratee : List.of(reporterA, reporterB)) {
                    as(rater, branch).body(grade("较好")).put("/v1/campaigns/" + campaign
                            + "/ballots/PEER_EVALUATION/" + ratee).then().statusCode(200);
                }
            }
        }
        String onBehalf = "/v1/campaigns/" + starId + "/ballots/PEER_EVALUATION/" + reporterA;
        as(leader, branch).body(Map.of("grade", "好", "onBehalfOfUnitId", group)).put(onBehalf).then()
                .statusCode(200);
        problem(as(p.get(2), branch).body(Map.of("grade", "好", "onBehalfOfUnitId", group)).put(onBehalf).then(),
                422, "CAMPAIGN_UNIT_RATER_INVALID");
        problem(as(leader, branch).body(Map.of("grade", "好", "onBehalfOfUnitId", group)).put("/v1/campaigns/"
                + reviewId + "/ballots/PEER_EVALUATION/" + reporterA).then(), 422, "CAMPAIGN_UNIT_RATER_INVALID");
        as(leader, branch).get("/v1/campaigns/" + starId + "/my-ballots").then().statusCode(200)
                .body("items.onBehalfOfUnitId", org.hamcrest.Matchers.hasItem(group));

        List<String> secrets = new ArrayList<>(raters);
        secrets.add(group);
        List<Supplier<RequestSpecification>> readers = List.of(() -> secretary(branch), () -> as(reporterA, branch));
        scan(readers, secrets, branch, List.of(reviewId, starId));
        // a unit speaks only through a grant held on it: the branch's secretary does not cast (or read) its ballot
        String branchSecretary = p.get(3);
        as(branchSecretary, branch, Roles.SECRETARY);
        problem(as(branchSecretary, branch).body(Map.of("grade", "差", "onBehalfOfUnitId", group)).put(onBehalf)
                .then(), 422, "CAMPAIGN_UNIT_RATER_INVALID");
        as(branchSecretary, branch).get("/v1/campaigns/" + starId + "/my-ballots").then().statusCode(200)
                .body("items.onBehalfOfUnitId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(group)));
        // and nobody rates themself among peers, not even through the unit they lead
        as(reporterB, group, Roles.GROUP_LEADER);
        problem(as(reporterB, branch).body(Map.of("grade", "好", "onBehalfOfUnitId", group)).put("/v1/campaigns/"
                + starId + "/ballots/PEER_EVALUATION/" + reporterB).then(), 422, "CAMPAIGN_SELF_RATING");
        clock.set(now.plus(Duration.ofMinutes(125)));
        secretary(branch).header("If-Match", etag(0)).post("/v1/campaigns/" + reviewId + "/closing").then()
                .statusCode(200);
        scan(readers, secrets, branch, List.of(reviewId, starId));
    }

    /** Every campaign endpoint's answer, as each reader, holds none of the secrets. */
    private static void scan(List<Supplier<RequestSpecification>> readers, List<String> secrets, String branch,
            List<String> campaigns) {
        int scanned = 0;
        for (Supplier<RequestSpecification> reader : readers) {
            List<Response> answers = new ArrayList<>();
            answers.add(reader.get().queryParam("unitId", branch).get("/v1/campaigns"));
            for (String id : campaigns) {
                for (String path : List.of("", "/reports", "/results", "/my-ballots")) {
                    answers.add(reader.get().get("/v1/campaigns/" + id + path));
                }
            }
            for (Response answer : answers) {
                String text = answer.asString();
                assertTrue(answer.statusCode() == 200 || answer.statusCode() == 409, text);
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), "a rater's id in " + text);
                }
                scanned++;
            }
        }
        assertTrue(scanned >= 18);
    }

    @Test
    void twoBallotsOnOnePairAtOnceLeaveOne() throws Exception {
        String branch = CampaignFixtures.branch();
        List<String> p = CampaignFixtures.members(branch, 2);
        Instant now = TestTime.now();
        String id = secretary(branch).body(body(branch, "MEMBER_APPRAISAL", now.minusSeconds(7200), 1, 2, 1))
                .post("/v1/campaigns").then().statusCode(201).extract().path("id");
        String path = "/v1/campaigns/" + id + "/ballots/PEER_EVALUATION/" + p.get(1);
        as(p.get(0), branch);
        for (int round = 0; round < 3; round++) {
            List<Callable<Response>> requests = new ArrayList<>();
            for (String g : List.of("好", "差", "一般", "较好")) {
                requests.add(() -> as(p.get(0), branch).body(grade(g)).put(path));
            }
            List<Response> answers = Race.race(requests);
            answers.forEach(answer -> assertEquals(200, answer.statusCode(), answer.asString()));
            assertEquals(1, Sql.count("select count(*) from campaign_ballot where campaign_id = ?1 and rater_id = ?2 "
                    + "and ratee_id = ?3", id, p.get(0), p.get(1)));
        }
    }
}
