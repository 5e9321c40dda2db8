package cn.zhibu.points.file;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.testing.Api;
import io.agroal.api.AgroalDataSource;
import cn.zhibu.testing.DemoProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo run: the demo branch's rating bands and the points its people earned elsewhere, loaded once. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class MemberFileDemoDataTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MemberFileDemoData demo;

    @Test
    void theDemoSecretaryReadsAMembersFileWithImportedPointsAndTheBranchsBands() throws Exception {
        String secretary = Api.anonymous().body(Map.of("externalId", "DEMO-1001")).post("/v1/sessions/demo").then()
                .statusCode(200).extract().path("accessToken");
        String person = text("select id::text from person where external_id = 'DEMO-1002'");
        String branch = text("select id::text from org_unit where name = '示范区委组织部机关党支部'");
        int year = cn.zhibu.points.PointsFixtures.today().minusDays(7).getYear(); // the latest record's year
        Response file = Api.bearer(secretary).queryParam("year", year).get("/v1/people/" + person + "/file");
        file.then().statusCode(200).body("byActivity.activityType", hasItem("EXTERNAL_IMPORT"))
                .body("rating.source", equalTo("OWN")).body("rating.sourceUnitId", equalTo(branch));
        MemberFileChecks.assertTotalsMatchLedger(dataSource, person, year, file.as(Map.class));
        Api.bearer(secretary).get("/v1/rating-bands/" + branch).then().statusCode(200)
                .body("bands.name", contains("优秀", "良好", "合格")).body("bands.minPoints", contains(40, 20, 0));

        // loaded again (a restart): nothing changes
        String imported = "select count(*)::text from ledger_entry where source_type = 'EXTERNAL_IMPORT' "
                + "and source_id like 'demo-xxqg-%'";
        String before = text(imported);
        assertEquals("15", before);
        demo.load();
        assertEquals(before, text(imported));
        assertEquals("1", text("select count(*)::text from rating_band_set where org_unit_id = '" + branch + "'"));
    }

    @Test
    void everyDemoPersonsFileAddsUpToTheirLedgerThisYearAndLast() throws Exception {
        String secretary = Api.anonymous().body(Map.of("externalId", "DEMO-1001")).post("/v1/sessions/demo").then()
                .statusCode(200).extract().path("accessToken");
        List<String> people = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select id::text from person where external_id like 'DEMO-10%' "
                        + "order by 1")) {
            while (r.next()) {
                people.add(r.getString(1));
            }
        }
        assertEquals(30, people.size());
        int year = cn.zhibu.points.PointsFixtures.today().getYear();
        int checked = 0;
        for (String person : people) {
            for (int y : new int[] {year - 1, year}) {
                Response file = Api.bearer(secretary).queryParam("year", y).get("/v1/people/" + person + "/file");
                file.then().statusCode(200);
                MemberFileChecks.assertTotalsMatchLedger(dataSource, person, y, file.as(Map.class));
                checked++;
            }
        }
        assertEquals(60, checked);
    }

    private String text(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
