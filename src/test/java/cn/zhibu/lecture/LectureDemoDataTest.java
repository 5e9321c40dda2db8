package cn.zhibu.lecture;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.DemoProfile;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo branch's party days: held ones with lectures, attendance and ratings, planned ones with a swap. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class LectureDemoDataTest {

    @Test
    void theDemoBranchHasItsCommitteeAndSessionsOfEveryKindOfItsOrganisationalLife() {
        String member = Api.anonymous().body(Map.of("externalId", "DEMO-1020")).post("/v1/sessions/demo").then()
                .statusCode(200).extract().path("accessToken");
        JsonPath days = Api.bearer(member).queryParam("from", TestTime.today().minusDays(60).toString())
                .queryParam("limit", 100).get("/v1/party-days").then().statusCode(200).extract().jsonPath();
        List<String> heldKinds = days.getList("items.findAll { it.state == 'HELD' }.kind");
        for (String kind : List.of("MEMBER_ASSEMBLY", "FIELD_TEACHING", "INTEGRITY_EDUCATION", "PARTY_GROUP_MEETING")) {
            assertTrue(heldKinds.contains(kind), kind + " held: " + heldKinds);
        }
        assertEquals("天子山革命纪念馆", days.getString("items.find { it.kind == 'FIELD_TEACHING' }.place"));
        assertEquals(3, days.getList("items.findAll { it.kind == 'PARTY_GROUP_MEETING' }").size());
        String branch = days.getString("items[0].branchId");
        List<String> posts = Api.bearer(member).get("/v1/org-units/" + branch + "/committee").then().statusCode(200)
                .extract().path("members.post");
        assertEquals(List.of("SECRETARY", "ORGANISATION", "PUBLICITY", "DISCIPLINE"), posts);
        // a group meeting's roll is its group's members, most of whom attended
        String meeting = days.getString("items.find { it.kind == 'PARTY_GROUP_MEETING' }.id");
        int present = Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/party-days/" + meeting + "/attendance").then()
                .statusCode(200).extract().path("counts.present");
        assertTrue(present > 0 && present < 20, "present " + present);
    }

    @Test
    void theDemoBranchHasThisYearsPartyDaysWithHostsSpeakersAttendanceAndASwap() {
        String member = Api.anonymous().body(Map.of("externalId", "DEMO-1020")).post("/v1/sessions/demo").then()
                .statusCode(200).extract().path("accessToken");
        int year = TestTime.today().getYear();
        JsonPath days = Api.bearer(member).queryParam("from", year + "-01-01").queryParam("limit", 100)
                .get("/v1/party-days").then().statusCode(200).extract().jsonPath();
        String themed = "items.findAll { it.kind == 'THEMED_PARTY_DAY' }";
        assertEquals(5, days.getList(themed).size());
        List<String> states = days.getList(themed + ".state");
        assertTrue(states.contains("HELD"), "some sessions of the year are past");
        assertTrue(days.getList(themed + ".hostUnitName").stream().allMatch(name -> name != null));
        List<String> outcomes = days.getList(themed + ".lectures.flatten().outcome");
        assertTrue(outcomes.contains("DELIVERED"));
        if (states.indexOf("HELD") >= 0 && states.lastIndexOf("HELD") >= 1) {
            assertTrue(outcomes.contains("NOT_DELIVERED"), "one speaker did not deliver");
        }
        List<String> reasons = days.getList(themed + ".lectures.flatten().reason");
        assertTrue(reasons.contains("SWAPPED"), "one planned slot was swapped");
        assertTrue(days.getList(themed + ".lectures.flatten().ratingCount", Integer.class).stream()
                .anyMatch(c -> c > 0));

        String branch = days.getString(themed + "[0].branchId");
        Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/rotations/" + branch + "/coverage").then().statusCode(200)
                .body("members", equalTo(20)).body("attendedAtLeastOne", greaterThan(10))
                .body("lecturesDelivered", greaterThan(0)).body("due.size()", equalTo(10));
        // re-planning keeps the swapped slot (the rest may follow the swap)
        List<String> planned = Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/rotations/" + branch).then()
                .statusCode(200).extract().jsonPath().getList("sessions.slots.flatten().reason");
        assertTrue(planned.contains("SWAPPED"));
    }
}
