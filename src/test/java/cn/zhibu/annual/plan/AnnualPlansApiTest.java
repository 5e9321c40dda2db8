package cn.zhibu.annual.plan;

import static cn.zhibu.annual.plan.PlanFixtures.admin;
import static cn.zhibu.annual.plan.PlanFixtures.etag;
import static cn.zhibu.annual.plan.PlanFixtures.evidence;
import static cn.zhibu.annual.plan.PlanFixtures.item;
import static cn.zhibu.annual.plan.PlanFixtures.itemId;
import static cn.zhibu.annual.plan.PlanFixtures.planBody;
import static cn.zhibu.annual.plan.PlanFixtures.reviewer;
import static cn.zhibu.annual.plan.PlanFixtures.year;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A committee member's plan from start to end: made by the member, items added and changed, an OTHER item ticked
 * done by its owner, the summary written, submitted, returned by the unit above with a note, changed, submitted
 * again and approved; the review history kept. The branch's own plan and the lists.
 */
@QuarkusTest
class AnnualPlansApiTest {

    @Test
    void aCommitteeMembersPlanIsMadeFollowedSubmittedReturnedAndApproved() {
        PlanFixtures.Tree tree = PlanFixtures.tree();
        StudyFixtures.Member member = StudyFixtures.member(tree.branch());
        PlanFixtures.committee(tree.branch(), tree.secretary().personId(), member.personId());
        // the member makes their own plan
        JsonPath created = member.api().body(planBody(tree.branch(), year(), member.personId()))
                .post("/v1/annual-plans").then().statusCode(201).header("ETag", equalTo(etag(0)))
                .header("Location", containsString("/v1/annual-plans/")).extract().jsonPath();
        String plan = created.getString("id");
        assertEquals("DRAFT", created.getString("state"));
        assertEquals(member.personId(), created.getString("ownerId"));
        assertEquals(List.of(), created.getList("items"));
        // a second plan of the same owner and year: 409 naming the first
        problem(admin().body(planBody(tree.branch(), year(), member.personId())).post("/v1/annual-plans").then(),
                409, "ANNUAL_PLAN_EXISTS").body("detail", containsString(plan))
                .header("Location", equalTo("/v1/annual-plans/" + plan));

        String path = "/v1/annual-plans/" + plan;
        Map<String, Object> sessions = item("SESSIONS", "BRANCH_COMMITTEE", 12, null);
        Map<String, Object> visit = item("OTHER", null, null, year() + "-06-30");
        JsonPath withOne = member.api().header("If-Match", etag(0)).body(sessions).post(path + "/items").then()
                .statusCode(201).header("ETag", equalTo(etag(1))).header("Location", containsString(path + "/items/"))
                .extract().jsonPath();
        assertEquals(member.personId(), withOne.getString("items[0].ownerId"), "an item's owner: the plan's");
        assertEquals(0, withOne.getInt("items[0].progress.done"));
        assertEquals(12, withOne.getInt("items[0].progress.target"));
        assertEquals(false, withOne.getBoolean("items[0].progress.met"));
        JsonPath withTwo = member.api().header("If-Match", etag(1)).body(visit).post(path + "/items").then()
                .statusCode(201).extract().jsonPath();
        String sessionsId = itemId(withTwo, sessions);
        String visitId = itemId(withTwo, visit);
        // stale If-Match: 412, nothing stored
        problem(member.api().header("If-Match", etag(1)).body(item("OTHER", null, 1, null)).post(path + "/items")
                .then(), 412, "PRECONDITION_FAILED");
        assertEquals(2, Sql.count("select count(*) from annual_plan_item where plan_id = ?1", plan));

        // changed: a new title and target
        sessions.put("targetCount", 10);
        sessions.put("title", "每月召开支委会");
        member.api().header("If-Match", etag(2)).body(sessions).put(path + "/items/" + sessionsId).then()
                .statusCode(200).header("ETag", equalTo(etag(3)))
                .body("items.find { it.id == '" + sessionsId + "' }.targetCount", equalTo(10))
                .body("items.find { it.id == '" + sessionsId + "' }.title", equalTo("每月召开支委会"));
        // ticked done by its owner, undone and ticked again
        JsonPath ticked = member.api().header("If-Match", etag(3)).body(evidence())
                .post(path + "/items/" + visitId + "/completion").then().statusCode(200).extract().jsonPath();
        String done = "items.find { it.id == '" + visitId + "' }";
        assertEquals(true, ticked.getBoolean(done + ".progress.met"));
        assertEquals(member.accountId(), ticked.getString(done + ".doneBy"));
        assertEquals(List.of("https://www.12371.cn/a.shtml"), ticked.getList(done + ".evidenceLinks"));
        assertEquals(1, ticked.getInt("itemsMet"));
        member.api().header("If-Match", etag(4)).delete(path + "/items/" + visitId + "/completion").then()
                .statusCode(200).body(done + ".progress.met", equalTo(false)).body(done + ".evidence", nullValue());
        problem(member.api().header("If-Match", etag(5)).delete(path + "/items/" + visitId + "/completion").then(),
                409, "ANNUAL_PLAN_ITEM_STATE_CONFLICT");
        member.api().header("If-Match", etag(5)).body(evidence()).post(path + "/items/" + visitId + "/completion")
                .then().statusCode(200);

        // the summary, then submission: no more edits
        problem(member.api().header("If-Match", etag(6)).post(path + "/submission").then(), 422,
                "ANNUAL_PLAN_SUMMARY_MISSING");
        member.api().header("If-Match", etag(6)).body(Map.of("text", "全年召开支委会 10 次。")).put(path + "/summary")
                .then().statusCode(200).body("summary", equalTo("全年召开支委会 10 次。"));
        member.api().header("If-Match", etag(7)).post(path + "/submission").then().statusCode(200)
                .header("ETag", equalTo(etag(8))).body("state", equalTo("SUBMITTED"));
        problem(member.api().header("If-Match", etag(8)).body(item("OTHER", null, 1, null)).post(path + "/items")
                .then(), 409, "ANNUAL_PLAN_SUBMITTED");
        problem(member.api().header("If-Match", etag(8)).body(Map.of("text", "改")).put(path + "/summary").then(),
                409, "ANNUAL_PLAN_SUBMITTED");
        problem(member.api().header("If-Match", etag(8)).delete(path + "/items/" + sessionsId).then(), 409,
                "ANNUAL_PLAN_SUBMITTED");
        problem(member.api().header("If-Match", etag(8)).post(path + "/submission").then(), 409,
                "ANNUAL_PLAN_STATE_CONFLICT");

        // the unit above returns it with a note: editable again
        problem(reviewer(tree).body(Map.of("decision", "RETURNED")).post(path + "/review").then(), 422,
                "ANNUAL_PLAN_NOTE_REQUIRED");
        reviewer(tree).body(Map.of("decision", "RETURNED", "note", "请补充党课开展情况")).post(path + "/review").then()
                .statusCode(200).body("state", equalTo("RETURNED")).body("reviews.decision", equalTo(List.of(
                        "RETURNED"))).body("reviews[0].note", equalTo("请补充党课开展情况"));
        member.api().header("If-Match", etag(9)).delete(path + "/items/" + sessionsId).then().statusCode(200)
                .body("items.size()", equalTo(1));
        member.api().header("If-Match", etag(10)).post(path + "/submission").then().statusCode(200);
        JsonPath approved = reviewer(tree).body(Map.of("decision", "APPROVED")).post(path + "/review").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("APPROVED", approved.getString("state"));
        assertEquals(List.of("RETURNED", "APPROVED"), approved.getList("reviews.decision"));
        problem(reviewer(tree).body(Map.of("decision", "RETURNED", "note", "再改")).post(path + "/review").then(), 409,
                "ANNUAL_PLAN_STATE_CONFLICT");
        problem(member.api().header("If-Match", etag(12)).body(Map.of("text", "改")).put(path + "/summary").then(),
                409, "ANNUAL_PLAN_SUBMITTED");
        member.api().get(path).then().statusCode(200).header("ETag", equalTo(etag(12)))
                .body("state", equalTo("APPROVED")).body("summary", equalTo("全年召开支委会 10 次。"));
        assertEquals(2, Sql.count("select count(*) from annual_plan_review where plan_id = ?1", plan));
    }

