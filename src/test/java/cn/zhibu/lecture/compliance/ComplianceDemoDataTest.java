package cn.zhibu.lecture.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.testing.Api;
import cn.zhibu.testing.DemoProfile;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo branch's year of branch committee meetings: held each month up to last month but one. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class ComplianceDemoDataTest {

    @Inject
    ComplianceDemoData demo;

    @Test
    void theDemoYearShowsOneMissedMonth() {
        demo.load();
        demo.load(); // once only
        String secretary = Api.anonymous().body(Map.of("externalId", "DEMO-1001")).post("/v1/sessions/demo").then()
                .statusCode(200).extract().path("accessToken");
        String branch = Api.bearer(secretary).get("/v1/party-days").then().statusCode(200).extract()
                .path("items[0].branchId");
        JsonPath report = Api.bearer(secretary).queryParam("unitId", branch).get("/v1/org-life/compliance").then()
                .statusCode(200).extract().jsonPath();
        int pastMonths = TestTime.today().getMonthValue() - 1;
        String meetings = "kinds.find { it.kind == 'BRANCH_COMMITTEE' }";
        assertEquals(pastMonths == 0 ? 0 : 1, report.getInt(meetings + ".missed"));
        assertEquals(Math.max(0, pastMonths - 1), report.getInt(meetings + ".held"));
        assertEquals(1, report.getInt(meetings + ".due"));
        // the branch keeps the defaults
        Api.bearer(secretary).get("/v1/org-units/" + branch + "/org-life-requirements").then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(0));
    }
}
