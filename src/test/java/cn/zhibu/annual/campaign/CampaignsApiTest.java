package cn.zhibu.annual.campaign;

import static cn.zhibu.annual.campaign.CampaignFixtures.admin;
import static cn.zhibu.annual.campaign.CampaignFixtures.as;
import static cn.zhibu.annual.campaign.CampaignFixtures.body;
import static cn.zhibu.annual.campaign.CampaignFixtures.etag;
import static cn.zhibu.annual.campaign.CampaignFixtures.grade;
import static cn.zhibu.annual.campaign.CampaignFixtures.secretary;
import static cn.zhibu.annual.campaign.CampaignFixtures.stage;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Campaigns over HTTP: a report review from reports to results, timetable changes, closing and cancelling. */
@QuarkusTest
class CampaignsApiTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aReportReviewRunsFromReportsToPublishedResults() {
        String branch = CampaignFixtures.branch();
        List<String> p = CampaignFixtures.members(branch, 6);
        String reporterA = p.get(0);
        String reporterB = p.get(1);
        Instant now = TestTime.now();
        Map<String, Object> body = body(branch, "REPORT_REVIEW", now.minusSeconds(600), 1, 1);
        body.put("reporters", List.of(reporterA, reporterB));
        JsonPath created = secretary(branch).body(body).post("/v1/campaigns").then().statusCode(201)
                .header("ETag", "\"0\"").body("state", equalTo("OPEN")).body("ratees", hasSize(2))
                .body("ratees[0].personId", equalTo(reporterA)).body("stages[0].state", equalTo("OPEN"))
                .body("stages[1].state", equalTo("NOT_YET_OPEN")).extract().jsonPath();
        String id = created.getString("id");
        String campaign = "/v1/campaigns/" + id;

