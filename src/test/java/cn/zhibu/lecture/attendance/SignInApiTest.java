package cn.zhibu.lecture.attendance;

import cn.zhibu.testing.Sql;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.attendance;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.code;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.credits;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.points;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.secretary;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.sessionNow;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.signIn;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.usedCodes;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Members sign in to a session with the one-time code shown on site. */
@QuarkusTest
class SignInApiTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aMemberSignsInWithTheCodeShownAndIsCreditedOnce() {
        String branch = cn.zhibu.testing.OrgFixtures.unit("BRANCH", null);
        StudyFixtures.rule(branch, "PARTY_DAY_ATTENDANCE", 3, null, null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        String day = sessionNow(branch);
        String shown = secretary(branch).get("/v1/party-days/" + day + "/sign-in-code").then().statusCode(200)
                .header("Cache-Control", "no-store").body("partyDayId", equalTo(day))
                .body("code", matchesPattern("^[0-9]{6}$")).extract().path("code");
        // the display asks again: the same code until it is used
        secretary(branch).get("/v1/party-days/" + day + "/sign-in-code").then().statusCode(200)
                .body("code", equalTo(shown));
        member.api().body(signIn(shown)).post("/v1/party-days/" + day + "/attendance/sign-in").then()
                .statusCode(200).body("partyDayId", equalTo(day)).body("personId", equalTo(member.personId()))
                .body("status", equalTo("PRESENT")).body("method", equalTo("CODE")).body("reason", equalTo(null));
        assertEquals(1, credits(member.personId()));
        assertEquals(3, points(member.personId()));
        // a used code makes way for the next one
        secretary(branch).get("/v1/party-days/" + day + "/sign-in-code").then().statusCode(200)
                .body("code", not(equalTo(shown)));
        // replays: the same code, or a new one once PRESENT, answer the attendance and use nothing
        member.api().body(signIn(shown)).post("/v1/party-days/" + day + "/attendance/sign-in").then()
                .statusCode(200).body("status", equalTo("PRESENT"));
        String next = code(branch, day);
        member.api().body(signIn(next)).post("/v1/party-days/" + day + "/attendance/sign-in").then()
                .statusCode(200).body("method", equalTo("CODE"));
        assertEquals(1, usedCodes(day));
        assertEquals(1, credits(member.personId()));
        assertEquals(3, points(member.personId()));
        // the next code is still free for someone else
        StudyFixtures.Member other = StudyFixtures.member(branch);
        other.api().body(signIn(next)).post("/v1/party-days/" + day + "/attendance/sign-in").then().statusCode(200);
        assertEquals(2, attendance(day));
    }

    @Test
    void wrongExpiredAndUsedCodesAreRefusedAndChangeNothing() {
        String branch = cn.zhibu.testing.OrgFixtures.unit("BRANCH", null);
        StudyFixtures.rule(branch, "PARTY_DAY_ATTENDANCE", 3, null, null);
        StudyFixtures.Member first = StudyFixtures.member(branch);
        StudyFixtures.Member second = StudyFixtures.member(branch);
        String day = sessionNow(branch);
        String shown = code(branch, day);
        String wrong = shown.equals("000000") ? "000001" : "000000";
        problem(second.api().body(signIn(wrong)).post("/v1/party-days/" + day + "/attendance/sign-in").then(), 422,
                "SIGN_IN_CODE_WRONG");
        problem(second.api().body(signIn("12ab")).post("/v1/party-days/" + day + "/attendance/sign-in").then(), 400,
                "VALIDATION_FAILED");
        first.api().body(signIn(shown)).post("/v1/party-days/" + day + "/attendance/sign-in").then().statusCode(200);
        problem(second.api().body(signIn(shown)).post("/v1/party-days/" + day + "/attendance/sign-in").then(), 409,
                "SIGN_IN_CODE_USED");
        String expiring = code(branch, day);
        RequestSpecification late = second.api();
        clock.set(TestTime.now().plusSeconds(61));
        problem(late.body(signIn(expiring)).post("/v1/party-days/" + day + "/attendance/sign-in").then(), 422,
                "SIGN_IN_CODE_EXPIRED");
        clock.reset();
        assertEquals(1, attendance(day));
        assertEquals(0, credits(second.personId()));
        assertEquals(1, usedCodes(day));
        assertEquals(1, Sql.count("select wrong_codes from sign_in_attempt where party_day_id = ?1 "
                + "and person_id = ?2", day, second.personId()));
    }

