package cn.zhibu.annual;

import static cn.zhibu.annual.plan.PlanFixtures.admin;
import static cn.zhibu.annual.plan.PlanFixtures.etag;
import static cn.zhibu.annual.plan.PlanFixtures.version;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.annual.plan.PlanFixtures;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.NoticeRows;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestTime;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Notices of the annual cycle: a plan item's owner is reminded the day before it is due (PLAN_ITEM_DUE), and the
 * people of a campaign's stage hear when it opens and a day before it closes (CAMPAIGN_STAGE).
 */
@io.quarkus.test.junit.QuarkusTest
class AnnualNoticesApiTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String DUE = "PLAN_ITEM_DUE";
    static final String STAGE = "CAMPAIGN_STAGE";

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Instant nineOClock(LocalDate day) {
        return day.atTime(9, 0).atZone(SHANGHAI).toInstant();
    }

    static UUID id(String person) {
        return UUID.fromString(person);
    }

    static Map<String, Object> item(String title, String date, Integer count, String owner) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "OTHER");
        body.put("title", title);
        body.put("targetDate", date);
        body.put("targetCount", count);
        body.put("ownerId", owner);
        return body;
    }

    @Test
    void aPlanItemsOwnerIsRemindedTheDayBeforeItIsDue() {
        int year = TestTime.today().getYear();
        LocalDate june = LocalDate.of(year, 6, 1);
        clock.set(june.atTime(10, 0).atZone(SHANGHAI).toInstant());
        PlanFixtures.Tree tree = PlanFixtures.tree();
        Member first = StudyFixtures.member(tree.branch());
        Member second = StudyFixtures.member(tree.branch());
        String plan = PlanFixtures.plan(tree.branch(), null).getString("id");
        String items = "/v1/annual-plans/" + plan + "/items";

        Map<String, Object> visit = item("赴革命教育基地现场教学", year + "-06-20", null, first.personId());
        JsonPath added = PlanFixtures.addItem(plan, visit);
        String itemId = PlanFixtures.itemId(added, visit);
        String subject = "plan-item:" + itemId + ":due";
        List<NoticeRows.Row> rows = NoticeRows.of(DUE, subject);
        assertEquals(1, rows.size());
        assertEquals(id(first.personId()), rows.get(0).personId());
        assertEquals(nineOClock(june.withDayOfMonth(19)), rows.get(0).dueAt());
        assertEquals(Map.of("title", "赴革命教育基地现场教学", "time", year + "-06-20"), rows.get(0).fields());
        assertEquals("/v1/annual-plans/" + plan, rows.get(0).link());

        // refused changes (a stale version, a date of another year) change nothing
        Map<String, Object> later = item("赴革命教育基地现场教学", year + "-06-25", null, first.personId());
        long v = version(plan);
        problem(admin().header("If-Match", etag(v - 1)).body(later).put(items + "/" + itemId).then(), 412,
                "PRECONDITION_FAILED");
        problem(admin().header("If-Match", etag(v)).body(item("赴革命教育基地现场教学", (year + 1) + "-01-05", null,
                first.personId())).put(items + "/" + itemId).then(), 422, "ANNUAL_PLAN_ITEM_DATE_OUTSIDE_YEAR");
        assertEquals(nineOClock(june.withDayOfMonth(19)), NoticeRows.of(DUE, subject).get(0).dueAt());

        // a new date moves the reminder; the same change again makes no second one
        for (int i = 0; i < 2; i++) {
            admin().header("If-Match", etag(version(plan))).body(later).put(items + "/" + itemId).then()
                    .statusCode(200);
            rows = NoticeRows.of(DUE, subject);
            assertEquals(1, rows.size());
            assertEquals(nineOClock(june.withDayOfMonth(24)), rows.get(0).dueAt());
            assertEquals(false, rows.get(0).withdrawn());
            assertEquals(year + "-06-25", rows.get(0).fields().get("time"));
        }

        // a new owner: theirs, and the old owner's is taken back
        admin().header("If-Match", etag(version(plan)))
                .body(item("赴革命教育基地现场教学", year + "-06-25", null, second.personId()))
                .put(items + "/" + itemId).then().statusCode(200);
        assertEquals(Set.of(id(second.personId())), NoticeRows.recipients(DUE, subject));
        assertEquals(2, NoticeRows.of(DUE, subject).size());

        // done: taken back; undone: back again; deleted: gone
        admin().header("If-Match", etag(version(plan))).body(PlanFixtures.evidence())
                .post(items + "/" + itemId + "/completion").then().statusCode(200);
        assertEquals(Set.of(), NoticeRows.recipients(DUE, subject));
        admin().header("If-Match", etag(version(plan))).delete(items + "/" + itemId + "/completion").then()
                .statusCode(200);
        assertEquals(Set.of(id(second.personId())), NoticeRows.recipients(DUE, subject));
        admin().header("If-Match", etag(version(plan))).delete(items + "/" + itemId).then().statusCode(200);
        assertEquals(Set.of(), NoticeRows.recipients(DUE, subject));

        // due tomorrow, its reminder time past: at once; counted to a number, or of nobody: none
        Map<String, Object> tomorrow = item("提交学习心得", year + "-06-02", null, first.personId());
        String soon = PlanFixtures.itemId(PlanFixtures.addItem(plan, tomorrow), tomorrow);
        assertEquals(TestTime.now(), NoticeRows.of(DUE, "plan-item:" + soon + ":due").get(0).dueAt());
        Map<String, Object> counted = item("开展谈心谈话", null, 10, first.personId());
        String number = PlanFixtures.itemId(PlanFixtures.addItem(plan, counted), counted);
        assertEquals(0, NoticeRows.count(DUE, "plan-item:" + number + ":due"));
        Map<String, Object> nobody = item("整理档案", year + "-07-01", null, null);
        String unowned = PlanFixtures.itemId(PlanFixtures.addItem(plan, nobody), nobody);
        assertEquals(0, NoticeRows.count(DUE, "plan-item:" + unowned + ":due"));
    }

    static String at(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(SHANGHAI).toOffsetDateTime());
    }

    /** A member appraisal's stages: self-evaluation, peer evaluation, decision, from {@code start}, a day each. */
    static List<Map<String, Object>> stages(Instant start, long... hours) {
        List<String> kinds = List.of("SELF_EVALUATION", "PEER_EVALUATION", "DECISION");
        List<Map<String, Object>> stages = new ArrayList<>();
        Instant at = start;
        for (int i = 0; i < kinds.size(); i++) {
            Instant closes = at.plusSeconds(3600 * hours[i]);
            stages.add(Map.of("kind", kinds.get(i), "opensAt", at(at), "closesAt", at(closes)));
            at = closes;
        }
        return stages;
    }

    static String subject(String campaign, String stage, String moment) {
        return "campaign:" + campaign + ":" + stage + ":" + moment;
    }

    @Test
    void thePeopleOfACampaignsStagesHearWhenItOpensAndBeforeItCloses() {
        Instant now = TestTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.set(now);
        String branch = OrgFixtures.unit("BRANCH", OrgFixtures.unit("COMMITTEE", null));
        Set<UUID> members = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            members.add(id(OrgFixtures.person("评议" + i, branch)));
        }
        Member manager = StudyFixtures.member(branch);
        StudyFixtures.grant(manager, Roles.SECRETARY, branch);
        members.add(id(manager.personId()));
        Member leader = StudyFixtures.member(branch);
        StudyFixtures.grant(leader, Roles.GROUP_LEADER, branch);
        members.add(id(leader.personId()));

        Instant start = now.plus(Duration.ofDays(2));
        Map<String, Object> body = new HashMap<>(Map.of("unitId", branch, "year", 2026, "type", "MEMBER_APPRAISAL",
                "title", "民主评议党员", "scale", List.of("优秀", "合格", "基本合格", "不合格"),
                "stages", stages(start, 48, 72, 24)));
        String secretary = "campaign-notice-secretary";
        JsonPath created = Api.as(secretary, Roles.SECRETARY, UUID.fromString(branch)).body(body)
                .post("/v1/campaigns").then().statusCode(201).extract().jsonPath();
        String campaign = created.getString("id");

        Instant peerOpens = start.plus(Duration.ofHours(48));
        Instant decisionOpens = peerOpens.plus(Duration.ofHours(72));
        assertStage(campaign, "SELF_EVALUATION", members, start, start.plus(Duration.ofHours(24)),
                start.plus(Duration.ofHours(48)));
        assertStage(campaign, "PEER_EVALUATION", members, peerOpens, decisionOpens.minus(Duration.ofDays(1)),
                decisionOpens);
        // the decision's day: its close reminder falls at its opening
        assertStage(campaign, "DECISION", Set.of(id(manager.personId())), decisionOpens, decisionOpens,
                decisionOpens.plus(Duration.ofHours(24)));
        NoticeRows.Row row = NoticeRows.of(STAGE, subject(campaign, "PEER_EVALUATION", "open")).get(0);
        assertEquals(Map.of("title", "民主评议党员", "note", "互评", "state", "开始", "time", peerOpens.toString()),
                row.fields());
        assertEquals("/v1/campaigns/" + campaign, row.link());
        assertEquals("截止", NoticeRows.of(STAGE, subject(campaign, "PEER_EVALUATION", "close")).get(0).fields()
                .get("state"));

        // a stale change is refused: nothing moves
        String path = "/v1/campaigns/" + campaign;
        Instant moved = start.plus(Duration.ofDays(1));
        Map<String, Object> change = Map.of("title", "民主评议党员", "stages", stages(moved, 48, 72, 24));
        problem(Api.as(secretary, Roles.SECRETARY, UUID.fromString(branch)).header("If-Match", "\"99\"").body(change)
                .put(path).then(), 412, "PRECONDITION_FAILED");
        assertEquals(start, NoticeRows.of(STAGE, subject(campaign, "SELF_EVALUATION", "open")).get(0).dueAt());

        // a new timetable moves every reminder, also for a member who joined since; twice, no duplicates
        UUID joined = id(OrgFixtures.person("评议新", branch));
        members.add(joined);
        for (int i = 0; i < 2; i++) {
            long version = Api.as(secretary, Roles.SECRETARY, UUID.fromString(branch)).get(path).then().statusCode(200)
                    .extract().jsonPath().getLong("version");
            Api.as(secretary, Roles.SECRETARY, UUID.fromString(branch)).header("If-Match", "\"" + version + "\"")
                    .body(change).put(path).then().statusCode(200);
            Instant movedPeer = moved.plus(Duration.ofHours(48));
            Instant movedDecision = movedPeer.plus(Duration.ofHours(72));
            assertStage(campaign, "PEER_EVALUATION", members, movedPeer, movedDecision.minus(Duration.ofDays(1)),
                    movedDecision);
            assertEquals(members.size() - 1, NoticeRows.of(STAGE, subject(campaign, "SELF_EVALUATION", "open")).size(),
                    "self-evaluation is the ratees', made when it was created");
        }

        // cancelled: everything not yet due is taken back
        long version = Api.as(secretary, Roles.SECRETARY, UUID.fromString(branch)).get(path).then().statusCode(200)
                .extract().jsonPath().getLong("version");
        Api.as(secretary, Roles.SECRETARY, UUID.fromString(branch)).header("If-Match", "\"" + version + "\"")
                .post(path + "/cancellation").then().statusCode(200);
        assertEquals(0, cn.zhibu.testing.Sql.count("select count(*) from notification where kind = 'CAMPAIGN_STAGE' "
                + "and subject like ?1 and withdrawn_at is null", "campaign:" + campaign + ":%"));
        assertTrue(NoticeRows.count(STAGE, "campaign:" + campaign + ":%") > 0);
    }

    static void assertStage(String campaign, String stage, Set<UUID> people, Instant opens, Instant closing,
            Instant closes) {
        List<NoticeRows.Row> open = NoticeRows.of(STAGE, subject(campaign, stage, "open"));
        List<NoticeRows.Row> close = NoticeRows.of(STAGE, subject(campaign, stage, "close"));
        assertEquals(people, NoticeRows.recipients(STAGE, subject(campaign, stage, "open")), stage);
        assertEquals(people, NoticeRows.recipients(STAGE, subject(campaign, stage, "close")), stage);
        open.forEach(r -> assertEquals(opens, r.dueAt(), stage));
        close.forEach(r -> assertEquals(closing, r.dueAt(), stage));
        close.forEach(r -> assertEquals(closes.toString(), r.fields().get("time"), stage));
    }
}
