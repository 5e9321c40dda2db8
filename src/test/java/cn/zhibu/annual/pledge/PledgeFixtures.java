package cn.zhibu.annual.pledge;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Pledges made over the API for tests. */
public final class PledgeFixtures {

    static final List<String> STANDARDS = List.of("坚定理想信念，做到对党忠诚", "坚持公道正派，做到清正廉洁",
            "坚持学习不懈，做到本领过硬");

    private PledgeFixtures() {
    }

    public static RequestSpecification secretary(String branch) {
        return Api.as("pledge-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    public static RequestSpecification admin() {
        return Api.as("org-admin", Roles.ORG_ADMIN);
    }

    public static Map<String, Object> body(String unit, int year) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unit);
        body.put("year", year);
        body.put("title", "争做一名新时代的优秀组工干部的倡议书");
        body.put("text", "为深入学习贯彻新时代党的组织路线，我们倡议：\n做到以下几条。");
        body.put("standards", new ArrayList<>(STANDARDS));
        return body;
    }

    /** A pledge of the branch and year made by an org admin: its answer. */
    public static ValidatableResponse pledge(String branch, int year) {
        return admin().body(body(branch, year)).post("/v1/pledges").then().statusCode(201);
    }

    public static String pledgeId(String branch, int year) {
        return pledge(branch, year).extract().path("id");
    }

    /** A self-assessment of every standard of the fixtures' pledges. */
    public static Map<String, Object> assessment(int standards) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 1; i <= standards; i++) {
            items.add(Map.of("standard", i, "text", "第" + i + "条：全年认真践行。", "grade", "KEPT"));
        }
        return Map.of("standards", items);
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
