package cn.zhibu.annual.plan;

import static cn.zhibu.annual.plan.PlanFixtures.admin;
import static cn.zhibu.annual.plan.PlanFixtures.item;
import static cn.zhibu.annual.plan.PlanFixtures.year;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.integrity.IntegrityFixtures;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestTime;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The live progress of a plan's recorded items follows the branch's records as they are made over the API: sessions
 * held, party lectures, micro lectures delivered, quizzes opened and contests held, conduct reviews of integrity
 * files. Planned sessions, other branches' records and other kinds count nothing.
 */
@QuarkusTest
class AnnualPlanProgressApiTest {

    private static final String COMMITTEE_MEETINGS = "SESSIONS:BRANCH_COMMITTEE";

    @Test
    void progressIsCountedFromTheRecordsOfTheBranchAndTheYear() {
        PlanFixtures.Tree tree = PlanFixtures.tree();
        String other = OrgFixtures.unit("BRANCH", tree.committee());
        String plan = PlanFixtures.plan(tree.branch(), null).getString("id");
        LocalDate today = TestTime.today();
        Map<String, Map<String, Object>> items = new HashMap<>();
        items.put(COMMITTEE_MEETINGS, item("SESSIONS", "BRANCH_COMMITTEE", 2, null));
        items.put("COMMITTEE_BY_TODAY", item("SESSIONS", "BRANCH_COMMITTEE", null, today.toString()));
        items.put("PARTY_LECTURES", item("PARTY_LECTURES", null, 1, null));
        items.put("LECTURES_DELIVERED", item("LECTURES_DELIVERED", null, 1, null));
        items.put("QUIZZES_HELD", item("QUIZZES_HELD", null, 2, null));
        items.put("INTEGRITY_REVIEWS", item("INTEGRITY_REVIEWS", null, 1, null));
        items.values().forEach(body -> PlanFixtures.addItem(plan, body));
        assertProgress(plan, items, Map.of(COMMITTEE_MEETINGS, 0, "COMMITTEE_BY_TODAY", 0, "PARTY_LECTURES", 0,
                "LECTURES_DELIVERED", 0, "QUIZZES_HELD", 0, "INTEGRITY_REVIEWS", 0), List.of());

        // sessions: a committee meeting held, one only planned, one of another branch held
        held(tree.branch(), "BRANCH_COMMITTEE", 0);
        session(tree.branch(), "BRANCH_COMMITTEE", Duration.ofDays(3), 0);
        held(other, "BRANCH_COMMITTEE", 0);
        assertProgress(plan, items, Map.of(COMMITTEE_MEETINGS, 1, "COMMITTEE_BY_TODAY", 1, "PARTY_LECTURES", 0),
                List.of("COMMITTEE_BY_TODAY"));
        held(tree.branch(), "BRANCH_COMMITTEE", 0);
        held(tree.branch(), "PARTY_LECTURE", 0);
        assertProgress(plan, items, Map.of(COMMITTEE_MEETINGS, 2, "PARTY_LECTURES", 1),
                List.of(COMMITTEE_MEETINGS, "COMMITTEE_BY_TODAY", "PARTY_LECTURES"));

        // a micro lecture delivered at a themed party day of the branch
        StudyFixtures.Member speaker = StudyFixtures.member(tree.branch());
        JsonPath day = session(tree.branch(), "THEMED_PARTY_DAY", Duration.ofMinutes(-30), 1);
        String lecture = day.getString("lectures[0].id");
        admin().header("If-Match", "\"0\"").body(Map.of("personId", speaker.personId()))
                .put("/v1/micro-lectures/" + lecture + "/speaker").then().statusCode(200);
        admin().body(Map.of("delivered", true, "topic", "从“两个确立”谈责任"))
                .post("/v1/micro-lectures/" + lecture + "/delivery").then().statusCode(200);
        assertProgress(plan, items, Map.of("LECTURES_DELIVERED", 1), List.of(COMMITTEE_MEETINGS,
                "COMMITTEE_BY_TODAY", "PARTY_LECTURES", "LECTURES_DELIVERED"));

        // quizzes: one of the branch opened now, one of another branch; a contest counts once its session is held
        quiz(tree.branch());
        quiz(other);
        assertProgress(plan, items, Map.of("QUIZZES_HELD", 1), List.of(COMMITTEE_MEETINGS, "COMMITTEE_BY_TODAY",
                "PARTY_LECTURES", "LECTURES_DELIVERED"));
        JsonPath contestDay = session(tree.branch(), "THEMED_PARTY_DAY", Duration.ofMinutes(-10), 0);
        admin().body(Map.of("quizId", quiz(tree.branch()), "mode", "INDIVIDUAL"))
                .post("/v1/party-days/" + contestDay.getString("id") + "/contest").then().statusCode(201);
        assertProgress(plan, items, Map.of("QUIZZES_HELD", 1), List.of(COMMITTEE_MEETINGS, "COMMITTEE_BY_TODAY",
                "PARTY_LECTURES", "LECTURES_DELIVERED"));
        hold(contestDay.getString("id"));
        assertProgress(plan, items, Map.of("QUIZZES_HELD", 2), List.of(COMMITTEE_MEETINGS, "COMMITTEE_BY_TODAY",
                "PARTY_LECTURES", "LECTURES_DELIVERED", "QUIZZES_HELD"));

        // a conduct review in the file of a cadre of the branch; one of another branch's cadre counts nothing
        review(tree.branch());
        review(other);
        assertProgress(plan, items, Map.of("INTEGRITY_REVIEWS", 1), List.of(COMMITTEE_MEETINGS, "COMMITTEE_BY_TODAY",
                "PARTY_LECTURES", "LECTURES_DELIVERED", "QUIZZES_HELD", "INTEGRITY_REVIEWS"));
    }

