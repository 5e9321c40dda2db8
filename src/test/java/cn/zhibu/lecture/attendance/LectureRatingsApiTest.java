package cn.zhibu.lecture.attendance;

import cn.zhibu.testing.Sql;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.code;
import static cn.zhibu.testing.Sql.execute;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.secretary;
import static cn.zhibu.lecture.attendance.AttendanceFixtures.signIn;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Attendees rate delivered lectures, once each. */
@QuarkusTest
class LectureRatingsApiTest {

    static long ratings(String lecture) {
        return Sql.count("select count(*) from lecture_rating where lecture_id = ?1", lecture);
    }

    @Test
    void attendeesRateADeliveredLectureOnceAndOthersCannot() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String otherBranch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member speaker = StudyFixtures.member(branch);
        StudyFixtures.Member attendee = StudyFixtures.member(branch);
        StudyFixtures.Member second = StudyFixtures.member(branch);
        StudyFixtures.Member stayedAway = StudyFixtures.member(branch);
        StudyFixtures.Member outsider = StudyFixtures.member(otherBranch);
        String day = AttendanceFixtures.session(branch, Duration.ofMinutes(-10), 1);
        String lecture = secretary(branch).get("/v1/party-days/" + day).then().statusCode(200)
                .extract().path("lectures[0].id");
        execute("update micro_lecture set speaker_id = ?1, reason = 'REASSIGNED' where id = ?2", speaker.personId(),
                lecture);
        for (StudyFixtures.Member member : new StudyFixtures.Member[] {speaker, attendee, second}) {
            member.api().body(signIn(code(branch, day))).post("/v1/party-days/" + day + "/attendance/sign-in").then()
                    .statusCode(200);
        }
        String path = "/v1/micro-lectures/" + lecture + "/ratings";
        problem(attendee.api().body(Map.of("score", 5)).post(path).then(), 409, "LECTURE_NOT_DELIVERED");
        execute("update micro_lecture set outcome = 'DELIVERED', topic = '新时代党员的担当', "
                + "recorded_at = now() where id = ?1", lecture);
        attendee.api().body(Map.of("score", 5)).post(path).then().statusCode(201)
                .body("lectureId", equalTo(lecture)).body("score", equalTo(5));
        problem(attendee.api().body(Map.of("score", 1)).post(path).then(), 409, "RATING_EXISTS");
        second.api().body(Map.of("score", 4)).post(path).then().statusCode(201);
        problem(speaker.api().body(Map.of("score", 5)).post(path).then(), 403, "RATING_NOT_ALLOWED");
        problem(stayedAway.api().body(Map.of("score", 5)).post(path).then(), 403, "RATING_NOT_ALLOWED");
        problem(outsider.api().body(Map.of("score", 5)).post(path).then(), 404, "NOT_FOUND");
        problem(secretary(branch).body(Map.of("score", 5)).post(path).then(), 403, "LECTURE_NOT_A_PERSON");
        problem(Api.anonymous().body(Map.of("score", 5)).post(path).then(), 401, "UNAUTHENTICATED");
        problem(stayedAway.api().body(Map.of("score", 6)).post(path).then(), 400, "VALIDATION_FAILED");
        problem(stayedAway.api().body(Map.of("score", 0)).post(path).then(), 400, "VALIDATION_FAILED");
        problem(attendee.api().body(Map.of("score", 5)).post("/v1/micro-lectures/" + java.util.UUID.randomUUID()
                + "/ratings").then(), 404, "NOT_FOUND");
        assertEquals(2, ratings(lecture));
        assertEquals(9, Sql.count("select sum(score) from lecture_rating where lecture_id = ?1", lecture));
        secretary(branch).get("/v1/party-days/" + day).then().statusCode(200)
                .body("lectures[0].ratingCount", equalTo(2)).body("lectures[0].ratingAverage", equalTo(4.5f));
    }
}
