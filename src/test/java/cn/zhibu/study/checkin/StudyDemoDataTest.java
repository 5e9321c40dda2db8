package cn.zhibu.study.checkin;

import static cn.zhibu.testing.Sql.count;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestTime;
import cn.zhibu.testing.DemoProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo run's study data: materials, four weeks of credited check-ins, and two things to review. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class StudyDemoDataTest {

    @Inject
    StudyDemoData demo;

    private static String signIn(String externalId) {
        return Api.anonymous().body(Map.of("externalId", externalId)).post("/v1/sessions/demo").then().statusCode(200)
                .extract().path("accessToken");
    }

    @Test
    void theDemoBranchHasMaterialsCheckInsAndThingsToReview() {
        LocalDate today = TestTime.today();
        String secretary = signIn("DEMO-1001");
        String branch = Api.bearer(secretary).get("/v1/me").path("roles.find { it.role == 'SECRETARY' }.unitId");
        List<String> materials = Api.bearer(secretary).queryParam("unitId", branch).get("/v1/study-materials").then()
                .statusCode(200).extract().path("items.id");
        assertEquals(6, materials.size(), "five open, one opening soon");
        Api.bearer(secretary).queryParam("unitId", branch).get("/v1/check-ins/flagged").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].flagReason", equalTo("BELOW_MINIMUM_TIME"))
                .body("items[0].businessDate", equalTo(today.minusDays(1).toString()));
        Api.bearer(secretary).queryParam("unitId", branch).get("/v1/check-ins/make-ups").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].businessDate", equalTo(today.minusDays(2).toString()));

        long checkIns = count("select count(*) from check_in where branch_id = ?1", branch);
        assertTrue(checkIns > 200, "four weeks of thirty people: " + checkIns);
        assertEquals(0, count("select count(*) from check_in where branch_id = ?1 and (business_date >= ?2 or "
                + "business_date < ?3)", branch, today, today.minusDays(28)), "four weeks up to yesterday");
        assertEquals(checkIns - 1, count("select count(*) from check_in c join ledger_entry e on e.id = c.ledger_entry_id "
                + "and e.business_date = c.business_date and e.source_id = cast(c.id as text) where c.branch_id = ?1",
                branch), "each credited on its own day; the flagged one not");
        assertTrue(count("select coalesce(sum(e.points), 0) from check_in c join ledger_entry e on e.id = "
                + "c.ledger_entry_id where c.branch_id = ?1", branch) > 0);

        // starting again adds nothing
        demo.load();
        assertEquals(checkIns, count("select count(*) from check_in where branch_id = ?1", branch));
        assertEquals(6, count("select count(*) from study_material where org_unit_id = ?1", branch));

        // a demo member checks in today on an open material
        String member = signIn("DEMO-1020");
        String open = Api.bearer(member).get("/v1/study-materials").then().statusCode(200)
                .body("items.size()", equalTo(5)).extract().path("items[0].id");
        Api.bearer(member).post("/v1/study-materials/" + open + "/open").then().statusCode(200);
        Api.bearer(member).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("note", "学习党章"))
                .post("/v1/check-ins").then().statusCode(201).body("checkIn.status", equalTo("CREDITED"))
                .body("streak.current", greaterThanOrEqualTo(1));
    }
}