    @Test
    void aDateTargetIsMetOnlyByARecordOnOrBeforeItsDayAndOtherYearsCountNothing() {
        PlanFixtures.Tree tree = PlanFixtures.tree();
        LocalDate today = TestTime.today();
        held(tree.branch(), "STUDY_SESSION", 0);
        String plan = PlanFixtures.plan(tree.branch(), null).getString("id");
        Map<String, Object> early = item("SESSIONS", "STUDY_SESSION", null, year() + "-01-01");
        Map<String, Object> late = item("SESSIONS", "STUDY_SESSION", null, year() + "-12-31");
        PlanFixtures.addItem(plan, early);
        JsonPath read = PlanFixtures.addItem(plan, late);
        String first = "items.find { it.title == '" + early.get("title") + "' }.progress";
        String last = "items.find { it.title == '" + late.get("title") + "' }.progress";
        assertEquals(1, read.getInt(last + ".done"));
        assertEquals(today.toString(), read.getString(last + ".firstOn"));
        assertEquals(true, read.getBoolean(last + ".met"));
        assertEquals(null, read.getString(last + ".target"));
        assertEquals(today.getDayOfYear() == 1, read.getBoolean(first + ".met"));
        // last year's plan of the branch counts nothing of this year
        String lastYear = admin().body(PlanFixtures.planBody(tree.branch(), year() - 1, null)).post("/v1/annual-plans")
                .then().statusCode(201).extract().path("id");
        JsonPath old = PlanFixtures.addItem(lastYear, item("SESSIONS", "STUDY_SESSION", 1, null));
        assertEquals(0, old.getInt("items[0].progress.done"));
        assertEquals(false, old.getBoolean("items[0].progress.met"));
    }

    /** The plan's items' done counts (those named) and which items have met their target (all of them). */
    private static void assertProgress(String plan, Map<String, Map<String, Object>> items, Map<String, Integer> done,
            List<String> met) {
        JsonPath read = admin().get("/v1/annual-plans/" + plan).then().statusCode(200).extract().jsonPath();
        items.forEach((key, body) -> {
            String progress = "items.find { it.title == '" + body.get("title") + "' }.progress";
            if (done.containsKey(key)) {
                assertEquals(done.get(key).intValue(), read.getInt(progress + ".done"), key + " done");
            }
            assertEquals(met.contains(key), read.getBoolean(progress + ".met"), key + " met");
        });
        assertEquals(met.size(), read.getInt("itemsMet"));
    }

    private static JsonPath session(String branch, String kind, Duration startsIn, int slots) {
        Instant startsAt = TestTime.now().plus(startsIn).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new HashMap<>(Map.of("branchId", branch, "kind", kind, "startsAt",
                startsAt.toString(), "endsAt", startsAt.plus(Duration.ofMinutes(90)).toString(), "theme", "年度计划",
                "lectureSlots", slots));
        return admin().body(body).post("/v1/party-days").then().statusCode(201).extract().jsonPath();
    }

    /** A session of the branch that started a minute ago, held. */
    private static void held(String branch, String kind, int slots) {
        hold(session(branch, kind, Duration.ofMinutes(-1), slots).getString("id"));
    }

    private static void hold(String day) {
        String tag = admin().get("/v1/party-days/" + day).then().statusCode(200).extract().header("ETag");
        admin().header("If-Match", tag).post("/v1/party-days/" + day + "/held").then().statusCode(200);
    }

    /** A standalone quiz of the unit, open from now: its id. */
    private static String quiz(String unit) {
        Map<String, Object> question = new HashMap<>(Map.of("unitId", unit, "kind", "TRUE_FALSE", "text",
                "党小组会一般每季度召开一次。" + UUID.randomUUID().toString().substring(0, 4), "correctKeys", List.of("B")));
        String id = admin().header("Idempotency-Key", UUID.randomUUID().toString()).body(question)
                .post("/v1/quiz-questions").then().statusCode(201).extract().path("id");
        return admin().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("title", "党章一测",
                "unitId", unit, "questionIds", List.of(id), "timeLimitSeconds", 300)).post("/v1/quizzes").then()
                .statusCode(201).extract().path("id");
    }

    /** A conduct review in a fresh file of a fresh cadre of the branch. */
    private static void review(String branch) {
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        IntegrityFixtures.append(branch, file, Map.of("type", "CONDUCT_REVIEW", "periodFrom", year() + "-01-01",
                "periodTo", year() + "-06-30", "assessment", "GOOD", "summary", "作风扎实", "reviewer", "区纪委第一监督检查室"));
    }
}
