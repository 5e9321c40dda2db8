package cn.zhibu.points;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestTime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Scoring rules, people with external ids and API client tokens for points tests. */
public final class PointsFixtures {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private PointsFixtures() {
    }

    public static LocalDate today() {
        return TestTime.today();
    }

    /**
     * A rule version from a date that may be in the past (the API makes versions from today on only),
     * written as demo data is.
     */
    public static void rule(String unitId, ActivityType type, LocalDate from, int points, Integer dailyCap,
            Integer weeklyCap) {
        rule(unitId, type, from, points, dailyCap, weeklyCap, null);
    }

    /** As above, with a most number of occurrences that earn points. */
    public static void rule(String unitId, ActivityType type, LocalDate from, int points, Integer dailyCap,
            Integer weeklyCap, Integer maxCount) {
        QuarkusTransaction.requiringNew().run(() -> {
            ScoringRule rule = new ScoringRule();
            rule.id = UUID.randomUUID();
            rule.unitId = UUID.fromString(unitId);
            rule.activityType = type;
            rule.version = (int) ScoringRule.count("unitId = ?1 and activityType = ?2", rule.unitId, type) + 1;
            rule.effectiveFrom = from;
            rule.points = points;
            rule.dailyCap = dailyCap;
            rule.weeklyCap = weeklyCap;
            rule.maxCount = maxCount;
            rule.createdBy = "test";
            rule.createdAt = TestTime.now();
            rule.persist();
        });
    }

    /** A person of the branch with this external id. */
    public static String person(String name, String externalId, String branch) {
        Map<String, Object> body = new HashMap<>(OrgFixtures.personBody(name, branch));
        body.put("externalId", externalId);
        return Api.as("org-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/v1/people").then().statusCode(201).extract().path("id");
    }

    /** An access token of a new API client with these scopes on the unit. */
    public static String clientToken(String unitId, String... scopes) {
        Map<String, Object> body = Map.of("name", "脚本" + UUID.randomUUID().toString().substring(0, 6), "scopes",
                List.of(scopes), "unitId", unitId);
        Map<?, ?> created = Api.as("org-admin", Roles.ORG_ADMIN).body(body).post("/v1/api-clients").then()
                .statusCode(201).extract().as(Map.class);
        String clientId = (String) ((Map<?, ?>) created.get("client")).get("clientId");
        return Api.anonymous().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", created.get("clientSecret"))
                .post("/v1/oauth2/token").then().statusCode(200).extract().path("access_token");
    }
}
