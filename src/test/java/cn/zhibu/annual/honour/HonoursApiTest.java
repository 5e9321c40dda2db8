package cn.zhibu.annual.honour;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.points.AnnualRecords;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Honours (荣誉) of units and people: recorded by their managers, listed on the unit's profile and the person's. */
@QuarkusTest
class HonoursApiTest {

    @Inject
    HonourRecords records;

    static RequestSpecification secretary(String branch) {
        return Api.as("honour-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    static Map<String, Object> unitHonour(String unit, String title, String level, int year) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unit);
        body.put("title", title);
        body.put("level", level);
        body.put("year", year);
        body.put("awardedBy", "中共示范区委");
        body.put("evidenceUrl", "https://www.example.gov.cn/tzgg/honours.html");
        body.put("note", "区委表彰决定");
        return body;
    }

    static Map<String, Object> personHonour(String person, String title, int year) {
        Map<String, Object> body = unitHonour(null, title, "MUNICIPAL", year);
        body.remove("unitId");
        body.put("personId", person);
        return body;
    }

    @Test
    void theBranchAndItsPeopleHaveHonoursShownOnTheUnitsProfile() {
        int last = TestTime.today().getYear() - 1;
        String branch = OrgFixtures.unit("BRANCH", null);
        String group = OrgFixtures.unit("PARTY_GROUP", branch);
        StudyFixtures.Member member = StudyFixtures.member(branch, group);
        String advanced = secretary(branch).body(unitHonour(branch, "全区先进基层党组织", "DISTRICT", last))
                .post("/v1/honours").then().statusCode(201).header("ETag", equalTo("\"0\""))
                .body("levelLabel", equalTo("区")).body("personId", nullValue()).extract().path("id");
        secretary(branch).body(unitHonour(group, "五星党小组", "BRANCH", last - 1)).post("/v1/honours").then()
                .statusCode(201).body("levelLabel", equalTo("支部"));
        String person = secretary(branch).body(personHonour(member.personId(), "全市优秀共产党员", last))
                .post("/v1/honours").then().statusCode(201).body("levelLabel", equalTo("市"))
                .body("holderName", equalTo(Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/people/"
                        + member.personId()).then().extract().path("name"))).extract().path("id");
        member.api().get("/v1/org-units/" + branch + "/honours").then().statusCode(200)
                .body("items.title", containsInAnyOrder("全区先进基层党组织", "全市优秀共产党员", "五星党小组"))
                .body("items[2].title", equalTo("五星党小组"))
                .body("items.size()", equalTo(3));
        member.api().queryParam("year", last).get("/v1/org-units/" + branch + "/honours").then()
                .body("items.size()", equalTo(2));
        member.api().get("/v1/people/" + member.personId() + "/honours").then().statusCode(200)
                .body("items.id", equalTo(List.of(person)));
        member.api().get("/v1/honours/" + advanced).then().statusCode(200).body("awardedBy", equalTo("中共示范区委"));
        assertEquals(List.of(new AnnualRecords.Honour("全市优秀共产党员", "市", "中共示范区委")),
                records.ofPerson(UUID.fromString(member.personId()), last));
        // changed at its version; removed
        Map<String, Object> change = unitHonour(null, "全区先进基层党组织（标兵）", "DISTRICT", last);
        change.remove("unitId");
        change.remove("evidenceUrl");
        secretary(branch).header("If-Match", "\"0\"").body(change).put("/v1/honours/" + advanced).then()
                .statusCode(200).body("title", equalTo("全区先进基层党组织（标兵）")).body("evidenceUrl", nullValue())
                .header("ETag", equalTo("\"1\""));
        problem(secretary(branch).header("If-Match", "\"0\"").body(change).put("/v1/honours/" + advanced).then(), 412,
                "PRECONDITION_FAILED");
        problem(member.api().delete("/v1/honours/" + advanced).then(), 403, "FORBIDDEN");
        secretary(branch).delete("/v1/honours/" + advanced).then().statusCode(204);
        problem(member.api().get("/v1/honours/" + advanced).then(), 404, "NOT_FOUND");
        // out of sight: another branch's people see none of it
        StudyFixtures.Member outsider = StudyFixtures.member(OrgFixtures.unit("BRANCH", null));
        problem(outsider.api().get("/v1/org-units/" + branch + "/honours").then(), 404, "NOT_FOUND");
        problem(outsider.api().get("/v1/people/" + member.personId() + "/honours").then(), 404, "NOT_FOUND");
        problem(outsider.api().get("/v1/honours/" + person).then(), 404, "NOT_FOUND");
    }

    @Test
    void badHonoursAreRefusedAndNothingIsStored() {
        int year = TestTime.today().getYear();
        String branch = OrgFixtures.unit("BRANCH", null);
        String member = OrgFixtures.person("荣誉人", branch);
        String other = OrgFixtures.unit("BRANCH", null);
        long before = Sql.count("select count(*) from honour");
        Map<String, Object> both = unitHonour(branch, "先进", "DISTRICT", year);
        both.put("personId", member);
        problem(secretary(branch).body(both).post("/v1/honours").then(), 422, "HONOUR_HOLDER");
        Map<String, Object> neither = unitHonour(null, "先进", "DISTRICT", year);
        problem(secretary(branch).body(neither).post("/v1/honours").then(), 422, "HONOUR_HOLDER");
        problem(secretary(branch).body(unitHonour(branch, "先进", "COUNTY", year)).post("/v1/honours").then(), 400,
                "VALIDATION_FAILED");
        problem(secretary(branch).body(unitHonour(branch, "先进", "DISTRICT", 1999)).post("/v1/honours").then(), 400,
                "VALIDATION_FAILED");
        problem(secretary(branch).body(unitHonour(branch, "先进", "DISTRICT", year + 1)).post("/v1/honours").then(),
                422, "HONOUR_YEAR_IN_FUTURE");
        for (String link : List.of("http://www.example.gov.cn/a.html", "javascript:alert(1)", "ftp://example.cn/a")) {
            Map<String, Object> bad = unitHonour(branch, "先进", "DISTRICT", year);
            bad.put("evidenceUrl", link);
            problem(secretary(branch).body(bad).post("/v1/honours").then(), 400, "VALIDATION_FAILED");
        }
        problem(secretary(branch).body(unitHonour(branch, "长".repeat(101), "DISTRICT", year)).post("/v1/honours")
                .then(), 400, "VALIDATION_FAILED");
        problem(secretary(branch).body(unitHonour(other, "先进", "DISTRICT", year)).post("/v1/honours").then(), 422,
                "HONOUR_HOLDER_NOT_FOUND");
        problem(secretary(branch).body(personHonour(UUID.randomUUID().toString(), "先进", year)).post("/v1/honours")
                .then(), 422, "HONOUR_HOLDER_NOT_FOUND");
        problem(StudyFixtures.member(branch).api().body(unitHonour(branch, "先进", "DISTRICT", year))
                .post("/v1/honours").then(), 403, "FORBIDDEN");
        assertEquals(before, Sql.count("select count(*) from honour"));
        problem(secretary(branch).queryParam("year", "1999").get("/v1/org-units/" + branch + "/honours").then(), 400,
                "INVALID_PARAMETER");
    }
}
