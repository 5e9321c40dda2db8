package cn.zhibu.annual.plan;

import static cn.zhibu.annual.plan.PlanFixtures.admin;
import static cn.zhibu.annual.plan.PlanFixtures.etag;
import static cn.zhibu.annual.plan.PlanFixtures.evidence;
import static cn.zhibu.annual.plan.PlanFixtures.item;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.identity.AuthorizationMatrixTest.Operation;
import cn.zhibu.identity.AuthorizationMatrixTest.Tree;
import cn.zhibu.platform.security.Roles;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The annual plan operations in the authorisation matrix ({@link AuthorizationMatrixTest}). Nobody inside the branch
 * reviews its plans (the unit above does: see {@link PlanReviewAuthorizationApiTest}); the matrix's callers are staff
 * accounts without a person, so a committee member's own plan and an item's owner are covered there too.
 */
public final class PlanAuthorizationMatrix {

    /** Per branch: how many plans of it the matrix has made (each call needs a fresh year or owner). */
    private static final Map<String, AtomicInteger> SLOTS = new ConcurrentHashMap<>();
    private static final Set<String> COMMITTEES = ConcurrentHashMap.newKeySet();

    private PlanAuthorizationMatrix() {
    }

    public static List<Operation> operations() {
        List<String> everyone = AuthorizationMatrixTest.ROLES;
        List<String> managers = List.of(Roles.SECRETARY, Roles.ORG_ADMIN);
        List<Operation> ops = new ArrayList<>();
        // a unit named in the body that the caller cannot see is refused like one that does not exist (422)
        ops.add(new Operation("createAnnualPlan", t -> r -> r.body(fresh(t)).post("/v1/annual-plans"), managers, 201,
                422));
        ops.add(new Operation("listAnnualPlans(unitId)", t -> r -> r.queryParam("unitId", t.branch())
                .get("/v1/annual-plans"), everyone, 200, 404));
        ops.add(new Operation("getAnnualPlan", t -> r -> r.get("/v1/annual-plans/" + plan(t)), everyone, 200, 404));
        ops.add(new Operation("addAnnualPlanItem", t -> r -> r.header("If-Match", etag(0))
                .body(item("OTHER", null, 1, null)).post("/v1/annual-plans/" + plan(t) + "/items"), managers, 201,
                404));
        ops.add(new Operation("changeAnnualPlanItem", t -> r -> r.header("If-Match", etag(1))
                .body(item("OTHER", null, 2, null)).put(itemPath(t, false)), managers, 200, 404));
        ops.add(new Operation("deleteAnnualPlanItem", t -> r -> r.header("If-Match", etag(1))
                .delete(itemPath(t, false)), managers, 200, 404));
        ops.add(new Operation("completeAnnualPlanItem", t -> r -> r.header("If-Match", etag(1)).body(evidence())
                .post(itemPath(t, false) + "/completion"), managers, 200, 404));
        ops.add(new Operation("undoAnnualPlanItemCompletion", t -> r -> r.header("If-Match", etag(2))
                .delete(itemPath(t, true) + "/completion"), managers, 200, 404));
        ops.add(new Operation("putAnnualPlanSummary", t -> r -> r.header("If-Match", etag(0))
                .body(Map.of("text", "全年完成计划各项任务。")).put("/v1/annual-plans/" + plan(t) + "/summary"), managers, 200,
                404));
        ops.add(new Operation("submitAnnualPlan", t -> r -> r.header("If-Match", etag(1))
                .post("/v1/annual-plans/" + summed(t) + "/submission"), managers, 200, 404));
        ops.add(new Operation("reviewAnnualPlan", t -> r -> r.body(Map.of("decision", "APPROVED"))
                .post("/v1/annual-plans/" + submitted(t) + "/review"), List.of(), 200, 404));
        return ops;
    }

    /**
     * A body for a plan of the tree's branch no other has: the branch's own or its committee member's (the tree's
     * person, put on the committee once), of a year not used yet for that owner.
     */
    private static Map<String, Object> fresh(Tree tree) {
        if (COMMITTEES.add(tree.branch())) {
            PlanFixtures.committee(tree.branch(), tree.person());
        }
        int slot = SLOTS.computeIfAbsent(tree.branch(), b -> new AtomicInteger()).getAndIncrement();
        return PlanFixtures.planBody(tree.branch(), 2100 - slot / 2, slot % 2 == 0 ? null : tree.person());
    }

    /** A fresh DRAFT plan of the tree's branch, at version 0: its id. */
    private static String plan(Tree tree) {
        return admin().body(fresh(tree)).post("/v1/annual-plans").then().statusCode(201).extract().path("id");
    }

    /** A fresh plan with its summary, at version 1. */
    private static String summed(Tree tree) {
        String plan = plan(tree);
        admin().header("If-Match", etag(0)).body(Map.of("text", "全年完成计划各项任务。"))
                .put("/v1/annual-plans/" + plan + "/summary").then().statusCode(200);
        return plan;
    }

    private static String submitted(Tree tree) {
        String plan = summed(tree);
        admin().header("If-Match", etag(1)).post("/v1/annual-plans/" + plan + "/submission").then().statusCode(200);
        return plan;
    }

    /** The path of an OTHER item of a fresh plan (version 1); ticked done (version 2) if asked. */
    private static String itemPath(Tree tree, boolean done) {
        String plan = plan(tree);
        JsonPath read = admin().header("If-Match", etag(0)).body(item("OTHER", null, 1, null))
                .post("/v1/annual-plans/" + plan + "/items").then().statusCode(201).extract().jsonPath();
        String path = "/v1/annual-plans/" + plan + "/items/" + read.getString("items[0].id");
        if (done) {
            admin().header("If-Match", etag(1)).body(evidence()).post(path + "/completion").then().statusCode(200);
        }
        return path;
    }
}
