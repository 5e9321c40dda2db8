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
    void theDemoBranchHasThisYearsPartyDaysWithHostsSpeakersAttendanceAndASwap() {
        String member = Api.anonymous().body(Map.of("externalId", "DEMO-1020")).post("/v1/sessions/demo").then()
                .statusCode(200).extract().path("accessToken");
        int year = TestTime.today().getYear();
        JsonPath days = Api.bearer(member).queryParam("from", year + "-01-01").get("/v1/party-days").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(5, days.getList("items").size());
        List<String> states = days.getList("items.state");
        assertTrue(states.contains("HELD"), "some sessions of the year are past");
        assertTrue(days.getList("items.hostUnitName").stream().allMatch(name -> name != null));
        List<String> outcomes = days.getList("items.lectures.flatten().outcome");
        assertTrue(outcomes.contains("DELIVERED"));
        if (states.indexOf("HELD") >= 0 && states.lastIndexOf("HELD") >= 1) {
            assertTrue(outcomes.contains("NOT_DELIVERED"), "one speaker did not deliver");
        }
        List<String> reasons = days.getList("items.lectures.flatten().reason");
        assertTrue(reasons.contains("SWAPPED"), "one planned slot was swapped");
        assertTrue(days.getList("items.lectures.flatten().ratingCount", Integer.class).stream().anyMatch(c -> c > 0));

        String branch = days.getString("items[0].branchId");
        Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/rotations/" + branch + "/coverage").then().statusCode(200)
                .body("members", equalTo(20)).body("attendedAtLeastOne", greaterThan(10))
                .body("lecturesDelivered", greaterThan(0)).body("due.size()", equalTo(10));
        // re-planning keeps the swapped slot (the rest may follow the swap)
        List<String> planned = Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/rotations/" + branch).then()
                .statusCode(200).extract().jsonPath().getList("sessions.slots.flatten().reason");
        assertTrue(planned.contains("SWAPPED"));
    }
}
