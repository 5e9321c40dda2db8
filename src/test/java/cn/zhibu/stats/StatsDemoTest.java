package cn.zhibu.stats;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.testing.Api;
import cn.zhibu.testing.DemoProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The demo department's dashboard: its org admin (DEMO-1003) reads figures of every area, and the main ones show. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class StatsDemoTest {

    @Test
    void theDemoDepartmentsDashboardHasFigures() {
        String token = Api.anonymous().body(Map.of("externalId", "DEMO-1003")).post("/v1/sessions/demo").then()
                .statusCode(200).extract().path("accessToken");
        String department = Api.bearer(token).get("/v1/org-units").then().statusCode(200).extract()
                .path("items[0].id");
        Map<String, Map<String, String>> areas = new TreeMap<>();
        for (String area : List.of("members", "org-life", "study", "lectures", "integrity")) {
            JsonPath answer = Api.bearer(token).queryParam("children", true)
                    .get("/v1/stats/org-units/" + department + "/" + area).then().statusCode(200).extract().jsonPath();
            areas.put(area, StatsNaive.flatten(answer.get("figures"), "", new TreeMap<>()));
        }
        areas.forEach((area, figures) -> {
            long shown = figures.values().stream().filter(v -> !v.startsWith("FEWER_THAN") && !v.equals("null")).count();
            System.out.printf("Demo stats %s: %d of %d figures shown; suppressed: %s%n", area, shown, figures.size(),
                    figures.entrySet().stream().filter(e -> e.getValue().startsWith("FEWER_THAN")).map(Map.Entry::getKey)
                            .limit(40).toList());
        });
        Map<String, String> members = areas.get("members");
        assertNotNull(number(members.get("people")), "the department's people");
        assertNotNull(number(members.get("byPoliticalStatus.FULL")), "its full members");
        Map<String, String> study = areas.get("study");
        assertNotNull(number(study.get("pointsPerMember.median")), "points per member");
        assertTrue(study.entrySet().stream().anyMatch(e -> e.getKey().startsWith("checkInsByWeek.")
                && number(e.getValue()) != null), "a week of check-ins");
        Map<String, String> orgLife = areas.get("org-life");
        assertNotNull(number(orgLife.get("coverage")), "coverage");
        assertTrue(orgLife.entrySet().stream().anyMatch(e -> e.getKey().endsWith(".held")
                && number(e.getValue()) != null && Double.parseDouble(e.getValue()) > 0), "sessions held");
    }

    private static Double number(String value) {
        return value == null || value.equals("null") || value.startsWith("FEWER_THAN") ? null
                : Double.valueOf(value);
    }
}
