package cn.zhibu.integrity;

import cn.zhibu.testing.Sql;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.testing.Api;
import cn.zhibu.testing.DemoProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo's integrity files: the officer keeps the other cadres' files, of every entry type, one overdue. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class IntegrityDemoDataTest {

    @Test
    void theDemoOfficerKeepsTheOtherCadresFilesWithEveryEntryTypeAndOneOverdue() {
        String officer = Api.anonymous().body(Map.of("externalId", "DEMO-1002")).post("/v1/sessions/demo").then()
                .statusCode(200).extract().path("accessToken");
        JsonPath files = Api.bearer(officer).get("/v1/integrity-files").then().statusCode(200).extract().jsonPath();
        List<String> names = files.getList("items.personName");
        assertEquals(2, names.size(), "the officer's own file is not listed: " + names);
        String full = files.getString("items.find { it.entryCount == 8 }.id");
        JsonPath read = Api.bearer(officer).queryParam("purpose", "PERIODIC_REVIEW").queryParam("purposeDetail",
                "年度检查").get("/v1/integrity-files/" + full).then().statusCode(200).extract().jsonPath();
        assertEquals(Set.of("PROFILE", "FAMILY", "PERSONAL_MATTERS", "GIFT", "TALK", "CONDUCT_REVIEW",
                "OPINION_REQUEST", "OPINION_REPLY"), Set.copyOf(read.getList("entries.type")));
        // its entries were appended as any are: the chain holds against the checkpoint of its last one
        Api.bearer(officer).get("/v1/integrity-files/" + full + "/verification").then().body("intact", equalTo(true))
                .body("checkpoint.entryCount", equalTo(read.getList("entries").size()));
        Api.bearer(officer).get("/v1/integrity-files/overdue").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].reasons", hasItems("REVIEW", "ANNUAL_REPORT"))
                .body("items.file.id", not(hasItem(full)));
        // DEMO-1003's gift declaration waits for the branch secretary
        String secretary = Api.anonymous().body(Map.of("externalId", "DEMO-1001")).post("/v1/sessions/demo").then()
                .statusCode(200).extract().path("accessToken");
        Api.bearer(secretary).queryParam("state", "AWAITING_UNIT").get("/v1/integrity-declarations").then()
                .statusCode(200).body("items.size()", equalTo(1)).body("items[0].type", equalTo("GIFT"));
        String discipline = files.getString("items.find { it.entryCount == 3 }.id");
        Api.bearer(officer).queryParam("purpose", "PROMOTION_REVIEW").queryParam("purposeDetail", "拟提拔")
                .get("/v1/integrity-files/" + discipline).then().statusCode(200)
                .body("entries.type", hasItems("PROFILE", "TALK", "DISCIPLINE"));
    }

    @Test
    void theDemoDeclarationIsAuditedAsTheServicesOwnSubmission() {
        String secretary = Api.anonymous().body(Map.of("externalId", "DEMO-1001")).post("/v1/sessions/demo").then()
                .statusCode(200).extract().path("accessToken");
        JsonPath waiting = Api.bearer(secretary).queryParam("state", "AWAITING_UNIT").get("/v1/integrity-declarations")
                .then().statusCode(200).body("items.size()", equalTo(1)).extract().jsonPath();
        String declaration = waiting.getString("items[0].id");
        String file = waiting.getString("items[0].fileId");
        // DEMO-1003 is an org admin of the department: they read the audit of its files
        String admin = Api.anonymous().body(Map.of("externalId", "DEMO-1003")).post("/v1/sessions/demo").then()
                .statusCode(200).extract().path("accessToken");
        JsonPath rows = Api.bearer(admin).queryParam("fileId", file).queryParam("action", "SUBMIT_DECLARATION")
                .get("/v1/integrity-audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(declaration), rows.getList("items.declarationId"));
        assertEquals("SYSTEM", rows.getString("items[0].actorKind"));
        assertEquals("ALLOWED", rows.getString("items[0].outcome"));
        assertEquals(201, rows.getInt("items[0].status"));
        assertEquals(file, rows.getString("items[0].fileId"));
        assertEquals(null, rows.getString("items[0].actorId"));
        // and no row of the demo's reads as an anonymous caller's unknown action
        assertEquals(0, Sql.count("select count(*) from integrity_audit where action = 'UNKNOWN'"));
        assertEquals(0, Sql.count("select count(*) from integrity_audit where actor_kind = 'ANONYMOUS' "
                + "and outcome = 'ALLOWED'"));
    }
}
