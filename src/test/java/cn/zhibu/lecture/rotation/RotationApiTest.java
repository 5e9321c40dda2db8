package cn.zhibu.lecture.rotation;

import cn.zhibu.testing.Sql;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rotation over HTTP: preview, apply under the preview's id, exemptions, blackouts, fixed sessions kept. */
@QuarkusTest
class RotationApiTest {

    static RequestSpecification secretary(String branch) {
        return Api.as("rotation-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    /** A branch's quarterly series of 2027 with two lecture slots each; the sessions' ids in date order. */
    static List<String> year(String branch) {
        Map<String, Object> series = new HashMap<>(Map.of("branchId", branch, "year", 2027, "kind",
                "THEMED_PARTY_DAY", "frequency", "QUARTERLY", "weekOfMonth", "LAST", "weekday", "FRIDAY",
                "startTime", "14:30", "durationMinutes", 120, "theme", "主题党日", "lectureSlots", 2));
        return secretary(branch).body(series).post("/v1/party-days/series").then().statusCode(200).extract()
                .path("created.id");
    }

    static JsonPath preview(String branch) {
        return secretary(branch).get("/v1/rotations/" + branch).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath apply(String branch, String planId) {
        return secretary(branch).body(Map.of("planId", planId)).post("/v1/rotations/" + branch + "/apply").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void theRotationIsFairSpreadAcrossGroupsAndAppliedOnlyAsPreviewed() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String groupA = OrgFixtures.unit("PARTY_GROUP", branch);
        String groupB = OrgFixtures.unit("PARTY_GROUP", branch);
        String office = OrgFixtures.unit("DEPARTMENT", "办公室", branch);
        String finance = OrgFixtures.unit("DEPARTMENT", "财务科", branch);
        Map<String, String> groupOf = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            groupOf.put(StudyFixtures.member(branch, groupA).personId(), groupA);
            groupOf.put(StudyFixtures.member(branch, groupB).personId(), groupB);
        }
        List<String> sessions = year(branch);

        JsonPath plan = preview(branch);
        assertEquals(12, plan.getInt("changes"), "8 slots and 4 hosts");
        List<String> speakers = plan.getList("sessions.slots.flatten().speakerId");
        assertEquals(8, speakers.size());
        assertEquals(6, new HashSet<>(speakers.subList(0, 6)).size(), "everyone once before anyone twice");
        for (int s = 0; s < 4; s++) {
            List<String> pair = plan.getList("sessions[" + s + "].slots.speakerId");
            assertNotEquals(groupOf.get(pair.get(0)), groupOf.get(pair.get(1)), "one speaker per party group");
        }
        assertEquals(List.of("NEVER_LECTURED", "NEVER_LECTURED"), plan.getList("sessions[0].slots.reason"));
        assertEquals(List.of("LONGEST_SINCE", "LONGEST_SINCE"), plan.getList("sessions[3].slots.reason"));
        assertEquals(plan.getList("sessions[0].slots.speakerId"), plan.getList("sessions[3].slots.speakerId"),
                "the first to speak are the longest since");
        assertEquals("最久未讲：上次 2027-Q1", plan.getString("sessions[3].slots[0].reasonText"));
        assertEquals(List.of(office, finance, office, finance), plan.getList("sessions.host.unitId"));
        // English on request
        secretary(branch).header("Accept-Language", "en").get("/v1/rotations/" + branch).then()
                .body("sessions[3].slots[0].reasonText", equalTo("Longest since last lecture: 2027-Q1"));

        // nothing is written before applying, and a wrong plan id writes nothing
        secretary(branch).get("/v1/party-days/" + sessions.get(0)).then().body("lectures[0].speakerId", equalTo(null));
        problem(secretary(branch).body(Map.of("planId", "0".repeat(64))).post("/v1/rotations/" + branch + "/apply")
                .then(), 412, "ROTATION_PLAN_CHANGED");
        secretary(branch).get("/v1/party-days/" + sessions.get(0)).then().body("lectures[0].speakerId", equalTo(null));
        JsonPath applied = apply(branch, plan.getString("planId"));
        assertEquals(0, applied.getInt("changes"));
        assertEquals(speakers, applied.getList("sessions.slots.flatten().speakerId"));
        secretary(branch).get("/v1/party-days/" + sessions.get(3)).then()
                .body("lectures.speakerId", equalTo(plan.getList("sessions[3].slots.speakerId")))
                .body("lectures[0].reason", equalTo("LONGEST_SINCE")).body("hostUnitId", equalTo(finance))
                .body("hostReason", equalTo("LONGEST_SINCE"));
        // the previewed plan is spent: its id no longer matches
        problem(secretary(branch).body(Map.of("planId", plan.getString("planId")))
                .post("/v1/rotations/" + branch + "/apply").then(), 412, "ROTATION_PLAN_CHANGED");

        // the first session is confirmed; then a speaker of the second is exempted and a unit blacked out
        secretary(branch).header("If-Match", "\"1\"").post("/v1/party-days/" + sessions.get(0) + "/confirm").then()
                .statusCode(200);
        String exempt = plan.getString("sessions[1].slots[0].speakerId");
        secretary(branch).body(Map.of("personId", exempt, "kind", "ILLNESS", "from", "2027-06-01", "to",
                "2027-12-31", "reason", "病假")).post("/v1/rotations/" + branch + "/absences").then().statusCode(201)
                .body("kind", equalTo("ILLNESS"));
        secretary(branch).body(Map.of("unitId", finance, "from", "2027-06-25", "to", "2027-06-25"))
                .post("/v1/rotations/" + branch + "/blackouts").then().statusCode(201);
        JsonPath replan = preview(branch);
        assertEquals(3, replan.getList("sessions").size(), "the confirmed session is no longer planned");
        assertFalse(replan.getList("sessions.slots.flatten().speakerId").contains(exempt));
        assertEquals(office, replan.getString("sessions[0].host.unitId"), "finance is blacked out that day");
        apply(branch, replan.getString("planId"));
        secretary(branch).get("/v1/party-days/" + sessions.get(0)).then()
                .body("lectures.speakerId", equalTo(plan.getList("sessions[0].slots.speakerId")))
                .body("hostUnitId", equalTo(office));
    }

    @Test
    void dashboardsWithStatsReadGetTheFiguresButNoPeople() {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.member(branch);
        StudyFixtures.member(branch);
        String dashboard = cn.zhibu.points.PointsFixtures.clientToken(branch, "stats:read");
        Api.bearer(dashboard).get("/v1/rotations/" + branch + "/coverage").then().statusCode(200)
                .body("members", equalTo(2)).body("people", equalTo(List.of())).body("due", equalTo(List.of()));
        secretary(branch).get("/v1/rotations/" + branch + "/coverage").then().statusCode(200)
                .body("people.size()", equalTo(2)).body("due.size()", equalTo(2));
        problem(Api.bearer(dashboard).get("/v1/rotations/" + branch).then(), 403, "FORBIDDEN");
        String day = secretary(branch).body(Map.of("branchId", branch, "kind", "STUDY_SESSION", "startsAt",
                "2027-03-26T06:30:00Z", "endsAt", "2027-03-26T08:30:00Z", "theme", "学习会")).post("/v1/party-days")
                .then().statusCode(201).extract().path("id");
        Api.bearer(dashboard).get("/v1/party-days/" + day).then().statusCode(200);
        problem(Api.bearer(dashboard).get("/v1/party-days/" + day + "/attendance").then(), 403, "FORBIDDEN");
    }

    @Test
    void badRulesAreRefusedAndOnlyManagersPlan() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String otherBranch = OrgFixtures.unit("BRANCH", null);
        String foreign = OrgFixtures.unit("DEPARTMENT", otherBranch);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        StudyFixtures.Member colleague = StudyFixtures.member(branch);
        StudyFixtures.Member outsider = StudyFixtures.member(otherBranch);
        problem(secretary(branch).body(Map.of("planId", "not-a-plan")).post("/v1/rotations/" + branch + "/apply")
                .then(), 400, "VALIDATION_FAILED");
        problem(secretary(branch).body(Map.of("personId", member.personId(), "kind", "LEAVE", "from", "2027-06-01",
                "to", "2027-05-01")).post("/v1/rotations/" + branch + "/absences").then(), 422,
                "LECTURE_DATES_INCONSISTENT");
        problem(secretary(branch).body(Map.of("personId", outsider.personId(), "kind", "LEAVE", "from", "2027-06-01",
                "to", "2027-07-01")).post("/v1/rotations/" + branch + "/absences").then(), 422, "ATTENDEE_NOT_MEMBER");
        problem(secretary(branch).body(Map.of("unitId", foreign, "from", "2027-06-01", "to", "2027-07-01"))
                .post("/v1/rotations/" + branch + "/blackouts").then(), 422, "PARTY_DAY_HOST_NOT_IN_BRANCH");
        problem(secretary(branch).body(Map.of("newcomerDays", 4000, "probationaryEligible", true))
                .put("/v1/rotations/" + branch + "/settings").then(), 400, "VALIDATION_FAILED");

        problem(member.api().get("/v1/rotations/" + branch).then(), 403, "FORBIDDEN");
        problem(outsider.api().get("/v1/rotations/" + branch).then(), 404, "NOT_FOUND");
        problem(Api.as("rotation-outsider", Roles.SECRETARY, UUID.fromString(otherBranch))
                .get("/v1/rotations/" + branch).then(), 404, "NOT_FOUND");
        problem(Api.anonymous().get("/v1/rotations/" + branch).then(), 401, "UNAUTHENTICATED");
        // a member marks their own unavailable days, not an exemption, and nobody else's
        String own = member.api().body(Map.of("personId", member.personId(), "kind", "UNAVAILABLE", "from",
                "2027-03-26", "to", "2027-03-26")).post("/v1/rotations/" + branch + "/absences").then()
                .statusCode(201).extract().path("id");
        problem(member.api().body(Map.of("personId", member.personId(), "kind", "UNAVAILABLE", "from", "2027-03-01",
                "to", "2027-04-01")).post("/v1/rotations/" + branch + "/absences").then(), 422, "UNAVAILABLE_TOO_LONG");
        problem(member.api().body(Map.of("personId", member.personId(), "kind", "LEAVE", "from", "2027-03-26",
                "to", "2027-03-26")).post("/v1/rotations/" + branch + "/absences").then(), 403, "FORBIDDEN");
        problem(member.api().body(Map.of("personId", colleague.personId(), "kind", "UNAVAILABLE", "from",
                "2027-03-26", "to", "2027-03-26")).post("/v1/rotations/" + branch + "/absences").then(), 403,
                "FORBIDDEN");
        member.api().get("/v1/rotations/" + branch + "/absences").then().statusCode(200)
                .body("items.id", equalTo(List.of(own)));
        problem(colleague.api().delete("/v1/rotations/" + branch + "/absences/" + own).then(), 404, "NOT_FOUND");
        member.api().delete("/v1/rotations/" + branch + "/absences/" + own).then().statusCode(204);
        assertEquals(0, Sql.count("select count(*) from speaker_absence where branch_id = ?1",
                UUID.fromString(branch)));

        // settings: defaults, the first choice without If-Match, then with it
        secretary(branch).get("/v1/rotations/" + branch + "/settings").then().statusCode(200)
                .body("newcomerDays", equalTo(30)).body("chosen", equalTo(false));
        secretary(branch).body(Map.of("newcomerDays", 0, "probationaryEligible", true))
                .put("/v1/rotations/" + branch + "/settings").then().statusCode(200).header("ETag", "\"0\"");
        problem(secretary(branch).body(Map.of("newcomerDays", 10, "probationaryEligible", true))
                .put("/v1/rotations/" + branch + "/settings").then(), 428, "PRECONDITION_REQUIRED");
        secretary(branch).header("If-Match", "\"0\"").body(Map.of("newcomerDays", 10, "probationaryEligible", false))
                .put("/v1/rotations/" + branch + "/settings").then().statusCode(200).body("newcomerDays", equalTo(10))
                .body("chosen", equalTo(true));
    }
}
