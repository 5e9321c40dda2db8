package cn.zhibu.annual.plan;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestTime;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Branches with a committee, plans and their items, for the annual plan tests. */
public final class PlanFixtures {

    private PlanFixtures() {
    }

    /** A committee with a branch under it; the branch's secretary sits on its committee and has an account. */
    public record Tree(String committee, String branch, StudyFixtures.Member secretary) {

        /** The branch's secretary as their own person (SECRETARY on the branch). */
        public RequestSpecification secretaryApi() {
            return secretary.api();
        }
    }

    public static Tree tree() {
        String committee = OrgFixtures.unit("COMMITTEE", null);
        String branch = OrgFixtures.unit("BRANCH", committee);
        StudyFixtures.Member secretary = StudyFixtures.member(branch);
        StudyFixtures.grant(secretary, Roles.SECRETARY, branch);
        committee(branch, secretary.personId());
        return new Tree(committee, branch, secretary);
    }

    /** The branch committee: these people, the first its secretary, the others members. */
    public static void committee(String branch, String... people) {
        List<Map<String, Object>> members = new java.util.ArrayList<>();
        for (int i = 0; i < people.length; i++) {
            members.add(Map.of("personId", people[i], "post", i == 0 ? "SECRETARY" : "MEMBER"));
        }
        admin().body(Map.of("members", members)).put("/v1/org-units/" + branch + "/committee").then().statusCode(200);
    }

    public static RequestSpecification admin() {
        return Api.as("org-admin", Roles.ORG_ADMIN);
    }

    /** A manager of the unit above the branch (SECRETARY on the committee): the reviewer. */
    public static RequestSpecification reviewer(Tree tree) {
        return Api.as("plan-reviewer", Roles.SECRETARY, UUID.fromString(tree.committee()));
    }

    public static int year() {
        return TestTime.today().getYear();
    }

    public static Map<String, Object> planBody(String unit, Integer year, String owner) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unit);
        body.put("year", year);
        body.put("ownerId", owner);
        return body;
    }

    /** A new plan of the unit this year (made by an org admin): its answer. */
    public static JsonPath plan(String unit, String owner) {
        return admin().body(planBody(unit, year(), owner)).post("/v1/annual-plans").then().statusCode(201).extract()
                .jsonPath();
    }

    public static Map<String, Object> item(String kind, String sessionKind, Integer count, String date) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("sessionKind", sessionKind);
        body.put("title", "计划事项" + UUID.randomUUID().toString().substring(0, 4));
        body.put("targetCount", count);
        body.put("targetDate", date);
        return body;
    }

    /** Adds an item as an org admin, naming the plan's current version; the plan's answer. */
    public static JsonPath addItem(String plan, Map<String, Object> item) {
        return admin().header("If-Match", etag(version(plan))).body(item).post("/v1/annual-plans/" + plan + "/items")
                .then().statusCode(201).extract().jsonPath();
    }

    /** The id of the plan's item with this title. */
    public static String itemId(JsonPath plan, Map<String, Object> item) {
        return plan.getString("items.find { it.title == '" + item.get("title") + "' }.id");
    }

    public static long version(String plan) {
        return admin().get("/v1/annual-plans/" + plan).then().statusCode(200).extract().jsonPath().getLong("version");
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public static Map<String, Object> evidence() {
        return Map.of("evidence", "组织党员赴革命教育基地开展现场教学 1 次", "links", List.of("https://www.12371.cn/a.shtml"));
    }

    /** Writes the summary and submits the plan, as an org admin; the plan's answer. */
    public static JsonPath submitted(String plan) {
        admin().header("If-Match", etag(version(plan))).body(Map.of("text", "全年完成计划各项任务。"))
                .put("/v1/annual-plans/" + plan + "/summary").then().statusCode(200);
        return admin().header("If-Match", etag(version(plan))).post("/v1/annual-plans/" + plan + "/submission").then()
                .statusCode(200).extract().jsonPath();
    }
}
