package cn.zhibu.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The demo branch has last year's inspection ledger exported, DONE and downloadable by its secretary. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class ExportsDemoDataTest {

    @Inject
    ExportsDemoData demo;

    @Test
    void lastYearsLedgerIsDoneAndDownloadsAndLoadingAgainAddsNothing() {
        demo.load();
        int year = TestTime.today().getYear() - 1;
        assertEquals(1, Sql.count("select count(*) from export_job where year = ?1 and requested_by = 'system:demo'",
                year));
        String secretary = Api.anonymous().body(Map.of("externalId", "DEMO-1001")).post("/v1/sessions/demo").then()
                .statusCode(200).extract().path("accessToken");
        JsonPath list = Api.bearer(secretary).get("/v1/exports").then().statusCode(200).extract().jsonPath();
        assertEquals("DONE", list.getString("items.find { it.year == " + year + " }.state"));
        assertEquals(5, list.getList("items.find { it.year == " + year + " }.sections").size());
        String id = list.getString("items.find { it.year == " + year + " }.id");
        byte[] zip = Api.bearer(secretary).accept("*/*").get("/v1/exports/" + id + "/download").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        assertTrue(zip.length > 1000, "a ZIP of " + zip.length + " bytes");
    }
}
