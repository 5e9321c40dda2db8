package cn.zhibu.lecture.attendance;

import cn.zhibu.testing.Sql;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.attendance;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.code;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.credits;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.points;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.secretary;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.sessionNow;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.signIn;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Secretaries record attendance or leave (请假); the roll lists every member of the branch that day. */
@QuarkusTest
class AttendanceRecordApiTest {

    static Map<String, Object> status(String status, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        body.put("reason", reason);
        return body;
    }

    @Test
    void aSecretaryRecordsAttendanceAndLeaveAndTheRollCountsThem() {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.rule(branch, "PARTY_DAY_ATTENDANCE", 4, null, null);
        StudyFixtures.Member signedIn = StudyFixtures.member(branch);
        StudyFixtures.Member recorded = StudyFixtures.member(branch);
        StudyFixtures.Member onLeave = StudyFixtures.member(branch);
        StudyFixtures.Member absent = StudyFixtures.member(branch);
        StudyFixtures.Member silent = StudyFixtures.member(branch);
        String day = sessionNow(branch);
        String path = "/v1/party-days/" + day + "/attendance/";
        signedIn.api().body(signIn(code(branch, day))).post(path + "sign-in").then().statusCode(200);
        // recording PRESENT over a code sign-in keeps it, and credits nothing more
        secretary(branch).body(status("PRESENT", null)).put(path + signedIn.personId()).then().statusCode(200)
                .body("method", equalTo("CODE"));
        secretary(branch).body(status("PRESENT", null)).put(path + recorded.personId()).then().statusCode(200)
                .body("status", equalTo("PRESENT")).body("method", equalTo("RECORDED"));
        secretary(branch).body(status("LEAVE", "因公出差")).put(path + onLeave.personId()).then().statusCode(200)
                .body("status", equalTo("LEAVE")).body("reason", equalTo("因公出差"));
        secretary(branch).body(status("ABSENT", null)).put(path + absent.personId()).then().statusCode(200)
                .body("status", equalTo("ABSENT"));
        assertEquals(4, points(signedIn.personId()));
        assertEquals(4, points(recorded.personId()));
        assertEquals(0, points(onLeave.personId()) + points(absent.personId()));
        secretary(branch).get("/v1/party-days/" + day + "/attendance").then().statusCode(200)
                .body("partyDayId", equalTo(day)).body("counts.present", equalTo(2)).body("counts.leave", equalTo(1))
                .body("counts.absent", equalTo(1)).body("counts.notRecorded", equalTo(1))
                .body("truncated", equalTo(false))
                .body("items.find { it.personId == '" + silent.personId() + "' }.status", equalTo("NOT_RECORDED"))
                .body("items.find { it.personId == '" + onLeave.personId() + "' }.reason", equalTo("因公出差"))
                .body("items.find { it.personId == '" + signedIn.personId() + "' }.method", equalTo("CODE"));
        // a member who signed in on leave is PRESENT after all
        secretary(branch).body(status("LEAVE", "身体不适")).put(path + silent.personId()).then().statusCode(200);
        silent.api().body(signIn(code(branch, day))).post(path + "sign-in").then().statusCode(200)
                .body("status", equalTo("PRESENT")).body("reason", equalTo(null));
        assertEquals(4, points(silent.personId()));
    }

