package cn.zhibu.study.checkin;

import static cn.zhibu.study.StudyFixtures.material;
import static cn.zhibu.study.StudyFixtures.member;
import static cn.zhibu.study.StudyFixtures.rule;
import static cn.zhibu.testing.OrgFixtures.unit;
import static cn.zhibu.testing.Sql.count;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.PointsFixtures;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * STUDY_TIME over HTTP: where a branch has the rule, a credited check-in on a material earns its points per full block
 * of the study time it states (checked against the opening; a general check-in earns none) (zhibu.points.study-time-block, PT10M by default), capped as any activity, credited once, and
 * reversed with the check-in's own credit.
 */
@QuarkusTest
class StudyTimeApiTest {

    @Inject
    TestClock clock;

    String branch;
    String withoutRule;

    @BeforeEach
    void tree() {
        String committee = unit("COMMITTEE", null);
        branch = unit("BRANCH", committee);
        withoutRule = unit("BRANCH", committee);
        rule(committee, "CHECK_IN", 1, null, null);
        rule(branch, "STUDY_TIME", 2, 10, null);
        clock.set(TestTime.now());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    RequestSpecification secretary() {
        return Api.as("study-time-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    /** A check-in by the member with this body; answers its id. */
    static String checkIn(Member member, Map<String, Object> body) {
        return member.api().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/v1/check-ins")
                .then().statusCode(201).extract().path("checkIn.id");
    }

    /**
     * The body of a check-in on a new material of the unit that the member opened {@code seconds} (and a minute)
     * ago, by the test clock: study time is credited only where it was checked against the opening.
     */
    Map<String, Object> studied(Member member, String unit, int seconds) {
        String material = material(unit);
        member.api().post("/v1/study-materials/" + material + "/open").then().statusCode(200);
        clock.advance(Duration.ofSeconds(seconds + 60L));
        return Map.of("materialId", material, "studySeconds", seconds);
    }

    static Map<String, Object> general(Integer seconds) {
        Map<String, Object> body = new HashMap<>();
        body.put("note", "学习党章");
        if (seconds != null) {
            body.put("studySeconds", seconds);
        }
        return body;
    }

    /** The points of the person's STUDY_TIME credits (not reversals) for the check-in, as the ledger API shows them. */
    static List<Integer> studyTime(Member member, String checkIn) {
        List<Map<String, Object>> items = member.api().queryParam("personId", member.personId())
                .get("/v1/points/entries").then().statusCode(200).extract().path("items");
        return items.stream().filter(e -> "STUDY_TIME".equals(e.get("activityType")) && e.get("reverses") == null
                && checkIn.equals(e.get("sourceId"))).map(e -> {
                    assertEquals("CHECK_IN", e.get("sourceType"));
                    return (Integer) e.get("points");
                }).toList();
    }

    @Test
    void aCheckInEarnsTheRulesPointsPerFullBlockOfItsStudyTime() {
        Map<Integer, List<Integer>> expected = new java.util.LinkedHashMap<>();
        expected.put(0, List.of());
        expected.put(599, List.of());
        expected.put(600, List.of(2));
        expected.put(1199, List.of(2));
        expected.put(1800, List.of(6));
        expected.put(3600, List.of(10)); // 12 asked, the daily cap of 10 leaves 10
        for (var duration : expected.entrySet()) {
            Member member = member(branch);
            String id = checkIn(member, studied(member, branch, duration.getKey()));
            assertEquals(duration.getValue(), studyTime(member, id), duration.getKey() + " seconds");
            assertEquals(1, count("select count(*) from ledger_entry where person_id = ?1 and activity_type = 'CHECK_IN'",
                    member.personId()), "the check-in's own credit, as ever");
        }
        Member general = member(branch);
        String unchecked = checkIn(general, general(3600));
        assertEquals(List.of(), studyTime(general, unchecked), "a general check-in's study time is not checked");
        Member unstated = member(branch);
        String id = checkIn(unstated, general(null));
        assertEquals(List.of(), studyTime(unstated, id), "no study time stated");
        assertEquals(1, count("select count(*) from ledger_entry where person_id = ?1", unstated.personId()));
    }

    @Test
    void theDailyCapCountsEveryCheckInOfTheDay() {
        clock.set(TestTime.now());
        String first = material(branch);
        String second = material(branch);
        Member member = member(branch);
        member.api().post("/v1/study-materials/" + first + "/open").then().statusCode(200);
        member.api().post("/v1/study-materials/" + second + "/open").then().statusCode(200);
        clock.advance(Duration.ofMinutes(31));
        String third = checkIn(member, studied(member, branch, 2400)); // 4 blocks: 8
        String onFirst = checkIn(member, Map.of("materialId", first, "studySeconds", 1800)); // 6 asked, 2 left
        clock.advance(Duration.ofMinutes(2));
        String onSecond = checkIn(member, Map.of("materialId", second, "studySeconds", 600)); // the cap is reached
        assertEquals(List.of(8), studyTime(member, third));
        assertEquals(List.of(2), studyTime(member, onFirst));
        assertEquals(List.of(0), studyTime(member, onSecond), "capped to 0, as any activity");
        assertEquals(10, count("select coalesce(sum(points), 0) from ledger_entry where person_id = ?1 "
                + "and activity_type = 'STUDY_TIME'", member.personId()));
    }

    @Test
    void theMaximumCountHoldsForStudyTimeToo() {
        String capped = unit("BRANCH", unit("COMMITTEE", null));
        PointsFixtures.rule(capped, ActivityType.STUDY_TIME, TestTime.today().minusDays(3), 1, null, null, 1);
        clock.set(TestTime.now());
        String material = material(capped);
        Member member = member(capped);
        member.api().post("/v1/study-materials/" + material + "/open").then().statusCode(200);
        clock.advance(Duration.ofMinutes(20));
        String first = checkIn(member, studied(member, capped, 1200));
        String second = checkIn(member, Map.of("materialId", material, "studySeconds", 1200));
        assertEquals(List.of(2), studyTime(member, first));
        assertEquals(List.of(0), studyTime(member, second), "one occurrence ever earns points");
    }

    @Test
    void aBranchWithoutTheRuleCreditsNothingForStudyTime() {
        Member member = member(withoutRule);
        Map<String, Object> body = studied(member, withoutRule, 3600); // before the token: the clock moves on
        String id = member.api().header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/v1/check-ins").then().statusCode(201).body("checkIn.status", equalTo("CREDITED"))
                .body("checkIn.points", equalTo(1)).extract().path("checkIn.id");
        assertEquals(List.of(), studyTime(member, id));
        assertEquals(0, count("select count(*) from ledger_entry where person_id = ?1 and activity_type = 'STUDY_TIME'",
                member.personId()));
    }

    @Test
    void aFlaggedCheckInEarnsStudyTimeOnlyOnceCleared() {
        String material = material(branch);
        Member member = member(branch);
        var made = member.api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("materialId", material, "studySeconds", 1200)).post("/v1/check-ins").then()
                .statusCode(201).body("checkIn.status", equalTo("FLAGGED")).extract();
        String id = made.path("checkIn.id");
        String day = made.path("checkIn.businessDate");
        assertEquals(0, count("select count(*) from ledger_entry where person_id = ?1", member.personId()));

        clock.set(TestTime.now().plus(Duration.ofDays(1))); // cleared the next day: dated to its own day
        secretary().post("/v1/check-ins/" + id + "/clear").then().statusCode(200).body("status", equalTo("CREDITED"))
                .body("points", equalTo(1));
        assertEquals(List.of(4), studyTime(member, id));
        assertEquals(1, count("select count(*) from ledger_entry where person_id = ?1 and activity_type = 'STUDY_TIME' "
                + "and business_date = cast(?2 as date)", member.personId(), day));
    }

    @Test
    void reversingTheCheckInsCreditReversesItsStudyTime() {
        Member member = member(branch);
        Map<String, Object> body = studied(member, branch, 1200);
        var made = member.api().header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/v1/check-ins").then().statusCode(201).extract();
        String id = made.path("checkIn.id");
        String entry = made.path("checkIn.ledgerEntryId");
        assertEquals(List.of(4), studyTime(member, id));

        secretary().body(Map.of("reason", "代打卡，不计分")).post("/v1/points/entries/" + entry + "/reverse").then()
                .statusCode(201).body("points", equalTo(-1));
        member.api().get("/v1/check-ins/" + id).then().statusCode(200).body("status", equalTo("REVERSED"));
        assertEquals(1, count("select count(*) from ledger_entry r join ledger_entry e on r.reverses = e.id "
                + "where e.person_id = ?1 and e.activity_type = 'STUDY_TIME' and r.points = -4 "
                + "and r.reason = '代打卡，不计分'", member.personId()));
        assertEquals(0, count("select coalesce(sum(points), 0) from ledger_entry where person_id = ?1",
                member.personId()));
    }

    @Test
    void studyTimeReversedOnItsOwnLeavesTheCheckInCredited() {
        Member member = member(branch);
        Map<String, Object> body = studied(member, branch, 600);
        var made = member.api().header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/v1/check-ins").then().statusCode(201).extract();
        String id = made.path("checkIn.id");
        String studyTimeEntry = member.api().queryParam("personId", member.personId()).get("/v1/points/entries")
                .then().statusCode(200).extract().path("items.find { it.activityType == 'STUDY_TIME' }.id");
        secretary().body(Map.of("reason", "学习时长不实")).post("/v1/points/entries/" + studyTimeEntry + "/reverse")
                .then().statusCode(201).body("points", equalTo(-2));
        member.api().get("/v1/check-ins/" + id).then().statusCode(200).body("status", equalTo("CREDITED"));

        // the check-in's own credit reversed later: its study time is not reversed twice
        secretary().body(Map.of("reason", "代打卡")).post("/v1/points/entries/" + made.path("checkIn.ledgerEntryId")
                + "/reverse").then().statusCode(201);
        member.api().get("/v1/check-ins/" + id).then().statusCode(200).body("status", equalTo("REVERSED"));
        assertEquals(4, count("select count(*) from ledger_entry where person_id = ?1", member.personId()));
        assertEquals(0, count("select coalesce(sum(points), 0) from ledger_entry where person_id = ?1",
                member.personId()));
    }

    @Test
    void aRetriedCheckInCreditsItsStudyTimeOnce() {
        Member member = member(branch);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = studied(member, branch, 1800);
        String id = member.api().header("Idempotency-Key", key).body(body).post("/v1/check-ins").then()
                .statusCode(201).extract().path("checkIn.id");
        member.api().header("Idempotency-Key", key).body(body).post("/v1/check-ins").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("checkIn.id", equalTo(id));
        assertEquals(List.of(6), studyTime(member, id));
        assertEquals(1, count("select count(*) from ledger_entry where person_id = ?1 and activity_type = 'STUDY_TIME'",
                member.personId()));
    }
}
