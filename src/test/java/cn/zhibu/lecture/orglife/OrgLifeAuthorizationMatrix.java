package cn.zhibu.lecture.orglife;

import static cn.zhibu.lecture.orglife.OrgLifeFixtures.admin;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.etag;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.evidence;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.itemBody;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.problemBody;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.identity.AuthorizationMatrixTest.Operation;
import cn.zhibu.identity.AuthorizationMatrixTest.Tree;
import cn.zhibu.platform.security.Roles;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The organisational life operations in the authorisation matrix ({@link AuthorizationMatrixTest}): problem lists,
 * rectification lists and a unit's rectification items. The matrix's callers are staff accounts without a person:
 * closing one's own item as its owner is covered by {@link RectificationsApiTest}.
 */
public final class OrgLifeAuthorizationMatrix {

    private OrgLifeAuthorizationMatrix() {
    }

    public static List<Operation> operations() {
        List<String> everyone = AuthorizationMatrixTest.ROLES;
        List<String> managers = List.of(Roles.SECRETARY, Roles.ORG_ADMIN);
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation("createOrgLifeProblem", t -> r -> r.body(problemBody("MEMBER", t.person(),
                "SELF_EXAMINATION")).post("/v1/party-days/" + meeting(t) + "/problems"), managers, 201, 404));
        ops.add(new Operation("listOrgLifeProblems", t -> r -> r.get("/v1/party-days/" + meeting(t) + "/problems"),
                everyone, 200, 404));
        ops.add(new Operation("createRectification", t -> r -> r.body(itemBody(t.person(), LocalDate.of(2099, 1, 1)))
                .post("/v1/party-days/" + meeting(t) + "/rectifications"), managers, 201, 404));
        ops.add(new Operation("listSessionRectifications", t -> r -> r.get("/v1/party-days/" + meeting(t)
                + "/rectifications"), everyone, 200, 404));
        ops.add(new Operation("getRectification", t -> r -> r.get(item(t, false)), everyone, 200, 404));
        ops.add(new Operation("changeRectification", t -> r -> r.header("If-Match", etag(0))
                .body(itemBody(t.person(), LocalDate.of(2099, 2, 1))).put(item(t, false)), managers, 200, 404));
        ops.add(new Operation("closeRectification", t -> r -> r.header("If-Match", etag(0)).body(evidence())
                .post(item(t, false) + "/close"), managers, 200, 404));
        ops.add(new Operation("reopenRectification", t -> r -> r.header("If-Match", etag(1))
                .post(item(t, true) + "/reopen"), managers, 200, 404));
        ops.add(new Operation("listRectifications(unitId)", t -> r -> r.queryParam("unitId", t.branch())
                .get("/v1/rectifications"), everyone, 200, 404));
        // without a unit: the caller's own person's branch, which these accounts have none of
        ops.add(new Operation("listRectifications", t -> r -> r.get("/v1/rectifications"), everyone, 400, 400));
        return ops;
    }

    /** A fresh organisational life meeting of the tree's branch, in a week. */
    private static String meeting(Tree tree) {
        return OrgLifeFixtures.session(tree.branch(), "ORG_LIFE_MEETING", Duration.ofDays(7)).extract().path("id");
    }

    /** The path of a fresh item of a fresh meeting, owned by the tree's person; closed (version 1) if asked. */
    private static String item(Tree tree, boolean done) {
        JsonPath item = admin().body(itemBody(tree.person(), LocalDate.of(2099, 1, 1)))
                .post("/v1/party-days/" + meeting(tree) + "/rectifications").then().statusCode(201).extract()
                .jsonPath();
        String path = "/v1/party-days/" + item.getString("partyDayId") + "/rectifications/" + item.getString("id");
        if (done) {
            admin().header("If-Match", etag(0)).body(evidence()).post(path + "/close").then().statusCode(200);
        }
        return path;
    }
}
