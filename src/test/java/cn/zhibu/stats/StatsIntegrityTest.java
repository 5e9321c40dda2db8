package cn.zhibu.stats;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.zhibu.integrity.IntegrityFixtures;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Integrity figures: counts of files, suppressed below min-cell, for integrity officers only; a file counts in its
 * cadre's branch, wherever the cadre moves.
 */
@QuarkusTest
class StatsIntegrityTest extends StatsApiBase {

    @Test
    void integrityCountsAreForThoseWhoMayReadThem() {
        onTheFifteenthOfJune();
        String committee = OrgFixtures.unit("COMMITTEE", null);
        String branch = OrgFixtures.unit("BRANCH", committee);
        List<String> files = new ArrayList<>();
        List<String> cadres = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String cadre = IntegrityFixtures.cadre(branch);
            cadres.add(cadre);
            files.add(IntegrityFixtures.file(branch, cadre));
        }
        for (String file : files.subList(0, 5)) {
            IntegrityFixtures.append(branch, file, Map.of("type", "CONDUCT_REVIEW", "periodFrom", "2030-01-01",
                    "periodTo", "2030-12-31", "assessment", "GOOD", "summary", "作风扎实", "reviewer", "区纪委"));
        }
        Sql.execute("update integrity_file set next_review_due = date '2031-01-01' where unit_id = ?1", branch);
        Sql.execute("update integrity_file set appointed_on = date '2029-01-01' where id in (?1, ?2, ?3, ?4, ?5)",
                files.get(0), files.get(1), files.get(2), files.get(3), files.get(4));
        Sql.execute("update integrity_file set profile_due = date '2031-02-01' where id in (?1, ?2, ?3, ?4)",
                files.get(0), files.get(1), files.get(2), files.get(3));
        stats.clear();
        Map<String, String> expected = new TreeMap<>(Map.of("openFiles", "6.0000", "reviewsDone", "5.0000",
                "reportsDone", "FEWER_THAN_5", "reviewsOverdue", "6.0000", "reportsOverdue", "5.0000",
                "profilesOverdue", "FEWER_THAN_5"));
        JsonPath answer = figures(Api.as("stats-integrity-officer", Roles.INTEGRITY_OFFICER,
                UUID.fromString(committee)), committee, "integrity", true);
        assertEquals(expected, flat(answer.get("figures")));
        assertEquals(expected, flat(answer.get("children[0].figures")));
        // a file counts where its cadre is: five of them move to a branch of another committee
        String elsewhere = OrgFixtures.unit("COMMITTEE", null);
        String otherBranch = OrgFixtures.unit("BRANCH", elsewhere);
        for (String cadre : cadres.subList(0, 5)) {
            String version = Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/people/" + cadre).then().statusCode(200)
                    .extract().header("ETag");
            Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", version).body(Map.of("branchId", otherBranch,
                    "groupIds", List.of(), "date", "2031-06-01")).post("/v1/people/" + cadre + "/transfer").then()
                    .statusCode(200);
        }
        stats.clear();
        JsonPath there = figures(admin(), elsewhere, "integrity", false);
        assertEquals("5", there.getString("figures.openFiles.value"));
        assertEquals("5", there.getString("figures.reviewsDone.value"));
        assertEquals("FEWER_THAN_5", figures(admin(), committee, "integrity", false).getString(
                "figures.openFiles.suppressed"));
        // a secretary sees the unit but not its integrity counts; an officer of another committee sees nothing
        problem(Api.as("stats-integrity-secretary", Roles.SECRETARY, UUID.fromString(committee))
                .get("/v1/stats/org-units/" + committee + "/integrity").then(), 403, "FORBIDDEN");
        problem(Api.as("stats-officer-elsewhere", Roles.INTEGRITY_OFFICER, UUID.fromString(OrgFixtures.unit(
                "COMMITTEE", null))).get("/v1/stats/org-units/" + committee + "/integrity").then(), 404, "NOT_FOUND");
        for (String body : bodies) {
            cadres.forEach(c -> assertFalse(body.contains(c)));
        }
    }
}