        // reports: by the reporter themself, while REPORTING is open; every member reads them
        as(reporterA, branch).body(Map.of("text", "一年来认真履职。", "links", List.of("https://example.cn/a.pdf")))
                .put(campaign + "/reports/" + reporterA).then().statusCode(200).body("name", equalTo(
                        created.getString("ratees[0].name"))).body("links", hasSize(1));
        problem(as(p.get(2), branch).body(Map.of("text", "冒名")).put(campaign + "/reports/" + reporterA).then(), 403,
                "CAMPAIGN_NOT_THE_REPORTER");
        problem(as(reporterB, branch).body(Map.of("text", "x", "links", List.of("http://example.cn/a")))
                .put(campaign + "/reports/" + reporterB).then(), 400, "VALIDATION_FAILED");
        as(p.get(3), branch).get(campaign + "/reports").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].text", equalTo("一年来认真履职。"));
        problem(as(p.get(2), branch).body(grade("好")).put(campaign + "/ballots/PEER_EVALUATION/" + reporterA)
                .then(), 409, "CAMPAIGN_STAGE_NOT_OPEN");

        // peer evaluation: members rate the reporters, never themselves; a second ballot replaces the first
        clock.set(now.plus(Duration.ofMinutes(60)));
        problem(as(reporterA, branch).body(Map.of("text", "迟交")).put(campaign + "/reports/" + reporterA).then(),
                409, "CAMPAIGN_STAGE_NOT_OPEN");
        String peer = campaign + "/ballots/PEER_EVALUATION/";
        for (String rater : List.of(p.get(2), p.get(3), p.get(4))) {
            as(rater, branch).body(grade("好")).put(peer + reporterA).then().statusCode(200)
                    .body("grade", equalTo("好")).body("onBehalfOfUnitId", nullValue());
        }
        as(p.get(3), branch).body(grade("较好")).put(peer + reporterA).then().statusCode(200);
        as(reporterA, branch).body(grade("一般")).put(peer + reporterB).then().statusCode(200);
        problem(as(reporterA, branch).body(grade("好")).put(peer + reporterA).then(), 422, "CAMPAIGN_SELF_RATING");
        problem(as(p.get(2), branch).body(grade("优秀")).put(peer + reporterB).then(), 422,
                "CAMPAIGN_GRADE_NOT_IN_SCALE");
        problem(as(p.get(2), branch).body(grade("好")).put(peer + p.get(5)).then(), 422, "CAMPAIGN_NOT_A_RATEE");
        problem(as(p.get(2), branch).body(grade("好")).put(campaign + "/ballots/SELF_EVALUATION/" + reporterA)
                .then(), 409, "CAMPAIGN_STAGE_NOT_OPEN");
        problem(secretary(branch).body(grade("好")).put(peer + reporterA).then(), 403, "CAMPAIGN_NOT_A_PERSON");
        String outsider = OrgFixtures.person("外支部", CampaignFixtures.branch());
        problem(as(outsider, branch).body(grade("好")).put(peer + reporterA).then(), 404, "NOT_FOUND");
        as(p.get(5), branch).body(grade("差")).put(peer + reporterB).then().statusCode(200);
        as(p.get(5), branch).delete(peer + reporterB).then().statusCode(204);
        problem(as(p.get(5), branch).delete(peer + reporterB).then(), 404, "NOT_FOUND");
        as(p.get(3), branch).get(campaign + "/my-ballots").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].grade", equalTo("较好")).body("items[0].rateeId", equalTo(reporterA));

        // while rating runs the secretary sees participation only (each new ballot's grade could be read off the
        // counts); members see nothing until the campaign is closed
        JsonPath results = secretary(branch).get(campaign + "/results").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), results.getList("ratees[0].aggregates"));
        assertEquals(4, results.getInt("participation[0].raters"));
        assertEquals(6, results.getInt("participation[0].eligibleRaters"));
        assertEquals("0.667", results.getString("participation[0].rate"));
        problem(as(p.get(2), branch).get(campaign + "/results").then(), 409, "CAMPAIGN_RESULTS_NOT_PUBLISHED");
        problem(secretary(branch).header("If-Match", etag(0)).post(campaign + "/closing").then(), 409,
                "CAMPAIGN_STILL_RATING");

        clock.set(now.plus(Duration.ofMinutes(115)));
        // rating over, the secretary sees the aggregates (to decide, where the campaign decides) before closing
        results = secretary(branch).get(campaign + "/results").then().statusCode(200).extract().jsonPath();
        assertEquals(3, results.getInt("ratees[0].aggregates[0].raters"));
        assertEquals(List.of(2, 1, 0, 0), results.getList("ratees[0].aggregates[0].counts.count"));
        assertEquals(false, results.getBoolean("ratees[1].aggregates[0].enoughRaters"));
        assertEquals(null, (Object) results.get("ratees[1].aggregates[0].counts"));
        problem(as(p.get(5), branch).body(grade("好")).put(peer + reporterA).then(), 409, "CAMPAIGN_STAGE_NOT_OPEN");
        problem(as(p.get(3), branch).delete(peer + reporterA).then(), 409, "CAMPAIGN_STAGE_NOT_OPEN");
        problem(secretary(branch).header("If-Match", etag(5)).post(campaign + "/closing").then(), 412,
                "PRECONDITION_FAILED");
        secretary(branch).header("If-Match", etag(0)).post(campaign + "/closing").then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("stages[1].state", equalTo("CLOSED"));
        as(p.get(2), branch).get(campaign + "/results").then().statusCode(200)
                .body("ratees[0].aggregates[0].counts.count", equalTo(List.of(2, 1, 0, 0)));
        problem(secretary(branch).header("If-Match", etag(1)).post(campaign + "/cancellation").then(), 409,
                "CAMPAIGN_NOT_OPEN");
        secretary(branch).queryParam("unitId", branch).queryParam("year", "2026").get("/v1/campaigns").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].state", equalTo("CLOSED"));
    }

    @Test
    void aMemberAppraisalRatesTheMembersAndShowsSelfGradesOnlyToTheRateeAndManagers() {
        String branch = CampaignFixtures.branch();
        List<String> p = CampaignFixtures.members(branch, 4);
        Instant now = TestTime.now();
        Map<String, Object> body = body(branch, "MEMBER_APPRAISAL", now.minusSeconds(600), 1, 1, 1);
        body.put("quotaShare", 0.25);
        JsonPath created = secretary(branch).body(body).post("/v1/campaigns").then().statusCode(201)
                .body("ratees", hasSize(4)).body("quotaShare", equalTo(0.25f)).extract().jsonPath();
        String campaign = "/v1/campaigns/" + created.getString("id");
        as(p.get(0), branch).body(grade("好")).put(campaign + "/ballots/SELF_EVALUATION/" + p.get(0)).then()
                .statusCode(200);
        problem(as(p.get(0), branch).body(grade("好")).put(campaign + "/ballots/SELF_EVALUATION/" + p.get(1))
                .then(), 422, "CAMPAIGN_SELF_EVALUATION_OF_OTHER");

        // the timetable: the open stage keeps its opening; after it closes, it never changes
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stages = (List<Map<String, Object>>) body.get("stages");
        Map<String, Object> moved = new HashMap<>(Map.of("title", "改名的评议", "stages", List.of(
                stage("SELF_EVALUATION", now.minusSeconds(300), now.plusSeconds(3000)), stages.get(1),
                stages.get(2))));
        problem(secretary(branch).header("If-Match", etag(0)).body(moved).put(campaign).then(), 409,
                "CAMPAIGN_STAGE_CLOSED");
        moved.put("stages", List.of(stage("SELF_EVALUATION", now.minusSeconds(600), now.plusSeconds(1800)),
                stage("PEER_EVALUATION", now.plusSeconds(1800), now.plusSeconds(6600)), stages.get(2)));
        secretary(branch).header("If-Match", etag(0)).body(moved).put(campaign).then().statusCode(200)
                .header("ETag", "\"1\"").body("title", equalTo("改名的评议"));
        clock.set(now.plusSeconds(2400));
        problem(secretary(branch).header("If-Match", etag(1)).body(Map.of("title", "再改", "stages", List.of(
                stage("SELF_EVALUATION", now.minusSeconds(600), now.plusSeconds(3600)),
                stage("PEER_EVALUATION", now.plusSeconds(3600), now.plusSeconds(6600)), stages.get(2)))).put(campaign)
                .then(), 409, "CAMPAIGN_STAGE_CLOSED");
        for (int rater = 1; rater < 4; rater++) {
            as(p.get(rater), branch).body(grade("较好")).put(campaign + "/ballots/PEER_EVALUATION/" + p.get(0)).then()
                    .statusCode(200);
        }
        secretary(branch).get(campaign + "/results").then().statusCode(200)
                .body("ratees[0].selfGrade", equalTo("好")).body("participation[0].raters", equalTo(1))
                .body("participation[0].eligibleRaters", equalTo(4));
        clock.set(now.plusSeconds(6700));
        // an appraisal closes once the branch has decided every member's grade (the decision side's rule)
        problem(secretary(branch).header("If-Match", etag(1)).post(campaign + "/closing").then(), 409,
                "CLOSING_DECISIONS_MISSING");
        for (String ratee : p) {
            secretary(branch).body(Map.of("outcome", "较好", "reason", "全年表现较好。"))
                    .put(campaign + "/decisions/" + ratee).then().statusCode(200);
        }
        secretary(branch).header("If-Match", etag(1)).post(campaign + "/closing").then().statusCode(200);
        // each member sees how their peers rated them, and nobody else's row
        as(p.get(0), branch).get(campaign + "/results").then().statusCode(200).body("ratees", hasSize(1))
                .body("ratees[0].personId", equalTo(p.get(0))).body("ratees[0].selfGrade", equalTo("好"))
                .body("ratees[0].aggregates[0].raters", equalTo(3));
        as(p.get(1), branch).get(campaign + "/results").then().statusCode(200).body("ratees", hasSize(1))
                .body("ratees[0].personId", equalTo(p.get(1))).body("ratees[0].selfGrade", nullValue())
                .body("ratees[0].aggregates[0].enoughRaters", equalTo(false));
        secretary(branch).get(campaign + "/results").then().statusCode(200).body("ratees", hasSize(4));
    }

    @Test
    void badCampaignsAreRefusedAndNothingIsStored() {
        String branch = CampaignFixtures.branch();
        List<String> p = CampaignFixtures.members(branch, 2);
        Instant start = TestTime.now().plus(Duration.ofDays(1));
        Map<String, Object> body = body(branch, "REPORT_REVIEW", start, 24, 24);
        body.put("scale", List.of("好", "好"));
        problem(secretary(branch).body(body).post("/v1/campaigns").then(), 422, "CAMPAIGN_SCALE_INVALID");
        body.put("scale", List.of("好"));
        problem(secretary(branch).body(body).post("/v1/campaigns").then(), 400, "VALIDATION_FAILED");
        Map<String, Object> reversed = body(branch, "REPORT_REVIEW", start, 24, 24);
        reversed.put("stages", List.of(stage("PEER_EVALUATION", start, start.plusSeconds(60)),
                stage("REPORTING", start.plusSeconds(60), start.plusSeconds(120))));
        problem(secretary(branch).body(reversed).post("/v1/campaigns").then(), 422, "CAMPAIGN_TIMETABLE_INVALID");
        Map<String, Object> overlapping = body(branch, "REPORT_REVIEW", start, 24, 24);
        overlapping.put("stages", List.of(stage("REPORTING", start, start.plusSeconds(120)),
                stage("PEER_EVALUATION", start.plusSeconds(60), start.plusSeconds(180))));
        problem(secretary(branch).body(overlapping).post("/v1/campaigns").then(), 422, "CAMPAIGN_TIMETABLE_INVALID");
        Map<String, Object> quota = body(branch, "REPORT_REVIEW", start, 24, 24);
        quota.put("quotaCount", 2);
        problem(secretary(branch).body(quota).post("/v1/campaigns").then(), 422, "CAMPAIGN_RULE_NOT_ALLOWED");
        Map<String, Object> both = body(branch, "MEMBER_APPRAISAL", start, 24, 24, 24);
        both.put("quotaCount", 2);
        both.put("quotaShare", 0.2);
        problem(secretary(branch).body(both).post("/v1/campaigns").then(), 422, "CAMPAIGN_RULE_NOT_ALLOWED");
        Map<String, Object> star = body(branch, "STAR_SELECTION", start, 24, 24, 24, 24);
        star.remove("publicityWorkingDays");
        problem(secretary(branch).body(star).post("/v1/campaigns").then(), 422, "CAMPAIGN_PUBLICITY_TOO_SHORT");
        star.put("publicityWorkingDays", 10);
        problem(secretary(branch).body(star).post("/v1/campaigns").then(), 422, "CAMPAIGN_PUBLICITY_TOO_SHORT");
        // a publicity (公示) runs: one wholly past would let a closing enter stars nobody could object to
        Map<String, Object> past = body(branch, "STAR_SELECTION", TestTime.now().minus(Duration.ofDays(40)), 24, 24,
                24, 24 * 14);
        problem(secretary(branch).body(past).post("/v1/campaigns").then(), 422, "CAMPAIGN_STAGE_IN_PAST");
        // campaigns are a branch's: its members rate and are rated
        problem(admin().body(body(OrgFixtures.unit("COMMITTEE", null), "MEMBER_APPRAISAL", start, 24, 24, 24))
                .post("/v1/campaigns").then(), 422, "CAMPAIGN_UNIT_KIND");
        Map<String, Object> stranger = body(branch, "REPORT_REVIEW", start, 24, 24);
        stranger.put("reporters", List.of(OrgFixtures.person("外人", CampaignFixtures.branch())));
        problem(secretary(branch).body(stranger).post("/v1/campaigns").then(), 422, "CAMPAIGN_REPORTER_NOT_MEMBER");
        // no committee and no group leaders: nobody to report by default
        problem(secretary(branch).body(body(branch, "REPORT_REVIEW", start, 24, 24)).post("/v1/campaigns").then(),
                422, "CAMPAIGN_NO_RATEES");
        String group = OrgFixtures.unit("PARTY_GROUP", branch);
        problem(admin().body(body(group, "MEMBER_APPRAISAL", start, 24, 24, 24)).post("/v1/campaigns").then(), 422,
                "CAMPAIGN_UNIT_KIND");
        problem(as(p.get(0), branch).body(body(branch, "MEMBER_APPRAISAL", start, 24, 24, 24))
                .post("/v1/campaigns").then(), 403, "FORBIDDEN");
        secretary(branch).queryParam("unitId", branch).get("/v1/campaigns").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void withoutReportersTheCommitteeAndGroupLeadersReportAndACampaignIsCancelledOnce() {
        String branch = CampaignFixtures.branch();
        List<String> p = CampaignFixtures.members(branch, 3);
        admin().body(Map.of("members", List.of(Map.of("personId", p.get(1), "post", "SECRETARY"))))
                .put("/v1/org-units/" + branch + "/committee").then().statusCode(200);
        String group = OrgFixtures.unit("PARTY_GROUP", branch);
        as(p.get(2), group, Roles.GROUP_LEADER).get("/v1/campaigns?unitId=" + branch).then().statusCode(200);
        Instant start = TestTime.now().plus(Duration.ofDays(1));
        JsonPath created = secretary(branch).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(body(branch, "REPORT_REVIEW", start, 24, 24)).post("/v1/campaigns").then().statusCode(201)
                .extract().jsonPath();
        assertEquals(List.of(p.get(1), p.get(2)), created.getList("ratees.personId"));
        String campaign = "/v1/campaigns/" + created.getString("id");
        secretary(branch).get(campaign).then().statusCode(200).header("ETag", "\"0\"")
                .body("stages.state", equalTo(List.of("NOT_YET_OPEN", "NOT_YET_OPEN")));
        secretary(branch).header("If-None-Match", "\"0\"").get(campaign).then().statusCode(304);
        problem(as(p.get(0), branch).header("If-Match", etag(0)).post(campaign + "/cancellation").then(), 403,
                "FORBIDDEN");
        secretary(branch).header("If-Match", etag(0)).post(campaign + "/cancellation").then().statusCode(200)
                .body("state", equalTo("CANCELLED")).body("stages.state", equalTo(List.of("CLOSED", "CLOSED")));
        problem(secretary(branch).header("If-Match", etag(1)).post(campaign + "/cancellation").then(), 409,
                "CAMPAIGN_NOT_OPEN");
        problem(as(p.get(0), branch).get(campaign + "/results").then(), 409, "CAMPAIGN_RESULTS_NOT_PUBLISHED");
    }

    @Test
    void aStageNotOpenYetIsNeverMovedIntoThePast() {
        String branch = CampaignFixtures.branch();
        List<String> p = CampaignFixtures.members(branch, 2);
        Instant now = TestTime.now();
        Map<String, Object> body = body(branch, "REPORT_REVIEW", now.minusSeconds(600), 1, 1);
        body.put("reporters", List.of(p.get(0)));
        body.put("stages", List.of(stage("REPORTING", now.minusSeconds(600), now.plusSeconds(600)),
                stage("PEER_EVALUATION", now.plusSeconds(3600), now.plusSeconds(7200))));
        String campaign = "/v1/campaigns/" + secretary(branch).body(body).post("/v1/campaigns").then().statusCode(201)
                .extract().path("id");
        clock.set(now.plusSeconds(1200));
        // between the stages: the rating may not be given an opening already past (it would count as held)
        problem(secretary(branch).header("If-Match", etag(0)).body(Map.of("title", "年度评议", "stages", List.of(
                stage("REPORTING", now.minusSeconds(600), now.plusSeconds(600)),
                stage("PEER_EVALUATION", now.plusSeconds(900), now.plusSeconds(7200))))).put(campaign).then(), 422,
                "CAMPAIGN_STAGE_IN_PAST");
        secretary(branch).header("If-Match", etag(0)).body(Map.of("title", "年度评议", "stages", List.of(
                stage("REPORTING", now.minusSeconds(600), now.plusSeconds(600)),
                stage("PEER_EVALUATION", now.plusSeconds(1200), now.plusSeconds(7200))))).put(campaign).then()
                .statusCode(200).body("stages[1].state", equalTo("OPEN"));
    }
}
