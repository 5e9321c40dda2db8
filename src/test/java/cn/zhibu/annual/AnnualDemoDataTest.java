package cn.zhibu.annual;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.annual.honour.HonourDemoData;
import cn.zhibu.annual.pledge.PledgeDemoData;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.DemoProfile;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo branch's pledges (this year's signed by most, last year's reviewed) and honours, loaded once. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class AnnualDemoDataTest {

    @Inject
    PledgeDemoData pledges;

    @Inject
    HonourDemoData honours;

    @Test
    void theDemoBranchHasItsPledgesSignedAndReviewedAndItsHonours() {
        pledges.load();
        honours.load();
        pledges.load();
        honours.load();
        int year = TestTime.today().getYear();
        String member = Api.anonymous().body(Map.of("externalId", "DEMO-1002")).post("/v1/sessions/demo").then()
                .statusCode(200).extract().path("accessToken");
        String person = Api.bearer(member).get("/v1/me").then().statusCode(200).extract().path("personId");
        JsonPath mine = Api.bearer(member).get("/v1/people/" + person + "/pledges").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(java.util.List.of(year, year - 1), mine.getList("items.year"));
        String branch = mine.getString("items[0].unitId");
        Api.bearer(member).get("/v1/pledges/" + mine.getString("items[0].pledgeId")).then().statusCode(200)
                .body("standards.size()", equalTo(6)).body("signed", equalTo(true));
        long members = Sql.count("select count(*) from pledge_signature s join pledge p on p.id = s.pledge_id "
                + "where p.unit_id = ?1 and p.year = ?2", branch, year - 1);
        long signed = Sql.count("select count(*) from pledge_signature s join pledge p on p.id = s.pledge_id "
                + "where p.unit_id = ?1 and p.year = ?2", branch, year);
        assertTrue(members >= 20 && signed < members && signed > members / 2, signed + " of " + members);
        assertTrue(Sql.count("select count(*) from pledge_review where comment is not null") > 5);
        // the branch's two, two members' and the two stars' 组工之星 that last year's closed selection entered
        Api.bearer(member).get("/v1/org-units/" + branch + "/honours").then().statusCode(200)
                .body("items.size()", equalTo(6));
        assertEquals(2, Sql.count("select count(*) from honour where campaign_id is not null"));
        assertEquals(2, Sql.count("select count(*) from pledge where unit_id = ?1", branch));
    }
}
