package cn.zhibu.annual.plan;

import static cn.zhibu.annual.plan.PlanFixtures.admin;
import static cn.zhibu.annual.plan.PlanFixtures.etag;
import static cn.zhibu.annual.plan.PlanFixtures.evidence;
import static cn.zhibu.annual.plan.PlanFixtures.item;
import static cn.zhibu.annual.plan.PlanFixtures.itemId;
import static cn.zhibu.annual.plan.PlanFixtures.planBody;
import static cn.zhibu.annual.plan.PlanFixtures.year;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every bad input to plans and their items: a clear problem+json answer, and nothing stored. */
@QuarkusTest
class AnnualPlanValidationApiTest {

    @Test
    void badPlansAreRefusedAndNothingIsStored() {
        PlanFixtures.Tree tree = PlanFixtures.tree();
        String group = OrgFixtures.unit("PARTY_GROUP", tree.branch());
        StudyFixtures.Member plain = StudyFixtures.member(tree.branch());
        String path = "/v1/annual-plans";
        problem(admin().body(planBody(tree.branch(), year(), plain.personId())).post(path).then(), 422,
                "ANNUAL_PLAN_OWNER_NOT_COMMITTEE");
        problem(admin().body(planBody(group, year(), null)).post(path).then(), 422, "ANNUAL_PLAN_NOT_A_BRANCH");
        problem(admin().body(planBody(UUID.randomUUID().toString(), year(), null)).post(path).then(), 422,
                "ANNUAL_PLAN_UNIT_NOT_FOUND");
        problem(admin().body(planBody(tree.branch(), 1999, null)).post(path).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", hasItem("year"));
        problem(admin().body(planBody(null, null, null)).post(path).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", hasItems("unitId", "year"));
        problem(admin().body(Map.of("unitId", "not-a-uuid", "year", year())).post(path).then(), 400,
                "VALIDATION_FAILED");
        assertEquals(0, Sql.count("select count(*) from annual_plan where unit_id in (?1, ?2)",
                UUID.fromString(tree.branch()), UUID.fromString(group)));
    }

    @Test
    void badItemsAreRefusedAndNothingIsStored() {
        PlanFixtures.Tree tree = PlanFixtures.tree();
        String outsider = OrgFixtures.person("外人", OrgFixtures.unit("BRANCH", tree.committee()));
        String plan = PlanFixtures.plan(tree.branch(), tree.secretary().personId()).getString("id");
        String items = "/v1/annual-plans/" + plan + "/items";
        List<Object[]> cases = List.of(
                new Object[] {item("SESSIONS", null, 4, null), 422, "ANNUAL_PLAN_ITEM_SESSION_KIND"},
                new Object[] {item("PARTY_LECTURES", "PARTY_LECTURE", 4, null), 422, "ANNUAL_PLAN_ITEM_SESSION_KIND"},
                new Object[] {item("OTHER", null, 4, year() + "-06-30"), 422, "ANNUAL_PLAN_ITEM_TARGET"},
                new Object[] {item("OTHER", null, null, null), 422, "ANNUAL_PLAN_ITEM_TARGET"},
                new Object[] {item("OTHER", null, null, (year() + 1) + "-01-01"), 422,
                        "ANNUAL_PLAN_ITEM_DATE_OUTSIDE_YEAR"},
                new Object[] {item("OTHER", null, null, (year() - 1) + "-12-31"), 422,
                        "ANNUAL_PLAN_ITEM_DATE_OUTSIDE_YEAR"},
                new Object[] {with(item("OTHER", null, 1, null), "ownerId", outsider), 422,
                        "ANNUAL_PLAN_ITEM_OWNER_NOT_MEMBER"},
                new Object[] {with(item("OTHER", null, 1, null), "ownerId", UUID.randomUUID().toString()), 422,
                        "ANNUAL_PLAN_ITEM_OWNER_NOT_MEMBER"},
                new Object[] {item("MEETINGS", null, 1, null), 400, "VALIDATION_FAILED"},
                new Object[] {item("SESSIONS", "PICNIC", 1, null), 400, "VALIDATION_FAILED"},
                new Object[] {item("OTHER", null, 0, null), 400, "VALIDATION_FAILED"},
                new Object[] {item("OTHER", null, 1001, null), 400, "VALIDATION_FAILED"},
                new Object[] {with(item("OTHER", null, 1, null), "title", "x".repeat(201)), 400, "VALIDATION_FAILED"},
                new Object[] {with(item("OTHER", null, 1, null), "title", " "), 400, "VALIDATION_FAILED"},
                new Object[] {with(item("OTHER", null, 1, null), "targetDate", "30/06"), 400, "VALIDATION_FAILED"});
        for (Object[] bad : cases) {
            problem(admin().header("If-Match", etag(0)).body(bad[0]).post(items).then(), (Integer) bad[1],
                    (String) bad[2]);
        }
        problem(admin().body(item("OTHER", null, 1, null)).post(items).then(), 428, "PRECONDITION_REQUIRED");
        assertEquals(0, Sql.count("select count(*) from annual_plan_item where plan_id = ?1", plan));
        assertEquals(0, PlanFixtures.version(plan));

        // a good item, then bad changes of it: nothing changes
        Map<String, Object> sessions = item("SESSIONS", "BRANCH_COMMITTEE", 12, null);
        JsonPath read = PlanFixtures.addItem(plan, sessions);
        String item = items + "/" + itemId(read, sessions);
        problem(admin().header("If-Match", etag(1)).header("Accept-Language", "en")
                .body(item("OTHER", null, null, "2001-01-01")).put(item).then(), 422,
                "ANNUAL_PLAN_ITEM_DATE_OUTSIDE_YEAR").body("detail", org.hamcrest.Matchers.equalTo(
                        "The target date 2001-01-01 is not in the plan's year " + year() + "."));
        problem(admin().header("If-Match", etag(1)).body(item("OTHER", null, 1, null))
                .put(items + "/" + UUID.randomUUID()).then(), 404, "NOT_FOUND");
        // recorded kinds are not ticked by hand
        problem(admin().header("If-Match", etag(1)).body(evidence()).post(item + "/completion").then(), 422,
                "ANNUAL_PLAN_ITEM_RECORDED");
        problem(admin().header("If-Match", etag(1)).delete(item + "/completion").then(), 422,
                "ANNUAL_PLAN_ITEM_RECORDED");
        // bad evidence
        Map<String, Object> other = item("OTHER", null, 1, null);
        String visit = items + "/" + itemId(PlanFixtures.addItem(plan, other), other);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("evidence", " ", "links", List.of()),
                Map.of("evidence", "已完成", "links", List.of("http://www.12371.cn/a.shtml")),
                Map.of("evidence", "已完成", "links", List.of("https://a.cn/1", "https://a.cn/2", "https://a.cn/3",
                        "https://a.cn/4", "https://a.cn/5", "https://a.cn/6")),
                Map.of("evidence", "x".repeat(2001)))) {
            problem(admin().header("If-Match", etag(2)).body(bad).post(visit + "/completion").then(), 400,
                    "VALIDATION_FAILED");
        }
        problem(admin().header("If-Match", etag(2)).body(Map.of("text", "x".repeat(10001)))
                .put("/v1/annual-plans/" + plan + "/summary").then(), 400, "VALIDATION_FAILED");
        assertEquals(2, PlanFixtures.version(plan));
        assertEquals(0, Sql.count("select count(*) from annual_plan_item where plan_id = ?1 and (done_at is not null "
                + "or target_count <> 12 and kind = 'SESSIONS')", plan));
        assertEquals(0, Sql.count("select count(*) from annual_plan where id = ?1 and summary is not null", plan));
    }