    @Test
    void fiveWrongCodesLockTheMembersCodeSignInForTheSession() {
        String branch = cn.zhibu.testing.OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        String day = sessionNow(branch);
        String shown = code(branch, day);
        for (int i = 0; i < 5; i++) {
            String wrong = String.format("%06d", (Integer.parseInt(shown) + 1 + i) % 1_000_000);
            problem(member.api().body(signIn(wrong)).post("/v1/party-days/" + day + "/attendance/sign-in").then(),
                    422, "SIGN_IN_CODE_WRONG");
        }
        // even the right code is refused now, and stays unused
        problem(member.api().body(signIn(shown)).post("/v1/party-days/" + day + "/attendance/sign-in").then(), 429,
                "SIGN_IN_CODE_LOCKED").header("Retry-After", matchesPattern("^[1-9][0-9]*$"));
        assertEquals(0, attendance(day));
        assertEquals(0, usedCodes(day));
        assertEquals(5, Sql.count("select wrong_codes from sign_in_attempt where party_day_id = ?1 "
                + "and person_id = ?2", day, member.personId()));
        // another session is not locked; the secretary still records the member
        secretary(branch).body(java.util.Map.of("status", "PRESENT"))
                .put("/v1/party-days/" + day + "/attendance/" + member.personId()).then().statusCode(200)
                .body("method", equalTo("RECORDED"));
    }

    @Test
    void signInIsOpenFromHalfAnHourBeforeTheStartToTheEnd() {
        String branch = cn.zhibu.testing.OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        String later = AttendanceFixtures.session(branch, Duration.ofMinutes(45), 0);
        problem(secretary(branch).get("/v1/party-days/" + later + "/sign-in-code").then(), 422,
                "SIGN_IN_OUTSIDE_WINDOW");
        problem(member.api().body(signIn("123456")).post("/v1/party-days/" + later + "/attendance/sign-in").then(),
                422, "SIGN_IN_OUTSIDE_WINDOW");
        String soon = AttendanceFixtures.session(branch, Duration.ofMinutes(25), 0);
        String shown = code(branch, soon);
        String over = AttendanceFixtures.session(branch, Duration.ofHours(-3), 0);
        problem(secretary(branch).get("/v1/party-days/" + over + "/sign-in-code").then(), 422,
                "SIGN_IN_OUTSIDE_WINDOW");
        // the code shown before the end does not sign in after it
        String ended = sessionNow(branch);
        String shownThen = code(branch, ended);
        Sql.execute("update party_day set starts_at = now() - interval '2 hours', ends_at = now() "
                + "- interval '1 minute' where id = ?1", ended);
        problem(member.api().body(signIn(shownThen)).post("/v1/party-days/" + ended + "/attendance/sign-in").then(),
                422, "SIGN_IN_OUTSIDE_WINDOW");
        member.api().body(signIn(shown)).post("/v1/party-days/" + soon + "/attendance/sign-in").then()
                .statusCode(200);
        String cancelled = sessionNow(branch);
        secretary(branch).header("If-Match", "\"0\"").post("/v1/party-days/" + cancelled + "/cancel").then()
                .statusCode(200);
        problem(secretary(branch).get("/v1/party-days/" + cancelled + "/sign-in-code").then(), 409,
                "PARTY_DAY_CLOSED");
        assertEquals(0, attendance(later) + attendance(over) + attendance(ended) + attendance(cancelled));
    }

    @Test
    void onlyMembersOfTheBranchSignInAndOnlyItsManagersSeeCodes() {
        String branch = cn.zhibu.testing.OrgFixtures.unit("BRANCH", null);
        String otherBranch = cn.zhibu.testing.OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        StudyFixtures.Member outsider = StudyFixtures.member(otherBranch);
        String day = sessionNow(branch);
        String shown = code(branch, day);
        problem(member.api().get("/v1/party-days/" + day + "/sign-in-code").then(), 403, "FORBIDDEN");
        problem(AttendanceFixtures.secretary(otherBranch).get("/v1/party-days/" + day + "/sign-in-code").then(), 404,
                "NOT_FOUND");
        problem(Api.anonymous().get("/v1/party-days/" + day + "/sign-in-code").then(), 401, "UNAUTHENTICATED");
        problem(outsider.api().body(signIn(shown)).post("/v1/party-days/" + day + "/attendance/sign-in").then(), 404,
                "NOT_FOUND");
        // a secretary of this branch who is a member of another sees the session, but is no attendee
        StudyFixtures.grant(outsider, "SECRETARY", branch);
        problem(outsider.api().body(signIn(shown)).post("/v1/party-days/" + day + "/attendance/sign-in").then(), 422,
                "ATTENDEE_NOT_MEMBER");
        problem(secretary(branch).body(signIn(shown)).post("/v1/party-days/" + day + "/attendance/sign-in").then(),
                403, "LECTURE_NOT_A_PERSON");
        problem(Api.anonymous().body(signIn(shown)).post("/v1/party-days/" + day + "/attendance/sign-in").then(), 401,
                "UNAUTHENTICATED");
        problem(member.api().body(signIn(shown)).post("/v1/party-days/" + java.util.UUID.randomUUID()
                + "/attendance/sign-in").then(), 404, "NOT_FOUND");
        assertEquals(0, attendance(day));
        assertEquals(0, usedCodes(day));
    }
}
