package cn.zhibu.study.checkin;

import static cn.zhibu.testing.Sql.count;
import static cn.zhibu.study.StudyFixtures.material;
import static cn.zhibu.study.StudyFixtures.materialBody;
import static cn.zhibu.study.StudyFixtures.member;
import static cn.zhibu.study.StudyFixtures.rule;
import static cn.zhibu.testing.OrgFixtures.unit;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Make-ups (补卡): a missed day within the window and the monthly limit, approved or rejected once. */
@QuarkusTest
class MakeUpsApiTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    TestClock clock;

    /** The 15th of last month: the 7 days before it lie in one month. */
    LocalDate today;
    String branch;
    String otherBranch;

    @BeforeEach
    void tree() {
        today = TestTime.today().minusMonths(1).withDayOfMonth(15);
        clock.set(today.atTime(12, 0).atZone(SHANGHAI).toInstant());
        String committee = unit("COMMITTEE", null);
        branch = unit("BRANCH", committee);
        otherBranch = unit("BRANCH", committee);
        rule(branch, "CHECK_IN", 1, null, null);
        rule(branch, "MAKE_UP_CHECK_IN", 1, null, 2);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    RequestSpecification secretary() {
        return Api.as("make-up-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    ValidatableResponse ask(Member member, LocalDate day, String material) {
        clock.advance(java.time.Duration.ofSeconds(1)); // one after another, so the order of the lists is known
        Map<String, Object> body = new HashMap<>();
        body.put("businessDate", day.toString());
        body.put("reason", "当天外出调研");
        if (material != null) {
            body.put("materialId", material);
        } else {
            body.put("note", "学习党章");
        }
        return member.api().header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/v1/check-ins/make-ups").then();
    }

    String materialFrom(LocalDate day) {
        Map<String, Object> body = materialBody(branch);
        body.put("publishFrom", day.atStartOfDay(SHANGHAI).toInstant().toString());
        return material(body);
    }

    @Test
    void aMissedDayIsMadeUpOnApprovalAndCreditedToThatDay() {
        Member member = member(branch);
        String material = materialFrom(today.minusDays(10));
        var asked = ask(member, today.minusDays(1), null).statusCode(201).body("status", equalTo("PENDING"))
                .body("businessDate", equalTo(today.minusDays(1).toString())).body("branchId", equalTo(branch))
                .body("checkInId", nullValue()).body("points", nullValue()).extract();
        String first = asked.path("id");
        assertEquals("/v1/check-ins/make-ups/" + first, java.net.URI.create(asked.header("Location")).getPath());
        String second = ask(member, today.minusDays(2), material).statusCode(201).extract().path("id");
        problem(ask(member, today.minusDays(1), null), 409, "MAKE_UP_EXISTS");
        assertEquals(0, count("select count(*) from ledger_entry where person_id = ?1", member.personId()),
                "nothing is credited before approval");

        List<String> queue = secretary().queryParam("unitId", branch).get("/v1/check-ins/make-ups").then()
                .statusCode(200).extract().path("items.id");
        assertEquals(List.of(second, first), queue);
        member.api().get("/v1/check-ins/make-ups").then().statusCode(200).body("items.size()", equalTo(2));
        member.api().get("/v1/check-ins/make-ups/" + first).then().statusCode(200).body("status", equalTo("PENDING"));

        problem(member.api().post("/v1/check-ins/make-ups/" + first + "/approve").then(), 403, "FORBIDDEN");
        problem(Api.as("make-up-outsider", Roles.SECRETARY, UUID.fromString(otherBranch))
                .post("/v1/check-ins/make-ups/" + first + "/approve").then(), 404, "NOT_FOUND");
        String checkIn = secretary().post("/v1/check-ins/make-ups/" + first + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("points", equalTo(1)).body("decidedBy", notNullValue())
                .body("checkInId", notNullValue()).extract().path("checkInId");
        member.api().get("/v1/check-ins/" + checkIn).then().statusCode(200).body("makeUpId", equalTo(first))
                .body("businessDate", equalTo(today.minusDays(1).toString())).body("status", equalTo("CREDITED"));
        assertEquals(1, count("select count(*) from ledger_entry where person_id = ?1 and activity_type = "
                + "'MAKE_UP_CHECK_IN' and business_date = cast(?2 as date)", member.personId(),
                today.minusDays(1).toString()));
        problem(secretary().post("/v1/check-ins/make-ups/" + first + "/approve").then(), 409,
                "MAKE_UP_ALREADY_DECIDED");
        problem(secretary().body(Map.of("reason", "不符合")).post("/v1/check-ins/make-ups/" + first + "/reject").then(),
                409, "MAKE_UP_ALREADY_DECIDED");
        // the day is checked in now: asking again shows that check-in
        problem(ask(member, today.minusDays(1), null), 409, "CHECK_IN_EXISTS").body("existing.id", equalTo(checkIn));

        // a check-in today continues the run the make-up mended
        member.api().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("note", "学习党章"))
                .post("/v1/check-ins").then().statusCode(201).body("streak.current", equalTo(2))
                .body("streak.lastDay", equalTo(today.toString()));

        problem(secretary().body(Map.of()).post("/v1/check-ins/make-ups/" + second + "/reject").then(), 400,
                "VALIDATION_FAILED");
        secretary().body(Map.of("reason", "当天资料未学习")).post("/v1/check-ins/make-ups/" + second + "/reject").then()
                .statusCode(200).body("status", equalTo("REJECTED")).body("decisionReason", equalTo("当天资料未学习"));
        assertEquals(0, count("select count(*) from check_in where make_up_id = ?1", second));
        assertEquals(2, count("select count(*) from check_in where person_id = ?1", member.personId()));
        secretary().queryParam("unitId", branch).queryParam("status", "REJECTED").get("/v1/check-ins/make-ups")
                .then().statusCode(200).body("items.id", equalTo(List.of(second)));
    }

    @Test
    void makeUpsStayInsideTheWindowAndTheMonthlyLimit() {
        Member member = member(branch);
        for (LocalDate day : List.of(today, today.plusDays(1), today.minusDays(8))) {
            problem(ask(member, day, null), 422, "MAKE_UP_OUT_OF_WINDOW");
        }
        String opensToday = materialFrom(today);
        problem(ask(member, today.minusDays(1), opensToday), 422, "MATERIAL_NOT_OPEN");
        Map<String, Object> elsewhere = materialBody(otherBranch);
        elsewhere.put("publishFrom", today.minusDays(30).atStartOfDay(SHANGHAI).toInstant().toString());
        problem(ask(member, today.minusDays(1), material(elsewhere)), 404, "NOT_FOUND");
        problem(member.api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("businessDate", today.minusDays(1).toString())).post("/v1/check-ins/make-ups").then(),
                400, "VALIDATION_FAILED");
        problem(member.api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("businessDate", today.minusDays(1).toString(), "reason", "忘了", "points", 3))
                .post("/v1/check-ins/make-ups").then(), 400, "VALIDATION_FAILED");
        problem(Api.as("make-up-secretary", Roles.SECRETARY, UUID.fromString(branch))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("businessDate", today.minusDays(1).toString(), "reason", "代补"))
                .post("/v1/check-ins/make-ups").then(), 403, "STUDY_NOT_A_PERSON");
        assertEquals(0, count("select count(*) from make_up where person_id = ?1", member.personId()));

        String rejected = ask(member, today.minusDays(7), null).statusCode(201).extract().path("id");
        ask(member, today.minusDays(6), null).statusCode(201);
        ask(member, today.minusDays(5), null).statusCode(201);
        problem(ask(member, today.minusDays(4), null), 422, "MAKE_UP_LIMIT_REACHED");
        secretary().body(Map.of("reason", "理由不充分")).post("/v1/check-ins/make-ups/" + rejected + "/reject").then()
                .statusCode(200);
        ask(member, today.minusDays(4), null).statusCode(201);
        // a rejected day may be asked again, but only within the limit
        problem(ask(member, today.minusDays(7), null), 422, "MAKE_UP_LIMIT_REACHED");
        assertEquals(3, count("select count(*) from make_up where person_id = ?1 and status = 'PENDING'",
                member.personId()));
        problem(secretary().queryParam("unitId", branch).queryParam("status", "LOST").get("/v1/check-ins/make-ups")
                .then(), 400, "INVALID_PARAMETER");
        problem(member.api().queryParam("unitId", branch).get("/v1/check-ins/make-ups").then(), 403, "FORBIDDEN");
    }

    @Test
    void aSecretaryWhoIsAMemberCannotDecideTheirOwnMakeUp() {
        Member reviewer = member(branch);
        cn.zhibu.study.StudyFixtures.grant(reviewer, Roles.SECRETARY, branch);
        String own = ask(reviewer, today.minusDays(1), null).statusCode(201).extract().path("id");

        problem(reviewer.api().post("/v1/check-ins/make-ups/" + own + "/approve").then(), 403, "REVIEW_OF_OWN");
        problem(reviewer.api().body(Map.of("reason", "自己驳回")).post("/v1/check-ins/make-ups/" + own + "/reject")
                .then(), 403, "REVIEW_OF_OWN");
        assertEquals(0, count("select count(*) from check_in where person_id = ?1", reviewer.personId()));
        assertEquals(1, count("select count(*) from make_up where id = ?1 and status = 'PENDING'", own));
        secretary().post("/v1/check-ins/make-ups/" + own + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void aRejectedDayCanBeAskedAgainAndApproved() {
        Member member = member(branch);
        String first = ask(member, today.minusDays(3), null).statusCode(201).extract().path("id");
        secretary().body(Map.of("reason", "理由不充分")).post("/v1/check-ins/make-ups/" + first + "/reject").then()
                .statusCode(200);
        String again = ask(member, today.minusDays(3), null).statusCode(201).body("status", equalTo("PENDING"))
                .extract().path("id");
        secretary().post("/v1/check-ins/make-ups/" + again + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("points", equalTo(1));
        assertEquals(1, count("select count(*) from check_in where person_id = ?1 and make_up_id = ?2",
                member.personId(), again));
        assertEquals(2, count("select count(*) from make_up where person_id = ?1", member.personId()));
    }

    @Test
    void aMakeUpNeedsMembershipOnTheDayAndGeneralStudyNeedsANote() {
        Member member = member(branch);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class).get()
                .createNativeQuery("update membership set start_date = ?1 where person_id = ?2")
                .setParameter(1, today.minusDays(2)).setParameter(2, UUID.fromString(member.personId()))
                .executeUpdate());
        problem(ask(member, today.minusDays(3), null), 422, "MAKE_UP_BEFORE_MEMBERSHIP");
        problem(member.api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("businessDate", today.minusDays(2).toString(), "reason", "外出"))
                .post("/v1/check-ins/make-ups").then(), 422, "CHECK_IN_NOTE_REQUIRED");
        assertEquals(0, count("select count(*) from make_up where person_id = ?1", member.personId()));
        ask(member, today.minusDays(2), null).statusCode(201);
    }
}
