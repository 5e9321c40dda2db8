package cn.zhibu.annual.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.testing.Api;
import cn.zhibu.testing.DemoProfile;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo branch's annual plans: this year's, about half done from its records and ticks; last year's, approved. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class PlanDemoDataTest {

    @Inject
    PlanDemoData demo;

    @Test
    void theDemoBranchFollowsThisYearsPlansAndHadLastYearsApproved() {
        demo.load();
        demo.load();
        String member = Api.anonymous().body(Map.of("externalId", "DEMO-1020")).post("/v1/sessions/demo").then()
                .statusCode(200).extract().path("accessToken");
        String branch = Api.bearer(member).get("/v1/party-days").then().statusCode(200).extract()
                .path("items[0].branchId");
        int year = TestTime.today().getYear();
        JsonPath list = Api.bearer(member).queryParam("unitId", branch).get("/v1/annual-plans").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(year, year, year - 1), list.getList("items.year"), "loaded once");
        JsonPath own = Api.bearer(member).get("/v1/annual-plans/" + list.getString("items[0].id")).then()
                .statusCode(200).extract().jsonPath();
        int items = own.getList("items").size();
        int met = own.getInt("itemsMet");
        assertTrue(met > 0 && met < items, met + " of " + items + " met");
        assertTrue(own.getInt("items.find { it.kind == 'LECTURES_DELIVERED' }.progress.done") > 0,
                "the demo lectures delivered count");
        assertTrue(own.getInt("items.find { it.sessionKind == 'THEMED_PARTY_DAY' }.progress.done") > 0);
        assertEquals(1, own.getList("items.findAll { it.kind == 'OTHER' && it.progress.met }").size());
        JsonPath last = Api.bearer(member).get("/v1/annual-plans/" + list.getString("items[2].id")).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("APPROVED", last.getString("state"));
        assertEquals(List.of("APPROVED"), last.getList("reviews.decision"));
    }
}
