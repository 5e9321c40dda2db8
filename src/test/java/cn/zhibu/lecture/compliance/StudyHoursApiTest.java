package cn.zhibu.lecture.compliance;

import static cn.zhibu.lecture.compliance.OrgLifeFixtures.attendance;
import static cn.zhibu.lecture.compliance.OrgLifeFixtures.session;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Study hours (学时): attended sessions credit their own hours or their duration, leave and absence credit none,
 * materials with hours credit a member who checked in on them; bad hours are refused and nothing is stored;
 * the member file shows the year's figure; and coverage counts sessions of every kind.
 */
@QuarkusTest
class StudyHoursApiTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void attendedSessionsAndStudiedMaterialsCreditHours() {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        String person = member.personId();
        clock.set(OffsetDateTime.parse("2031-06-15T10:00:00+08:00").toInstant());
        // its own 3 hours; two and a half hours long; 100 minutes (1.5 at the nearest half hour)
        attendance(session(branch, "PARTY_LECTURE", LocalDate.of(2031, 1, 10), 120, "HELD", null, "3.0"), person,
                "PRESENT");
        attendance(session(branch, "THEMED_PARTY_DAY", LocalDate.of(2031, 2, 10), 150, "HELD", null, null), person,
                "PRESENT");
        attendance(session(branch, "BRANCH_COMMITTEE", LocalDate.of(2031, 3, 10), 100, "CONFIRMED", null, null), person,
                "PRESENT");
        // on leave, absent, cancelled, not yet held, another year: none
        attendance(session(branch, "STUDY_SESSION", LocalDate.of(2031, 4, 10), "HELD", null, "4.0"), person, "LEAVE");
        attendance(session(branch, "STUDY_SESSION", LocalDate.of(2031, 4, 11), "HELD", null, "4.0"), person, "ABSENT");
        attendance(session(branch, "STUDY_SESSION", LocalDate.of(2031, 4, 12), "CANCELLED", null, "4.0"), person,
                "PRESENT");
        attendance(session(branch, "STUDY_SESSION", LocalDate.of(2031, 7, 12), "PLANNED", null, "4.0"), person,
                "PRESENT");
        attendance(session(branch, "STUDY_SESSION", LocalDate.of(2030, 7, 12), "HELD", null, "4.0"), person,
                "PRESENT");
        // a material with 1.5 hours the member opened and checked in on; one with hours they only opened
        Map<String, Object> body = StudyFixtures.materialBody(branch);
        body.put("studyHours", 1.5);
        String studied = StudyFixtures.material(body);
        Map<String, Object> opened = StudyFixtures.materialBody(branch);
        opened.put("studyHours", 2);
        String onlyOpened = StudyFixtures.material(opened);
        member.api().post("/v1/study-materials/" + studied + "/open").then().statusCode(200);
        member.api().post("/v1/study-materials/" + onlyOpened + "/open").then().statusCode(200);
        member.api().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("materialId", studied))
                .post("/v1/check-ins").then().statusCode(201).body("checkIn.status", equalTo("CREDITED"));

        JsonPath hours = member.api().queryParam("year", 2031).get("/v1/people/" + person + "/study-hours").then()
                .statusCode(200).body("sessions", hasSize(3)).body("materials", hasSize(1)).extract().jsonPath();
        assertEquals(List.of(8.5f, 7.0f, 1.5f, 32.0f), List.of(hours.getFloat("earned"), hours.getFloat("fromSessions"),
                hours.getFloat("fromMaterials"), hours.getFloat("required")));
        assertEquals(List.of("DURATION", "DURATION", "SESSION"), hours.getList("sessions.source"));
        assertEquals(List.of(1.5f, 2.5f, 3.0f), hours.getList("sessions.hours", Float.class));
        assertEquals(studied, hours.getString("materials[0].materialId"));
        // 166 of 365 days: 14.55 hours, 14.5 to the half hour below
        assertEquals(14.5f, hours.getFloat("expectedToDate"));

        // the member file shows the year's figure; the branch's secretary reads it, another branch's does not
        Api.as("hours-secretary", Roles.SECRETARY, UUID.fromString(branch)).queryParam("year", 2031)
                .get("/v1/people/" + person + "/file").then().statusCode(200)
                .body("studyHours.earned", equalTo(8.5f)).body("studyHours.required", equalTo(32.0f));
        problem(Api.as("hours-other", Roles.SECRETARY, UUID.fromString(OrgFixtures.unit("BRANCH", null)))
                .get("/v1/people/" + person + "/study-hours").then(), 404, "NOT_FOUND");
        problem(StudyFixtures.member(branch).api().get("/v1/people/" + person + "/study-hours").then(), 403,
                "FORBIDDEN");
        // this year (2031 on the clock) by default; a bad year is refused
        member.api().get("/v1/people/" + person + "/study-hours").then().statusCode(200).body("year", equalTo(2031));
        problem(member.api().queryParam("year", "20x1").get("/v1/people/" + person + "/study-hours").then(), 400,
                "INVALID_PARAMETER");
    }

    @Test
    void negativeOrAbsurdHoursAreRefusedAndNothingIsStored() {
        String branch = OrgFixtures.unit("BRANCH", null);
        for (Object bad : List.of(-1, 12.5, 1.25, 100000)) {
            Map<String, Object> body = StudyFixtures.materialBody(branch);
            body.put("studyHours", bad);
            problem(Api.as("org-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(body).post("/v1/study-materials").then(), 400, "VALIDATION_FAILED")
                    .body("errors.field", hasItems("studyHours"));
        }
        assertEquals(0, Sql.count("select count(*) from study_material where org_unit_id = ?1", branch));
        Map<String, Object> body = StudyFixtures.materialBody(branch);
        body.put("studyHours", 12);
        String id = StudyFixtures.material(body);
        Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/study-materials/" + id).then().statusCode(200)
                .body("studyHours", equalTo(12.0f));
        Map<String, Object> change = StudyFixtures.materialBody(branch);
        change.remove("unitId");
        change.put("studyHours", -0.5);
        problem(Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"").body(change)
                .put("/v1/study-materials/" + id).then(), 400, "VALIDATION_FAILED");
        change.put("studyHours", 0.5);
        Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"").body(change).put("/v1/study-materials/" + id)
                .then().statusCode(200).body("studyHours", equalTo(0.5f));
        assertEquals(1, Sql.count("select count(*) from study_material where id = ?1 and study_hours = 0.5", id));
    }

    @Test
    void coverageCountsSessionsOfEveryKind() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String person = OrgFixtures.person("覆盖" + UUID.randomUUID().toString().substring(0, 4), branch);
        LocalDate today = cn.zhibu.testing.TestTime.today();
        String held = session(branch, "BRANCH_COMMITTEE", today.minusDays(1), "HELD", null, null);
        attendance(held, person, "PRESENT");
        session(branch, "FIELD_TEACHING", today.minusDays(2), "HELD", null, null);
        Api.as("coverage-secretary", Roles.SECRETARY, UUID.fromString(branch))
                .queryParam("from", today.minusDays(30).toString()).queryParam("to", today.toString())
                .get("/v1/rotations/" + branch + "/coverage").then().statusCode(200)
                .body("sessions", equalTo(2)).body("attendedAtLeastOne", equalTo(1));
    }
}
