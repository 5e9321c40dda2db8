package cn.zhibu.lecture.orglife;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.lecture.LectureDemoData;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.DemoProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo branch's organisational life meeting: held, with its problem list and its rectification list. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class OrgLifeDemoDataTest {

    @Inject
    LectureDemoData lectures;

    @Inject
    OrgLifeDemoData demo;

    @Test
    void theDemoBranchHeldItsMeetingAndFollowsItsRectifications() {
        lectures.load();
        demo.load();
        demo.load();
        String member = Api.anonymous().body(Map.of("externalId", "DEMO-1020")).post("/v1/sessions/demo").then()
                .statusCode(200).extract().path("accessToken");
        JsonPath items = Api.bearer(member).get("/v1/rectifications").then().statusCode(200).extract().jsonPath();
        assertEquals(3, items.getList("items").size(), "loaded once");
        assertEquals(1, items.getList("items.overdue", Boolean.class).stream().filter(o -> o).count());
        assertTrue(items.getList("items.state").contains("DONE"));
        String day = items.getString("items[0].partyDayId");
        Api.bearer(member).get("/v1/party-days/" + day).then().statusCode(200).body("state", equalTo("HELD"))
                .body("kind", equalTo("ORG_LIFE_MEETING"));
        List<String> subjects = new java.util.ArrayList<>(Api.bearer(member).get("/v1/party-days/" + day + "/problems").then().statusCode(200)
                .extract().<List<String>>path("items.subject"));
        subjects.sort(null);
        assertEquals(List.of("COMMITTEE", "COMMITTEE", "MEMBER", "MEMBER"), subjects);
    }
}
