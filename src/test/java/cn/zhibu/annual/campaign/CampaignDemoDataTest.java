package cn.zhibu.annual.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.testing.Api;
import cn.zhibu.testing.DemoProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo branch's campaigns: last year's report review closed with its results, this year's appraisal rating. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class CampaignDemoDataTest {

    @Inject
    CampaignDemoData demo;

    @Test
    void theDemoBranchHasAClosedReportReviewAndAnAppraisalOpenForMutualRating() {
        demo.load();
        demo.load();
        String member = Api.anonymous().body(Map.of("externalId", "DEMO-1020")).post("/v1/sessions/demo").then()
                .statusCode(200).extract().path("accessToken");
        JsonPath list = Api.bearer(member).get("/v1/campaigns").then().statusCode(200).extract().jsonPath();
        // beside last year's star selection, whose demo data is the decision side's
        assertEquals(List.of("MEMBER_APPRAISAL", "REPORT_REVIEW", "STAR_SELECTION"),
                list.getList("items.type", String.class).stream().sorted().toList());
        String appraisal = list.getString("items.find { it.type == 'MEMBER_APPRAISAL' }.id");
        String review = list.getString("items.find { it.type == 'REPORT_REVIEW' }.id");
        assertEquals(List.of("CLOSED", "OPEN", "NOT_YET_OPEN"),
                list.getList("items.find { it.type == 'MEMBER_APPRAISAL' }.stages.state"));
        assertEquals("CLOSED", list.getString("items.find { it.type == 'REPORT_REVIEW' }.state"));
        JsonPath results = Api.bearer(member).get("/v1/campaigns/" + review + "/results").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(results.getBoolean("ratees[0].aggregates[0].enoughRaters"));
        assertTrue(results.getInt("participation[0].raters") > 3);
        assertTrue(Api.bearer(member).get("/v1/campaigns/" + review + "/reports").then().statusCode(200).extract()
                .jsonPath().getList("items").size() >= 3);
        Api.bearer(member).get("/v1/campaigns/" + appraisal + "/results").then().statusCode(409);
    }
}
