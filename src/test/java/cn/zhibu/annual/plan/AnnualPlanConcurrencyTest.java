package cn.zhibu.annual.plan;

import static cn.zhibu.annual.plan.PlanFixtures.admin;
import static cn.zhibu.annual.plan.PlanFixtures.etag;
import static cn.zhibu.annual.plan.PlanFixtures.planBody;
import static cn.zhibu.testing.Race.race;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Plans made, submitted and reviewed twice at once: one wins, the other is told why, the data stays whole. */
@QuarkusTest
class AnnualPlanConcurrencyTest {

    @Test
    void twoPlansOfTheSameOwnerAndYearAtOnceMakeOne() throws Exception {
        PlanFixtures.Tree tree = PlanFixtures.tree();
        for (int year = 2030; year < 2034; year++) {
            List<Callable<Response>> requests = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                RequestSpecification caller = admin().body(planBody(tree.branch(), year, tree.secretary().personId()));
                requests.add(() -> caller.post("/v1/annual-plans"));
            }
            List<Response> responses = race(requests);
            assertEquals(List.of(201, 409), responses.stream().map(Response::statusCode).sorted().toList());
            assertEquals(1, Sql.count("select count(*) from annual_plan where unit_id = ?1 and year = ?2",
                    java.util.UUID.fromString(tree.branch()), year));
        }
    }

    @Test
    void twoSubmissionsAtOnceSubmitOnceAndTwoReviewsAtOnceDecideOnce() throws Exception {
        PlanFixtures.Tree tree = PlanFixtures.tree();
        for (int year = 2040; year < 2044; year++) {
            String plan = admin().body(planBody(tree.branch(), year, null)).post("/v1/annual-plans").then()
                    .statusCode(201).extract().path("id");
            String path = "/v1/annual-plans/" + plan;
            admin().header("If-Match", etag(0)).body(Map.of("text", "全年完成计划各项任务。")).put(path + "/summary").then()
                    .statusCode(200);
            List<Callable<Response>> submissions = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                RequestSpecification caller = admin().header("If-Match", etag(1));
                submissions.add(() -> caller.post(path + "/submission"));
            }
            List<Response> submitted = race(submissions);
            assertEquals(List.of(200, 412), submitted.stream().map(Response::statusCode).sorted().toList());

            List<Callable<Response>> reviews = new ArrayList<>();
            RequestSpecification approve = PlanFixtures.reviewer(tree).body(Map.of("decision", "APPROVED"));
            RequestSpecification giveBack = PlanFixtures.reviewer(tree).body(Map.of("decision", "RETURNED", "note",
                    "请补充"));
            reviews.add(() -> approve.post(path + "/review"));
            reviews.add(() -> giveBack.post(path + "/review"));
            List<Response> reviewed = race(reviews);
            assertEquals(List.of(200, 409), reviewed.stream().map(Response::statusCode).sorted().toList());
            Response loser = reviewed.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            assertEquals("ANNUAL_PLAN_STATE_CONFLICT", loser.path("code"));
            String state = reviewed.get(0).statusCode() == 200 ? "APPROVED" : "RETURNED";
            assertEquals(1, Sql.count("select count(*) from annual_plan_review where plan_id = ?1", plan));
            assertEquals(1, Sql.count("select count(*) from annual_plan where id = ?1 and state = ?2", plan, state));
        }
    }
}