    @Test
    void changingPresentToLeaveReversesThePointsAndPresentAgainCreditsThemAnew() {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.rule(branch, "PARTY_DAY_ATTENDANCE", 5, null, null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        String day = sessionNow(branch);
        String path = "/v1/party-days/" + day + "/attendance/" + member.personId();
        member.api().body(signIn(code(branch, day))).post("/v1/party-days/" + day + "/attendance/sign-in").then()
                .statusCode(200);
        secretary(branch).body(status("ABSENT", null)).put(path).then().statusCode(200)
                .body("status", equalTo("ABSENT")).body("method", equalTo("RECORDED"));
        assertEquals(0, points(member.personId()));
        assertEquals(1, Sql.count("select count(*) from ledger_entry where person_id = ?1 "
                + "and reverses is not null and reason = '出席改为缺席'", member.personId()));
        secretary(branch).body(status("LEAVE", "临时公务")).put(path).then().statusCode(200);
        assertEquals(2, Sql.count("select count(*) from ledger_entry where person_id = ?1",
                member.personId()));
        secretary(branch).body(status("PRESENT", null)).put(path).then().statusCode(200);
        secretary(branch).body(status("PRESENT", null)).put(path).then().statusCode(200);
        assertEquals(5, points(member.personId()));
        assertEquals(2, credits(member.personId()));
        assertEquals(1, Sql.count("select count(*) from ledger_entry where person_id = ?1 "
                + "and source_type = 'PARTY_DAY' and source_id = ?2", member.personId(), day + "/2"));
    }

    @Test
    void badRecordsAreRefusedAndChangeNothing() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String otherBranch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        StudyFixtures.Member outsider = StudyFixtures.member(otherBranch);
        String day = sessionNow(branch);
        String path = "/v1/party-days/" + day + "/attendance/";
        problem(secretary(branch).body(status("LEAVE", null)).put(path + member.personId()).then(), 400,
                "VALIDATION_FAILED").body("errors.field", equalTo(List.of("reason")));
        problem(secretary(branch).body(status("LEAVE", "x".repeat(201))).put(path + member.personId()).then(), 400,
                "VALIDATION_FAILED");
        problem(secretary(branch).body(status("LATE", null)).put(path + member.personId()).then(), 400,
                "VALIDATION_FAILED");
        problem(secretary(branch).body(status("PRESENT", null)).put(path + outsider.personId()).then(), 422,
                "ATTENDEE_NOT_MEMBER");
        problem(secretary(branch).body(status("PRESENT", null)).put(path + UUID.randomUUID()).then(), 422,
                "ATTENDEE_NOT_MEMBER");
        String later = AttendanceFixtures.session(branch, Duration.ofHours(3), 0);
        problem(secretary(branch).body(status("PRESENT", null))
                .put("/v1/party-days/" + later + "/attendance/" + member.personId()).then(), 409,
                "PARTY_DAY_NOT_STARTED");
        secretary(branch).header("If-Match", "\"0\"").post("/v1/party-days/" + day + "/cancel").then()
                .statusCode(200);
        problem(secretary(branch).body(status("PRESENT", null)).put(path + member.personId()).then(), 409,
                "PARTY_DAY_CLOSED");
        assertEquals(0, attendance(day) + attendance(later));
        assertEquals(0, credits(member.personId()));
    }

    @Test
    void onlyTheBranchsManagersRecordAndCoverageReadersSeeTheRoll() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String otherBranch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        String day = sessionNow(branch);
        String path = "/v1/party-days/" + day + "/attendance";
        problem(member.api().body(status("PRESENT", null)).put(path + "/" + member.personId()).then(), 403,
                "FORBIDDEN");
        problem(secretary(otherBranch).body(status("PRESENT", null)).put(path + "/" + member.personId()).then(), 404,
                "NOT_FOUND");
        problem(Api.anonymous().body(status("PRESENT", null)).put(path + "/" + member.personId()).then(), 401,
                "UNAUTHENTICATED");
        problem(member.api().get(path).then(), 403, "FORBIDDEN");
        problem(secretary(otherBranch).get(path).then(), 404, "NOT_FOUND");
        problem(Api.anonymous().get(path).then(), 401, "UNAUTHENTICATED");
        Api.as("attendance-group-leader", Roles.GROUP_LEADER, UUID.fromString(branch)).get(path).then()
                .statusCode(200).body("items.personId", hasItems(member.personId()));
        Api.as("org-admin", Roles.ORG_ADMIN).get(path).then().statusCode(200).body("counts.notRecorded",
                equalTo(1));
        assertEquals(0, attendance(day));
    }
}
