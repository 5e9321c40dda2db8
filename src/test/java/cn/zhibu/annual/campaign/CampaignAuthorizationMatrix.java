package cn.zhibu.annual.campaign;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.identity.AuthorizationMatrixTest.Operation;
import cn.zhibu.identity.AuthorizationMatrixTest.Tree;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The campaign engine's operations in the authorisation matrix ({@link AuthorizationMatrixTest}). The matrix's
 * callers are staff accounts without a person: taking part (reports, ballots) refuses them with 403
 * CAMPAIGN_NOT_A_PERSON inside, and their own ballots are an empty list. Members and other readers see results only
 * once a campaign is closed (409 CAMPAIGN_RESULTS_NOT_PUBLISHED on an open one).
 */
public final class CampaignAuthorizationMatrix {

    private CampaignAuthorizationMatrix() {
    }

    public static List<Operation> operations() {
        List<String> everyone = AuthorizationMatrixTest.ROLES;
        List<String> managers = List.of(Roles.SECRETARY, Roles.ORG_ADMIN);
        List<String> nobody = List.of();
        Map<String, Integer> unpublished = Map.of(Roles.MEMBER, 409, Roles.GROUP_LEADER, 409,
                Roles.INTEGRITY_OFFICER, 409);
        List<Operation> ops = new java.util.ArrayList<>();
        // a unit named in the body that the caller cannot see is refused like an unknown one (422)
        ops.add(new Operation("createCampaign", t -> r -> r.body(appraisal(t, ahead(), 3600)).post("/v1/campaigns"),
                managers, 201, 422));
        ops.add(new Operation("listCampaigns", t -> r -> r.queryParam("unitId", t.branch()).get("/v1/campaigns"),
                everyone, 200, 404));
        ops.add(new Operation("getCampaign", t -> r -> r.get("/v1/campaigns/" + appraisal(t)), everyone, 200, 404));
        ops.add(new Operation("changeCampaign", t -> r -> {
            Map<String, Object> body = appraisal(t, ahead(), 3600);
            String id = create(body);
            return r.header("If-Match", "\"0\"").body(Map.of("title", "改名", "stages", body.get("stages")))
                    .put("/v1/campaigns/" + id);
        }, managers, 200, 404));
        ops.add(new Operation("cancelCampaign", t -> r -> r.header("If-Match", "\"0\"")
                .post("/v1/campaigns/" + appraisal(t) + "/cancellation"), managers, 200, 404));
        // a report review whose rating closed an hour ago (an appraisal would need every grade decided first)
        ops.add(new Operation("closeCampaign", t -> r -> r.header("If-Match", "\"0\"").post("/v1/campaigns/"
                + review(t, TestTime.now().minus(Duration.ofHours(3))) + "/closing"), managers, 200, 404));
        ops.add(new Operation("writeCampaignReport", t -> r -> r.body(Map.of("text", "述职报告"))
                .put("/v1/campaigns/" + review(t) + "/reports/" + t.person()), nobody, 200, 404));
        ops.add(new Operation("listCampaignReports", t -> r -> r.get("/v1/campaigns/" + review(t) + "/reports"),
                everyone, 200, 404));
        ops.add(new Operation("castCampaignBallot", t -> r -> r.body(Map.of("grade", "好"))
                .put("/v1/campaigns/" + open(t) + "/ballots/PEER_EVALUATION/" + t.person()), nobody, 200, 404));
        ops.add(new Operation("withdrawCampaignBallot", t -> r -> r.delete("/v1/campaigns/" + open(t)
                + "/ballots/PEER_EVALUATION/" + t.person()), nobody, 204, 404));
        ops.add(new Operation("listMyCampaignBallots", t -> r -> r.get("/v1/campaigns/" + appraisal(t)
                + "/my-ballots"), everyone, 200, 404));
        ops.add(new Operation("getCampaignResults", t -> r -> r.get("/v1/campaigns/" + appraisal(t) + "/results"),
                managers, 200, 404).refusedInside(unpublished));
        return ops;
    }

    private static Instant ahead() {
        return TestTime.now().plus(Duration.ofDays(30));
    }

    /** A member appraisal of the tree's branch, its stages {@code seconds} long one after another from start. */
    private static Map<String, Object> appraisal(Tree tree, Instant start, long seconds) {
        Instant at = start.truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> stages = new java.util.ArrayList<>();
        for (StageKind kind : CampaignType.MEMBER_APPRAISAL.stages()) {
            stages.add(CampaignFixtures.stage(kind.name(), at, at.plusSeconds(seconds)));
            at = at.plusSeconds(seconds);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", tree.branch());
        body.put("year", 2026);
        body.put("type", "MEMBER_APPRAISAL");
        body.put("title", "民主评议党员");
        body.put("scale", List.of("优秀", "合格", "基本合格", "不合格"));
        body.put("stages", stages);
        return body;
    }

    private static String appraisal(Tree tree) {
        return create(appraisal(tree, ahead(), 3600));
    }

    /** An appraisal whose PEER_EVALUATION is open now. */
    private static String open(Tree tree) {
        return create(appraisal(tree, TestTime.now().minus(Duration.ofMinutes(90)), 3600));
    }

    /** A report review whose reporter is the tree's person, REPORTING open now. */
    private static String review(Tree tree) {
        return review(tree, TestTime.now().minus(Duration.ofMinutes(30)));
    }

    /** A report review of the tree's person whose reporting opens at {@code opens}, an hour each stage. */
    private static String review(Tree tree, Instant opens) {
        Instant start = opens.truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new HashMap<>(appraisal(tree, start, 3600));
        body.put("type", "REPORT_REVIEW");
        body.put("reporters", List.of(tree.person()));
        body.put("stages", List.of(CampaignFixtures.stage("REPORTING", start, start.plusSeconds(3600)),
                CampaignFixtures.stage("PEER_EVALUATION", start.plusSeconds(3600), start.plusSeconds(7200))));
        return create(body);
    }

    private static String create(Map<String, Object> body) {
        return Api.as("org-admin", Roles.ORG_ADMIN).body(body).post("/v1/campaigns").then().statusCode(201).extract()
                .path("id");
    }
}