    @Test
    void reviewsAreForSubmittedPlansByTheUnitAboveWithANoteWhenReturned() {
        PlanFixtures.Tree tree = PlanFixtures.tree();
        String plan = PlanFixtures.plan(tree.branch(), null).getString("id");
        String review = "/v1/annual-plans/" + plan + "/review";
        problem(PlanFixtures.reviewer(tree).body(Map.of("decision", "APPROVED")).post(review).then(), 409,
                "ANNUAL_PLAN_STATE_CONFLICT");
        PlanFixtures.submitted(plan);
        // the branch's own secretary is not above it
        problem(tree.secretaryApi().body(Map.of("decision", "APPROVED")).post(review).then(), 403,
                "ANNUAL_PLAN_NOT_REVIEWER");
        problem(PlanFixtures.reviewer(tree).body(Map.of("decision", "MAYBE")).post(review).then(), 400,
                "VALIDATION_FAILED");
        problem(PlanFixtures.reviewer(tree).body(Map.of("decision", "RETURNED", "note", " ")).post(review).then(), 422,
                "ANNUAL_PLAN_NOTE_REQUIRED");
        problem(PlanFixtures.reviewer(tree).body(Map.of("decision", "RETURNED", "note", "x".repeat(1001)))
                .post(review).then(), 400, "VALIDATION_FAILED");
        assertEquals(0, Sql.count("select count(*) from annual_plan_review where plan_id = ?1", plan));
        assertEquals(1, Sql.count("select count(*) from annual_plan where id = ?1 and state = 'SUBMITTED'", plan));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }
}
