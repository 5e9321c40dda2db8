package cn.zhibu.privacy.mydata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.testing.Api;
import cn.zhibu.testing.DemoProfile;
import cn.zhibu.testing.StandingsCaughtUp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The export of demo people, whose records the capabilities' own services wrote: each answer matches the contract
 * (the test client checks it), and holds, column for column, the rows the database holds about them.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class MyDataDemoTest {

    @Test
    void demoPeopleExportEverythingHeldAboutThem() {
        StandingsCaughtUp.await();
        List<String> problems = new ArrayList<>();
        int rows = 0;
        for (String externalId : List.of("DEMO-1001", "DEMO-1002", "DEMO-1003", "DEMO-1010", "DEMO-1020")) {
            String token = Api.anonymous().body(Map.of("externalId", externalId)).post("/v1/sessions/demo").then()
                    .statusCode(200).extract().path("accessToken");
            JsonPath me = Api.bearer(token).get("/v1/me").then().statusCode(200).extract().jsonPath();
            JsonPath body = Api.bearer(token).get("/v1/me/data").then().statusCode(200).extract().jsonPath();
            assertEquals(me.getString("personId"), body.getString("person.id"));
            MyDataApiTest.differences(body, me.getString("personId"), me.getString("id"), false)
                    .forEach(p -> problems.add(externalId + " " + p));
            rows += body.getList("ledgerEntries").size() + body.getList("checkIns").size()
                    + body.getList("pledgeSignatures").size() + body.getList("attendance").size();
        }
        assertEquals(List.of(), problems);
        assertTrue(rows > 20, "the demo people have records to export: " + rows);
    }
}