    @Test
    void theBranchHasItsOwnPlanAndItsPlansAreListed() {
        PlanFixtures.Tree tree = PlanFixtures.tree();
        JsonPath own = tree.secretaryApi().body(planBody(tree.branch(), year(), null)).post("/v1/annual-plans").then()
                .statusCode(201).body("ownerId", nullValue()).extract().jsonPath();
        problem(admin().body(planBody(tree.branch(), year(), null)).post("/v1/annual-plans").then(), 409,
                "ANNUAL_PLAN_EXISTS").body("detail", containsString(own.getString("id")));
        String secretarys = PlanFixtures.plan(tree.branch(), tree.secretary().personId()).getString("id");
        String lastYear = admin().body(planBody(tree.branch(), year() - 1, null)).post("/v1/annual-plans").then()
                .statusCode(201).extract().path("id");
        // an item of the branch's own plan has no owner unless named
        JsonPath withItem = PlanFixtures.addItem(own.getString("id"), item("OTHER", null, 1, null));
        assertEquals(null, withItem.getString("items[0].ownerId"));
        // the branch's members see them: this year's, then last year's; a page at a time
        StudyFixtures.Member member = StudyFixtures.member(tree.branch());
        JsonPath first = member.api().queryParam("unitId", tree.branch()).queryParam("limit", 2)
                .get("/v1/annual-plans").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(own.getString("id"), secretarys), first.getList("items.id"));
        assertEquals(List.of(1, 0), first.getList("items.itemCount"));
        member.api().queryParam("unitId", tree.branch()).queryParam("cursor", first.getString("nextCursor"))
                .get("/v1/annual-plans").then().statusCode(200).body("items.id", equalTo(List.of(lastYear)))
                .body("nextCursor", nullValue());
        member.api().queryParam("unitId", tree.branch()).queryParam("year", year() - 1).get("/v1/annual-plans").then()
                .statusCode(200).body("items.id", equalTo(List.of(lastYear)));
        problem(member.api().queryParam("unitId", tree.branch()).queryParam("year", "1999").get("/v1/annual-plans")
                .then(), 400, "INVALID_PARAMETER");
        problem(member.api().get("/v1/annual-plans").then(), 400, "INVALID_PARAMETER");
    }
}
