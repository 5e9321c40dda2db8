package cn.zhibu.points.file;

import static cn.zhibu.testing.OrgFixtures.unit;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
                .body("version", nullValue()).header("ETag", nullValue());
        Response committees = put(Api.as("org-admin", Roles.ORG_ADMIN), committee, List.of(band("优秀", 90),
                band("合格", 10)));
        committees.then().statusCode(200).header("ETag", notNullValue()).body("source", equalTo("OWN"))
                .body("version", notNullValue());
        assertEquals(committees.header("ETag"), "\"" + committees.path("version") + "\"", "the ETag is the version");
        secretary().get(BANDS + group).then().statusCode(200).body("source", equalTo("INHERITED"))
                .body("sourceUnitId", equalTo(committee)).body("bands.minPoints", contains(90, 10))
                .header("ETag", nullValue());

        // the branch's own: first without If-Match, then changes with it
        String first = put(secretary(), branch, List.of(band("A", 70), band("B", 30), band("C", 0))).then()
                .statusCode(200).body("source", equalTo("OWN")).body("sourceUnitId", equalTo(branch)).extract()
                .header("ETag");
        secretary().get(BANDS + branch).then().statusCode(200).header("ETag", first)
                .body("bands.name", contains("A", "B", "C"));
        secretary().header("If-None-Match", first).get(BANDS + branch).then().statusCode(304);
        problem(put(secretary(), branch, List.of(band("A", 75))).then(), 428, "PRECONDITION_REQUIRED");
        problem(put(secretary().header("If-Match", "\"7\""), branch, List.of(band("A", 75))).then(), 412,
                "PRECONDITION_FAILED");
        String second = put(secretary().header("If-Match", first), branch, List.of(band("甲", 75), band("乙", 5)))
                .then().statusCode(200).body("bands.name", contains("甲", "乙")).extract().header("ETag");
        assertNotEquals(first, second);
        problem(put(secretary().header("If-Match", first), branch, List.of(band("A", 75))).then(), 412,
                "PRECONDITION_FAILED");
        secretary().get(BANDS + group).then().statusCode(200).body("source", equalTo("INHERITED"))
                .body("sourceUnitId", equalTo(branch)).body("bands.name", contains("甲", "乙"));
        // removed: the branch inherits again
        problem(secretary().delete(BANDS + branch).then(), 428, "PRECONDITION_REQUIRED");
        problem(secretary().header("If-Match", first).delete(BANDS + branch).then(), 412, "PRECONDITION_FAILED");
        secretary().header("If-Match", second).delete(BANDS + branch).then().statusCode(200)
                .body("source", equalTo("INHERITED")).body("sourceUnitId", equalTo(committee));
        problem(secretary().header("If-Match", second).delete(BANDS + branch).then(), 404, "NOT_FOUND");
        // made anew without If-Match; If-Match naming bands that no longer exist fails
        problem(put(secretary().header("If-Match", second), branch, List.of(band("A", 1))).then(), 412,
                "PRECONDITION_FAILED");
        put(secretary(), branch, List.of(band("A", 1))).then().statusCode(200).header("ETag", notNullValue());
    }

    @Test
    void bandsRemovedAndSetAgainNeverMatchATagReadBefore() {
        String before = put(secretary(), branch, List.of(band("A", 70))).then().statusCode(200).extract()
                .header("ETag");
        secretary().header("If-Match", before).delete(BANDS + branch).then().statusCode(200);
        // set again: a new set, whose tag is not the one read before it was removed
        String after = put(secretary(), branch, List.of(band("B", 20))).then().statusCode(200).extract()
                .header("ETag");
        assertNotEquals(before, after);
        secretary().header("If-None-Match", before).get(BANDS + branch).then().statusCode(200)
                .header("ETag", after).body("bands.name", contains("B"));
        problem(put(secretary().header("If-Match", before), branch, List.of(band("C", 30))).then(), 412,
                "PRECONDITION_FAILED");
        problem(secretary().header("If-Match", before).delete(BANDS + branch).then(), 412, "PRECONDITION_FAILED");
        secretary().get(BANDS + branch).then().statusCode(200).body("bands.name", contains("B"));
        secretary().header("If-None-Match", after).get(BANDS + branch).then().statusCode(304);
    }

    @Test
    void aChangeAndARemovalSentTogetherRunOneAfterTheOther() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                String tag = put(secretary(), group, List.of(band("A", 10 + round))).then().statusCode(200).extract()
                        .header("ETag");
                Future<Response> change = pool.submit(() -> put(secretary().header("If-Match", tag), group,
                        List.of(band("改", 50))));
                Future<Response> removal = pool.submit(() -> secretary().header("If-Match", tag)
                        .delete(BANDS + group));
                List<Integer> statuses = new ArrayList<>(List.of(change.get().statusCode(), removal.get().statusCode()));
                java.util.Collections.sort(statuses);
                assertEquals(List.of(200, 412), statuses, "round " + round + ": one wins, the other is stale");
                Response now = secretary().get(BANDS + group);
                if (change.get().statusCode() == 200) {
                    now.then().statusCode(200).body("source", equalTo("OWN")).body("bands.name", contains("改"));
                    secretary().header("If-Match", now.header("ETag")).delete(BANDS + group).then().statusCode(200);
                } else {
                    now.then().statusCode(200).body("source", equalTo("DEFAULT"));
                }
            }
        } finally {
            pool.shutdownNow();
        }
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
