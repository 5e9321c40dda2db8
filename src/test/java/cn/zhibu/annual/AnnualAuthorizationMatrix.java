package cn.zhibu.annual;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.identity.AuthorizationMatrixTest.Operation;
import cn.zhibu.identity.AuthorizationMatrixTest.Tree;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestTime;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pledges and honours in the authorisation matrix ({@link AuthorizationMatrixTest}). The matrix's callers are staff
 * accounts without a person: signing and assessing, a person's own, refuse them inside with 403
 * PLEDGE_NOT_A_PERSON, and nobody is allowed them here (their own tests sign as members).
 */
public final class AnnualAuthorizationMatrix {

    private static final AtomicInteger YEARS = new AtomicInteger(2040);
    /** Per tree's branch: a pledge signed by a member (its id and the member's person id), and an unsigned one. */
    private static final Map<String, String[]> SIGNED = new ConcurrentHashMap<>();
    private static final Map<String, String> UNSIGNED = new ConcurrentHashMap<>();

    private AnnualAuthorizationMatrix() {
    }

    public static List<Operation> operations() {
        List<String> everyone = AuthorizationMatrixTest.ROLES;
        List<String> managers = List.of(Roles.SECRETARY, Roles.ORG_ADMIN);
        List<String> nobody = List.of();
        List<Operation> ops = new ArrayList<>();
        // pledges; a branch named in the body that the caller cannot see is refused like an unknown one (422)
        ops.add(new Operation("createPledge", t -> r -> r.body(pledgeBody(t.branch(), YEARS.getAndIncrement()))
                .post("/v1/pledges"), managers, 201, 422));
        ops.add(new Operation("listPledges", t -> r -> r.queryParam("unitId", t.branch()).get("/v1/pledges"),
                everyone, 200, 404));
        ops.add(new Operation("getPledge", t -> r -> r.get("/v1/pledges/" + signed(t)[0]), everyone, 200, 404));
        ops.add(new Operation("changePledge", t -> r -> {
            String id = unsigned(t);
            String tag = admin().get("/v1/pledges/" + id).then().statusCode(200).extract().header("ETag");
            Map<String, Object> body = pledgeBody(t.branch(), 2000);
            body.remove("unitId");
            body.remove("year");
            return r.header("If-Match", tag).body(body).put("/v1/pledges/" + id);
        }, managers, 200, 404));
        ops.add(new Operation("signPledge", t -> r -> r.post("/v1/pledges/" + unsigned(t) + "/signatures"), nobody,
                201, 404));
        ops.add(new Operation("getMyPledgeSignature", t -> r -> r.get("/v1/pledges/" + signed(t)[0]
                + "/signatures/me"), nobody, 200, 404));
        ops.add(new Operation("listPledgeSignatures", t -> r -> r.get("/v1/pledges/" + signed(t)[0] + "/signatures"),
                managers, 200, 404));
        ops.add(new Operation("getPledgeReview", t -> r -> r.get("/v1/pledges/" + signed(t)[0] + "/reviews/"
                + signed(t)[1]), managers, 200, 404));
        ops.add(new Operation("assessPledge", t -> r -> r.body(assessment()).put("/v1/pledges/" + signed(t)[0]
                + "/reviews/" + signed(t)[1] + "/self-assessment"), nobody, 200, 404));
        ops.add(new Operation("commentPledgeReview", t -> r -> {
            String pledge = signed(t)[0];
            StudyFixtures.Member member = StudyFixtures.member(t.branch());
            member.api().post("/v1/pledges/" + pledge + "/signatures").then().statusCode(201);
            member.api().body(assessment()).put("/v1/pledges/" + pledge + "/reviews/" + member.personId()
                    + "/self-assessment").then().statusCode(200);
            return r.header("If-Match", "\"0\"").body(Map.of("comment", "认真践诺。")).put("/v1/pledges/" + pledge
                    + "/reviews/" + member.personId() + "/comment");
        }, managers, 200, 404));
        ops.add(new Operation("listPersonPledges", t -> r -> r.get("/v1/people/" + t.person() + "/pledges"), managers,
                200, 404));
        // honours; a unit or person named in the body that the caller cannot see is refused like an unknown one
        ops.add(new Operation("createHonour(unit)", t -> r -> r.body(honourBody("unitId", t.branch()))
                .post("/v1/honours"), managers, 201, 422));
        ops.add(new Operation("createHonour(person)", t -> r -> r.body(honourBody("personId", t.person()))
                .post("/v1/honours"), managers, 201, 422));
        ops.add(new Operation("getHonour", t -> r -> r.get("/v1/honours/" + honour(t)), everyone, 200, 404));
        ops.add(new Operation("changeHonour", t -> r -> {
            Map<String, Object> body = honourBody("unitId", null);
            body.remove("unitId");
            return r.header("If-Match", "\"0\"").body(body).put("/v1/honours/" + honour(t));
        }, managers, 200, 404));
        ops.add(new Operation("deleteHonour", t -> r -> r.delete("/v1/honours/" + honour(t)), managers, 204, 404));
        ops.add(new Operation("listUnitHonours", t -> r -> r.get("/v1/org-units/" + t.branch() + "/honours"),
                everyone, 200, 404));
        ops.add(new Operation("listPersonHonours", t -> r -> r.get("/v1/people/" + t.person() + "/honours"),
                everyone, 200, 404));
        return ops;
    }

    private static RequestSpecification admin() {
        return Api.as("org-admin", Roles.ORG_ADMIN);
    }

    private static Map<String, Object> pledgeBody(String branch, int year) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", branch);
        body.put("year", year);
        body.put("title", "争做一名新时代的优秀组工干部的倡议书");
        body.put("text", "我们倡议：");
        body.put("standards", List.of("坚定理想信念，做到对党忠诚", "坚持公道正派，做到清正廉洁"));
        return body;
    }

    private static Map<String, Object> assessment() {
        return Map.of("standards", List.of(Map.of("standard", 1, "text", "做到。"), Map.of("standard", 2, "text",
                "做到。", "grade", "KEPT")));
    }

    /** The tree's pledge signed by a member of its branch: its id and the member's person id. */
    private static String[] signed(Tree tree) {
        return SIGNED.computeIfAbsent(tree.branch(), branch -> {
            String id = admin().body(pledgeBody(branch, 2001)).post("/v1/pledges").then().statusCode(201).extract()
                    .path("id");
            StudyFixtures.Member member = StudyFixtures.member(branch);
            member.api().post("/v1/pledges/" + id + "/signatures").then().statusCode(201);
            return new String[] {id, member.personId()};
        });
    }

    /** The tree's pledge nobody signs. */
    private static String unsigned(Tree tree) {
        return UNSIGNED.computeIfAbsent(tree.branch(), branch -> admin().body(pledgeBody(branch, 2002))
                .post("/v1/pledges").then().statusCode(201).extract().path("id"));
    }

    private static Map<String, Object> honourBody(String holder, String id) {
        Map<String, Object> body = new HashMap<>();
        body.put(holder, id);
        body.put("title", "全区先进基层党组织");
        body.put("level", "DISTRICT");
        body.put("year", TestTime.today().getYear() - 1);
        body.put("awardedBy", "中共示范区委");
        return body;
    }

    /** A fresh honour of the tree's person, recorded by an org admin. */
    private static String honour(Tree tree) {
        return admin().body(honourBody("personId", tree.person())).post("/v1/honours").then().statusCode(201)
                .extract().path("id");
    }
}
