package cn.zhibu.points.file;

import static cn.zhibu.testing.OrgFixtures.unit;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rating bands over HTTP: the defaults, inheritance, setting and changing with If-Match, validation, who may. */
@QuarkusTest
class RatingBandsApiTest {

    static final String BANDS = "/v1/rating-bands/";

    String committee;
    String branch;
    String group;

    @BeforeEach
    void tree() {
        committee = unit("COMMITTEE", null);
        branch = unit("BRANCH", committee);
        group = unit("PARTY_GROUP", branch);
    }

    RequestSpecification secretary() {
        return Api.as("bands-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    static Map<String, Object> band(String name, int minPoints) {
        return Map.of("name", name, "minPoints", minPoints);
    }

    static Response put(RequestSpecification as, String unit, List<Map<String, Object>> bands) {
        return as.body(Map.of("bands", bands)).put(BANDS + unit);
    }

    @Test
    void defaultsThenInheritedThenOwnBands() {
        secretary().get(BANDS + group).then().statusCode(200)
                .body("unitId", equalTo(group)).body("source", equalTo("DEFAULT")).body("sourceUnitId", nullValue())
                .body("bands.name", contains("优秀", "良好", "合格")).body("bands.minPoints", contains(80, 60, 0))
                .body("version", nullValue());
        put(Api.as("org-admin", Roles.ORG_ADMIN), committee, List.of(band("优秀", 90), band("合格", 10))).then()
                .statusCode(200).header("ETag", "\"0\"").body("source", equalTo("OWN")).body("version", equalTo(0));
        secretary().get(BANDS + group).then().statusCode(200).body("source", equalTo("INHERITED"))
                .body("sourceUnitId", equalTo(committee)).body("bands.minPoints", contains(90, 10));

        // the branch's own: first without If-Match, then changes with it
        put(secretary(), branch, List.of(band("A", 70), band("B", 30), band("C", 0))).then().statusCode(200)
                .header("ETag", "\"0\"").body("source", equalTo("OWN")).body("sourceUnitId", equalTo(branch));
        secretary().get(BANDS + branch).then().statusCode(200).header("ETag", "\"0\"")
                .body("bands.name", contains("A", "B", "C"));
        secretary().header("If-None-Match", "\"0\"").get(BANDS + branch).then().statusCode(304);
        problem(put(secretary(), branch, List.of(band("A", 75))).then(), 428, "PRECONDITION_REQUIRED");
        problem(put(secretary().header("If-Match", "\"7\""), branch, List.of(band("A", 75))).then(), 412,
                "PRECONDITION_FAILED");
        put(secretary().header("If-Match", "\"0\""), branch, List.of(band("甲", 75), band("乙", 5))).then()
                .statusCode(200).header("ETag", "\"1\"").body("bands.name", contains("甲", "乙"))
                .body("version", equalTo(1));
        problem(put(secretary().header("If-Match", "\"0\""), branch, List.of(band("A", 75))).then(), 412,
                "PRECONDITION_FAILED");
        secretary().get(BANDS + group).then().statusCode(200).body("source", equalTo("INHERITED"))
                .body("sourceUnitId", equalTo(branch)).body("bands.name", contains("甲", "乙"));
        // removed: the branch inherits again
        problem(secretary().delete(BANDS + branch).then(), 428, "PRECONDITION_REQUIRED");
        secretary().header("If-Match", "\"1\"").delete(BANDS + branch).then().statusCode(200)
                .body("source", equalTo("INHERITED")).body("sourceUnitId", equalTo(committee));
        problem(secretary().header("If-Match", "\"1\"").delete(BANDS + branch).then(), 404, "NOT_FOUND");
        // made anew without If-Match; If-Match naming a version that no longer exists fails
        problem(put(secretary().header("If-Match", "\"1\""), branch, List.of(band("A", 1))).then(), 412,
                "PRECONDITION_FAILED");
        put(secretary(), branch, List.of(band("A", 1))).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void badBands() {
        problem(put(secretary(), branch, List.of(band("A", 50), band("A", 10))).then(), 422,
                "RATING_BAND_NAMES_REPEATED");
        problem(put(secretary(), branch, List.of(band("A", 50), band("B", 50))).then(), 422,
                "RATING_BANDS_NOT_DESCENDING");
        problem(put(secretary(), branch, List.of(band("A", 10), band("B", 50))).then(), 422,
                "RATING_BANDS_NOT_DESCENDING");
        problem(put(secretary(), branch, List.of()).then(), 400, "VALIDATION_FAILED");
        problem(put(secretary(), branch, List.of(band("A", -1))).then(), 400, "VALIDATION_FAILED")
                .body("errors[0].field", equalTo("bands[0].minPoints"));
        problem(put(secretary(), branch, List.of(band("一二三四五六七八九十一二三四五六七", 1))).then(), 400,
                "VALIDATION_FAILED");
        problem(put(secretary(), branch, List.of(band(" A", 1))).then(), 400, "VALIDATION_FAILED");
        List<Map<String, Object>> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(band("B" + i, 100 - i));
        }
        problem(put(secretary(), branch, eleven).then(), 400, "VALIDATION_FAILED");
        secretary().get(BANDS + branch).then().statusCode(200).body("source", equalTo("DEFAULT"));
    }

    @Test
    void whoMaySetAndRead() {
        String other = unit("BRANCH", committee);
        problem(put(Api.as("bands-member", Roles.MEMBER, UUID.fromString(branch)), branch, List.of(band("A", 1)))
                .then(), 403, "FORBIDDEN");
        problem(put(Api.as("bands-leader", Roles.GROUP_LEADER, UUID.fromString(branch)), branch,
                List.of(band("A", 1))).then(), 403, "FORBIDDEN");
        problem(put(Api.as("bands-outsider", Roles.SECRETARY, UUID.fromString(other)), branch, List.of(band("A", 1)))
                .then(), 404, "NOT_FOUND");
        problem(put(secretary(), committee, List.of(band("A", 1))).then(), 404, "NOT_FOUND");
        problem(put(Api.anonymous(), branch, List.of(band("A", 1))).then(), 401, "UNAUTHENTICATED");
        problem(secretary().get(BANDS + UUID.randomUUID()).then(), 404, "NOT_FOUND");
        problem(Api.as("bands-outsider", Roles.SECRETARY, UUID.fromString(other)).get(BANDS + branch).then(), 404,
                "NOT_FOUND");
        Api.as("bands-member", Roles.MEMBER, UUID.fromString(branch)).get(BANDS + branch).then().statusCode(200);
        put(secretary(), group, List.of(band("A", 1))).then().statusCode(200);
    }
}
