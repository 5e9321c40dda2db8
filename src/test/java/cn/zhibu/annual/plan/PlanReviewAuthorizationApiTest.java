package cn.zhibu.annual.plan;

import static cn.zhibu.annual.plan.PlanFixtures.admin;
import static cn.zhibu.annual.plan.PlanFixtures.etag;
import static cn.zhibu.annual.plan.PlanFixtures.evidence;
import static cn.zhibu.annual.plan.PlanFixtures.item;
import static cn.zhibu.annual.plan.PlanFixtures.itemId;
import static cn.zhibu.annual.plan.PlanFixtures.planBody;
import static cn.zhibu.annual.plan.PlanFixtures.year;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who reviews: every role granted on the unit above the branch (only its managers review; the others see the plan
 * but may not), the same roles on another committee (they see nothing), and the branch without a parent, whose own
 * managers review. Who acts as a person: a committee member makes and edits their own plan, not another's; an item's
 * owner ticks it but does not edit the plan; a plain member makes no plan.
 */
@QuarkusTest
class PlanReviewAuthorizationApiTest {

    @Test
    void theManagersOfTheUnitAboveReviewAndNobodyElse() {
        PlanFixtures.Tree tree = PlanFixtures.tree();
        String elsewhere = OrgFixtures.unit("COMMITTEE", null);
        List<String> mismatches = new ArrayList<>();
        for (String role : AuthorizationMatrixTest.ROLES) {
            boolean manager = Roles.SECRETARY.equals(role) || Roles.ORG_ADMIN.equals(role);
            expect(mismatches, role + " above", Api.as("plan-above-" + role, role, UUID.fromString(tree.committee()))
                    .body(Map.of("decision", "APPROVED")).post(review(tree.branch())).statusCode(),
                    manager ? 200 : 403);
            expect(mismatches, role + " on another committee", Api.as("plan-elsewhere-" + role, role,
                    UUID.fromString(elsewhere)).body(Map.of("decision", "APPROVED")).post(review(tree.branch()))
                    .statusCode(), 404);
        }
        assertEquals(List.of(), mismatches);
        // a branch without a parent: its own managers review
        String root = OrgFixtures.unit("BRANCH", null);
        Api.as("plan-root-secretary", Roles.SECRETARY, UUID.fromString(root)).body(Map.of("decision", "APPROVED"))
                .post(review(root)).then().statusCode(200);
        problem(Api.as("plan-root-member", Roles.MEMBER, UUID.fromString(root)).body(Map.of("decision", "APPROVED"))
                .post(review(root)).then(), 403, "ANNUAL_PLAN_NOT_REVIEWER");
        // nobody approves their own plan: the secretary of a root branch, on its committee, has another review it
        StudyFixtures.Member secretary = StudyFixtures.member(root);
        StudyFixtures.grant(secretary, Roles.SECRETARY, root);
        PlanFixtures.committee(root, secretary.personId());
        String own = secretary.api().body(planBody(root, 2099, secretary.personId())).post("/v1/annual-plans").then()
                .statusCode(201).extract().path("id");
        PlanFixtures.submitted(own);
        problem(secretary.api().body(Map.of("decision", "APPROVED")).post("/v1/annual-plans/" + own + "/review")
                .then(), 403, "ANNUAL_PLAN_NOT_REVIEWER");
        Api.as("plan-root-other-secretary", Roles.SECRETARY, UUID.fromString(root))
                .body(Map.of("decision", "APPROVED")).post("/v1/annual-plans/" + own + "/review").then()
                .statusCode(200);
    }

    @Test
    void aCommitteeMemberKeepsTheirOwnPlanAndAnItemsOwnerTicksIt() {
        PlanFixtures.Tree tree = PlanFixtures.tree();
        StudyFixtures.Member colleague = StudyFixtures.member(tree.branch());
        StudyFixtures.Member plain = StudyFixtures.member(tree.branch());
        PlanFixtures.committee(tree.branch(), tree.secretary().personId(), colleague.personId());
        // a plain member makes no plan, neither another's nor their own (they are not on the committee)
        problem(plain.api().body(planBody(tree.branch(), year(), colleague.personId())).post("/v1/annual-plans")
                .then(), 403, "FORBIDDEN");
        problem(plain.api().body(planBody(tree.branch(), year(), plain.personId())).post("/v1/annual-plans").then(),
                422, "ANNUAL_PLAN_OWNER_NOT_COMMITTEE");
        String plan = colleague.api().body(planBody(tree.branch(), year(), colleague.personId()))
                .post("/v1/annual-plans").then().statusCode(201).extract().path("id");
        String path = "/v1/annual-plans/" + plan;
        // the owner adds an item owned by the plain member, who ticks it but may not edit the plan
        Map<String, Object> task = item("OTHER", null, 1, null);
        task.put("ownerId", plain.personId());
        JsonPath read = colleague.api().header("If-Match", etag(0)).body(task).post(path + "/items").then()
                .statusCode(201).extract().jsonPath();
        String item = path + "/items/" + itemId(read, task);
        problem(plain.api().header("If-Match", etag(1)).body(item("OTHER", null, 1, null)).post(path + "/items")
                .then(), 403, "FORBIDDEN");
        problem(plain.api().header("If-Match", etag(1)).body(Map.of("text", "总结")).put(path + "/summary").then(),
                403, "FORBIDDEN");
        plain.api().header("If-Match", etag(1)).body(evidence()).post(item + "/completion").then().statusCode(200);
        plain.api().header("If-Match", etag(2)).delete(item + "/completion").then().statusCode(200);
        // another committee member (the secretary as a person, who manages the branch) may; a plain member may not
        // tick an item that is not theirs
        Map<String, Object> own = item("OTHER", null, 1, null);
        String ownItem = path + "/items/" + itemId(colleague.api().header("If-Match", etag(3)).body(own)
                .post(path + "/items").then().statusCode(201).extract().jsonPath(), own);
        problem(plain.api().header("If-Match", etag(4)).body(evidence()).post(ownItem + "/completion").then(), 403,
                "FORBIDDEN");
        // an owner who does not manage the branch reviews nothing
        colleague.api().header("If-Match", etag(4)).body(Map.of("text", "总结")).put(path + "/summary").then()
                .statusCode(200);
        colleague.api().header("If-Match", etag(5)).post(path + "/submission").then().statusCode(200);
        problem(colleague.api().body(Map.of("decision", "APPROVED")).post(path + "/review").then(), 403,
                "ANNUAL_PLAN_NOT_REVIEWER");
        // outsiders see nothing of it
        StudyFixtures.Member outsider = StudyFixtures.member(OrgFixtures.unit("BRANCH", tree.committee()));
        problem(outsider.api().get(path).then(), 404, "NOT_FOUND");
        problem(outsider.api().body(Map.of("decision", "APPROVED")).post(path + "/review").then(), 404, "NOT_FOUND");
        admin().get(path).then().statusCode(200);
    }

    /** The review path of a fresh submitted plan of the branch (its own plan of a fresh year). */
    private static String review(String branch) {
        int year = 2000 + (int) (Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 100);
        String plan = admin().body(planBody(branch, year, null)).post("/v1/annual-plans").then().extract().path("id");
        if (plan == null) {
            return review(branch);
        }
        PlanFixtures.submitted(plan);
        return "/v1/annual-plans/" + plan + "/review";
    }

    private static void expect(List<String> mismatches, String who, int status, int expected) {
        if (status != expected) {
            mismatches.add(who + ": expected " + expected + ", was " + status);
        }
    }
}
