package cn.zhibu.lecture;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Party days: planned one by one or as a series, changed under If-Match, confirmed, held or cancelled. */
@QuarkusTest
class PartyDaysApiTest {

    static RequestSpecification secretary(String branch) {
        return Api.as("party-day-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    static Map<String, Object> body(String branch, String startsAt, String endsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("branchId", branch);
        body.put("kind", "THEMED_PARTY_DAY");
        body.put("startsAt", startsAt);
        body.put("endsAt", endsAt);
        body.put("theme", "学习贯彻党的二十届三中全会精神");
        body.put("place", "三楼会议室");
        body.put("lectureSlots", 2);
        return body;
    }

    @Test
    void aSecretaryPlansChangesConfirmsAndCancelsASession() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String group = OrgFixtures.unit("PARTY_GROUP", branch);
        ExtractableResponse<Response> created = secretary(branch)
                .body(body(branch, "2027-03-26T14:30:00+08:00", "2027-03-26T16:30:00+08:00"))
                .post("/v1/party-days").then().statusCode(201).header("ETag", "\"0\"")
                .body("state", equalTo("PLANNED")).body("heldOn", equalTo("2027-03-26"))
                .body("lectures", hasSize(2)).body("lectures[0].slot", equalTo(1))
                .body("lectures[0].speakerId", equalTo(null)).body("lectures[1].outcome", equalTo("PENDING"))
                .extract();
        String id = created.path("id");
        assertEquals("/v1/party-days/" + id, java.net.URI.create(created.header("Location")).getPath());

        Map<String, Object> change = body(branch, "2027-03-27T09:00:00+08:00", "2027-03-27T11:00:00+08:00");
        change.remove("branchId");
        change.put("lectureSlots", 3);
        change.put("hostUnitId", group);
        secretary(branch).header("If-Match", "\"0\"").body(change).put("/v1/party-days/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("lectures", hasSize(3)).body("hostUnitId", equalTo(group))
                .body("hostReason", equalTo("CHOSEN")).body("heldOn", equalTo("2027-03-27"));
        problem(secretary(branch).header("If-Match", "\"0\"").body(change).put("/v1/party-days/" + id).then(), 412,
                "PRECONDITION_FAILED");
        problem(secretary(branch).header("If-Match", "\"1\"").post("/v1/party-days/" + id + "/held").then(), 409,
                "PARTY_DAY_NOT_STARTED");
        secretary(branch).header("If-Match", "\"1\"").post("/v1/party-days/" + id + "/confirm").then()
                .statusCode(200).body("state", equalTo("CONFIRMED"));
        problem(secretary(branch).header("If-Match", "\"2\"").post("/v1/party-days/" + id + "/confirm").then(), 409,
                "PARTY_DAY_STATE_CONFLICT");
        secretary(branch).header("If-Match", "\"2\"").post("/v1/party-days/" + id + "/cancel").then()
                .statusCode(200).body("state", equalTo("CANCELLED"));
        problem(secretary(branch).header("If-Match", "\"3\"").body(change).put("/v1/party-days/" + id).then(), 409,
                "PARTY_DAY_CLOSED");
        secretary(branch).get("/v1/party-days/" + id).then().statusCode(200).body("state", equalTo("CANCELLED"))
                .body("theme", equalTo("学习贯彻党的二十届三中全会精神")).body("lectures", hasSize(3));
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String otherBranch = OrgFixtures.unit("BRANCH", null);
        String otherGroup = OrgFixtures.unit("DEPARTMENT", otherBranch);
        String group = OrgFixtures.unit("PARTY_GROUP", branch);
        problem(secretary(branch).body(body(branch, "2027-03-26T14:30:00+08:00", "2027-03-26T14:30:00+08:00"))
                .post("/v1/party-days").then(), 422, "PARTY_DAY_TIMES_INCONSISTENT");
        problem(secretary(branch).body(body(branch, "2027-03-26T14:30:00+08:00", "2027-03-27T14:30:00+08:00"))
                .post("/v1/party-days").then(), 422, "PARTY_DAY_TIMES_INCONSISTENT");
        Map<String, Object> foreignHost = body(branch, "2027-03-26T14:30:00+08:00", "2027-03-26T16:30:00+08:00");
        foreignHost.put("hostUnitId", otherGroup);
        problem(secretary(branch).body(foreignHost).post("/v1/party-days").then(), 422,
                "PARTY_DAY_HOST_NOT_IN_BRANCH");
        problem(Api.as("org-admin", Roles.ORG_ADMIN)
                .body(body(group, "2027-03-26T14:30:00+08:00", "2027-03-26T16:30:00+08:00"))
                .post("/v1/party-days").then(), 422, "PARTY_DAY_NOT_A_BRANCH");
        Map<String, Object> tooMany = body(branch, "2027-03-26T14:30:00+08:00", "2027-03-26T16:30:00+08:00");
        tooMany.put("lectureSlots", 11);
        tooMany.put("theme", " ");
        problem(secretary(branch).body(tooMany).post("/v1/party-days").then(), 400, "VALIDATION_FAILED")
                .body("errors.field", org.hamcrest.Matchers.hasItems("lectureSlots", "theme"));
        secretary(branch).get("/v1/party-days?branchId=" + branch).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void onlyTheBranchsManagersPlanAndOnlyThoseWhoSeeItRead() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String otherBranch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        StudyFixtures.Member outsider = StudyFixtures.member(otherBranch);
        Map<String, Object> request = body(branch, "2027-03-26T14:30:00+08:00", "2027-03-26T16:30:00+08:00");
        problem(member.api().body(request).post("/v1/party-days").then(), 403, "FORBIDDEN");
        problem(Api.as("other-secretary", Roles.SECRETARY, UUID.fromString(otherBranch)).body(request)
                .post("/v1/party-days").then(), 422, "PARTY_DAY_BRANCH_NOT_FOUND");
        problem(Api.anonymous().body(request).post("/v1/party-days").then(), 401, "UNAUTHENTICATED");
        String id = secretary(branch).body(request).post("/v1/party-days").then().statusCode(201).extract().path("id");
        // members read their own branch's sessions, without naming it
        member.api().get("/v1/party-days").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        member.api().get("/v1/party-days/" + id).then().statusCode(200);
        problem(member.api().header("If-Match", "\"0\"").post("/v1/party-days/" + id + "/confirm").then(), 403,
                "FORBIDDEN");
        problem(outsider.api().get("/v1/party-days/" + id).then(), 404, "NOT_FOUND");
        problem(outsider.api().get("/v1/party-days?branchId=" + branch).then(), 404, "NOT_FOUND");
        problem(Api.anonymous().get("/v1/party-days/" + id).then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void aQuarterlySeriesMakesAYearsSessionsOnceAndSkipsThemWhenAskedAgain() {
        String branch = OrgFixtures.unit("BRANCH", null);
        Map<String, Object> series = new HashMap<>(Map.of("branchId", branch, "year", 2027, "kind", "THEMED_PARTY_DAY",
                "frequency", "QUARTERLY", "weekOfMonth", "LAST", "weekday", "FRIDAY", "startTime", "14:30",
                "durationMinutes", 120, "theme", "主题党日", "lectureSlots", 2));
        secretary(branch).body(series).post("/v1/party-days/series").then().statusCode(200)
                .body("created.heldOn", equalTo(List.of("2027-03-26", "2027-06-25", "2027-09-24", "2027-12-31")))
                .body("created[0].startsAt", equalTo("2027-03-26T06:30:00Z"))
                .body("created[0].lectures", hasSize(2)).body("skipped", hasSize(0));
        secretary(branch).body(series).post("/v1/party-days/series").then().statusCode(200)
                .body("created", hasSize(0)).body("skipped", hasSize(4));
        series.put("frequency", "MONTHLY");
        series.put("weekOfMonth", "FIRST");
        series.put("weekday", "MONDAY");
        series.put("kind", "STUDY_SESSION");
        secretary(branch).body(series).post("/v1/party-days/series").then().statusCode(200)
                .body("created", hasSize(12)).body("created[0].heldOn", equalTo("2027-01-04"));
        secretary(branch).get("/v1/party-days?branchId=" + branch + "&from=2027-01-01&to=2027-03-31&limit=3").then()
                .statusCode(200).body("items.heldOn", equalTo(List.of("2027-01-04", "2027-02-01", "2027-03-01")))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
        series.put("monthOfQuarter", 4);
        problem(secretary(branch).body(series).post("/v1/party-days/series").then(), 400, "VALIDATION_FAILED");
    }
}
