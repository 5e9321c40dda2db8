package cn.zhibu.study.checkin;

import static cn.zhibu.testing.Sql.count;
import static cn.zhibu.study.StudyFixtures.material;
import static cn.zhibu.study.StudyFixtures.materialBody;
import static cn.zhibu.study.StudyFixtures.member;
import static cn.zhibu.study.StudyFixtures.rule;
import static cn.zhibu.testing.OrgFixtures.unit;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Implausible check-ins are flagged with a reason and earn nothing until a reviewer clears them. */
@QuarkusTest
class FlaggedCheckInsApiTest {

    @Inject
    TestClock clock;

    String branch;
    String otherBranch;

    @BeforeEach
    void tree() {
        String committee = unit("COMMITTEE", null);
        branch = unit("BRANCH", committee);
        otherBranch = unit("BRANCH", committee);
        rule(branch, "CHECK_IN", 2, null, null);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    RequestSpecification secretary() {
        return Api.as("flag-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    io.restassured.response.ValidatableResponse checkIn(Member member, Map<String, Object> body) {
        clock.advance(Duration.ofSeconds(1)); // one after another, so the order of the lists is known
        return member.api().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/v1/check-ins")
                .then();
    }

    static void open(Member member, String material) {
        member.api().post("/v1/study-materials/" + material + "/open").then().statusCode(200);
    }

    String materialWithMinimum(int seconds) {
        Map<String, Object> body = materialBody(branch);
        body.put("minStudySeconds", seconds);
        return material(body);
    }

    @Test
    void implausibleCheckInsAreFlaggedAndReviewed() {
        String tenMinutes = materialWithMinimum(600);
        String quick = material(branch);
        String another = material(branch);
        clock.set(TestTime.now());
        Member unopened = member(branch);
        Member hasty = member(branch);
        Member boastful = member(branch);
        Member honest = member(branch);
        Member busy = member(branch);
        open(hasty, tenMinutes);
        open(boastful, quick);
        open(honest, quick);
        open(busy, tenMinutes);
        clock.advance(Duration.ofMinutes(5));

        var first = checkIn(unopened, Map.of("materialId", tenMinutes)).statusCode(201)
                .body("checkIn.status", equalTo("FLAGGED")).body("checkIn.flagReason", equalTo("NOT_OPENED"))
                .body("checkIn.points", nullValue()).body("checkIn.ledgerEntryId", nullValue())
                .body("streak.current", equalTo(0)).extract();
        String notOpened = first.path("checkIn.id");
        String day = first.path("checkIn.businessDate");
        String tooQuick = checkIn(hasty, Map.of("materialId", tenMinutes)).statusCode(201)
                .body("checkIn.flagReason", equalTo("BELOW_MINIMUM_TIME")).extract().path("checkIn.id");
        String claimed = checkIn(boastful, Map.of("materialId", quick, "studySeconds", 400)).statusCode(201)
                .body("checkIn.flagReason", equalTo("CLAIM_EXCEEDS_ELAPSED")).extract().path("checkIn.id");
        checkIn(honest, Map.of("materialId", quick, "studySeconds", 300)).statusCode(201)
                .body("checkIn.status", equalTo("CREDITED")).body("checkIn.points", equalTo(2));
        // three check-ins within a minute, then a fourth: a burst, even though it is plausible on its own
        clock.advance(Duration.ofMinutes(6));
        open(busy, quick);
        open(busy, another);
        checkIn(busy, Map.of("note", "学习党章")).statusCode(201).body("checkIn.status", equalTo("CREDITED"));
        checkIn(busy, Map.of("materialId", quick)).statusCode(201).body("checkIn.status", equalTo("CREDITED"));
        checkIn(busy, Map.of("materialId", another)).statusCode(201).body("checkIn.status", equalTo("CREDITED"));
        String burst = checkIn(busy, Map.of("materialId", tenMinutes)).statusCode(201)
                .body("checkIn.flagReason", equalTo("BURST")).extract().path("checkIn.id");
        for (Member flagged : List.of(unopened, hasty, boastful)) {
            assertEquals(0, count("select count(*) from ledger_entry where person_id = ?1", flagged.personId()),
                    "flagged check-ins have no ledger entry");
        }

        List<String> waiting = secretary().queryParam("unitId", branch).get("/v1/check-ins/flagged").then()
                .statusCode(200).extract().path("items.id");
        assertEquals(List.of(burst, claimed, tooQuick, notOpened), waiting, "latest first");
        problem(unopened.api().queryParam("unitId", branch).get("/v1/check-ins/flagged").then(), 403, "FORBIDDEN");
        problem(Api.as("flag-outsider", Roles.SECRETARY, UUID.fromString(otherBranch)).queryParam("unitId", branch)
                .get("/v1/check-ins/flagged").then(), 404, "NOT_FOUND");

        // cleared the next day: credited, dated to its own day, and the streak counts it
        clock.advance(Duration.ofDays(1));
        problem(unopened.api().post("/v1/check-ins/" + notOpened + "/clear").then(), 403, "FORBIDDEN");
        problem(Api.as("flag-outsider", Roles.SECRETARY, UUID.fromString(otherBranch))
                .post("/v1/check-ins/" + notOpened + "/clear").then(), 404, "NOT_FOUND");
        secretary().post("/v1/check-ins/" + notOpened + "/clear").then().statusCode(200)
                .body("status", equalTo("CREDITED")).body("points", equalTo(2)).body("flagReason", equalTo("NOT_OPENED"))
                .body("reviewedBy", org.hamcrest.Matchers.notNullValue());
        assertEquals(1, count("select count(*) from ledger_entry where person_id = ?1 and business_date = cast(?2 as date) "
                + "and activity_type = 'CHECK_IN' and cast(source_id as uuid) = ?3", unopened.personId(), day, notOpened));
        problem(secretary().post("/v1/check-ins/" + notOpened + "/clear").then(), 409, "CHECK_IN_NOT_FLAGGED");
        unopened.api().get("/v1/check-ins/streak").then().statusCode(200).body("current", equalTo(1))
                .body("lastDay", equalTo(day));

        problem(secretary().body(Map.of()).post("/v1/check-ins/" + tooQuick + "/reject").then(), 400,
                "VALIDATION_FAILED");
        secretary().body(Map.of("reason", "阅读时间不足")).post("/v1/check-ins/" + tooQuick + "/reject").then()
                .statusCode(200).body("status", equalTo("REJECTED")).body("reviewReason", equalTo("阅读时间不足"))
                .body("points", nullValue());
        problem(secretary().body(Map.of("reason", "再次")).post("/v1/check-ins/" + tooQuick + "/reject").then(), 409,
                "CHECK_IN_NOT_FLAGGED");
        problem(secretary().post("/v1/check-ins/" + tooQuick + "/clear").then(), 409, "CHECK_IN_NOT_FLAGGED");
        assertEquals(0, count("select count(*) from ledger_entry where person_id = ?1", hasty.personId()));
        hasty.api().get("/v1/check-ins/streak").then().body("current", equalTo(0)).body("longest", equalTo(0));
        problem(secretary().post("/v1/check-ins/" + UUID.randomUUID() + "/clear").then(), 404, "NOT_FOUND");

        List<String> left = secretary().queryParam("unitId", branch).get("/v1/check-ins/flagged").then()
                .statusCode(200).extract().path("items.id");
        assertEquals(List.of(burst, claimed), left);
    }

    @Test
    void aRejectedCheckInStillTakesTheDay() {
        String quick = material(branch);
        Member member = member(branch);
        String id = checkIn(member, Map.of("materialId", quick)).statusCode(201)
                .body("checkIn.flagReason", equalTo("NOT_OPENED")).extract().path("checkIn.id");
        secretary().body(Map.of("reason", "未打开资料")).post("/v1/check-ins/" + id + "/reject").then().statusCode(200);
        open(member, quick);
        problem(checkIn(member, Map.of("materialId", quick)), 409, "CHECK_IN_EXISTS")
                .body("existing.status", equalTo("REJECTED"));
    }

    @Test
    void aSecretaryWhoIsAMemberCannotClearOrRejectTheirOwnCheckIn() {
        String quick = material(branch);
        Member reviewer = member(branch);
        cn.zhibu.study.StudyFixtures.grant(reviewer, Roles.SECRETARY, branch);
        Member other = member(branch);
        String own = checkIn(reviewer, Map.of("materialId", quick)).statusCode(201)
                .body("checkIn.flagReason", equalTo("NOT_OPENED")).extract().path("checkIn.id");
        String theirs = checkIn(other, Map.of("materialId", quick)).statusCode(201)
                .body("checkIn.flagReason", equalTo("NOT_OPENED")).extract().path("checkIn.id");

        problem(reviewer.api().post("/v1/check-ins/" + own + "/clear").then(), 403, "REVIEW_OF_OWN");
        problem(reviewer.api().body(Map.of("reason", "自己驳回")).post("/v1/check-ins/" + own + "/reject").then(), 403,
                "REVIEW_OF_OWN");
        assertEquals(0, count("select count(*) from ledger_entry where person_id = ?1", reviewer.personId()));
        assertEquals(1, count("select count(*) from check_in where id = ?1 and status = 'FLAGGED' and reviewed_by is null",
                own));
        // the same reviewer decides another member's check-in, and another reviewer theirs
        reviewer.api().post("/v1/check-ins/" + theirs + "/clear").then().statusCode(200)
                .body("status", equalTo("CREDITED"));
        secretary().post("/v1/check-ins/" + own + "/clear").then().statusCode(200).body("status", equalTo("CREDITED"));
    }

    @Test
    void yesterdaysOpeningServesOnlyACheckInJustAfterMidnight() {
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        java.time.LocalDate day = TestTime.today().minusDays(20);
        Map<String, Object> body = materialBody(branch);
        body.put("publishFrom", day.minusDays(5).atStartOfDay(shanghai).toInstant().toString());
        String material = material(body);
        Member nightOwl = member(branch);
        Member nextMorning = member(branch);

        clock.set(day.atTime(23, 30).atZone(shanghai).toInstant());
        open(nightOwl, material);
        open(nextMorning, material);
        clock.set(day.plusDays(1).atTime(1, 0).atZone(shanghai).toInstant());
        checkIn(nightOwl, Map.of("materialId", material)).statusCode(201).body("checkIn.status", equalTo("CREDITED"))
                .body("checkIn.businessDate", equalTo(day.plusDays(1).toString()));
        clock.set(day.plusDays(1).atTime(9, 0).atZone(shanghai).toInstant());
        checkIn(nextMorning, Map.of("materialId", material)).statusCode(201)
                .body("checkIn.status", equalTo("FLAGGED")).body("checkIn.flagReason", equalTo("NOT_OPENED"));
        assertEquals(0, count("select count(*) from ledger_entry where person_id = ?1", nextMorning.personId()));
    }
}
