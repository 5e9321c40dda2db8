package cn.zhibu.lecture.minutes;

import static cn.zhibu.lecture.minutes.MinutesFixtures.minutes;
import static cn.zhibu.lecture.minutes.MinutesFixtures.secretary;
import static cn.zhibu.lecture.minutes.MinutesFixtures.setting;
import static cn.zhibu.lecture.minutes.MinutesFixtures.write;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.lecture.minutes.MinutesFixtures.Setting;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writing minutes: host, recorder, topics, resolutions with owners and due dates, and the attendance as recorded. */
@QuarkusTest
class MinutesApiTest {

    @Test
    void beforeWritingTheMinutesAreEmptyAtVersionZeroWithTheAttendanceAsRecorded() {
        Setting s = setting(false);
        secretary(s.branch()).body(Map.of("status", "PRESENT"))
                .put("/v1/party-days/" + s.day() + "/attendance/" + s.members().get(0)).then().statusCode(200);
        secretary(s.branch()).body(Map.of("status", "LEAVE", "reason", "因公出差"))
                .put("/v1/party-days/" + s.day() + "/attendance/" + s.members().get(1)).then().statusCode(200);
        secretary(s.branch()).get(s.minutes()).then().statusCode(200).header("ETag", "\"0\"")
                .body("written", equalTo(false)).body("version", equalTo(0)).body("hostId", nullValue())
                .body("topics", hasSize(0)).body("archived", equalTo(false))
                .body("attendance.expected", equalTo(3)).body("attendance.present", equalTo(1))
                .body("attendance.leave", equalTo(1)).body("attendance.absent", equalTo(0))
                .body("attendance.notRecorded", equalTo(1));
    }

    @Test
    void aSecretaryWritesAndRewritesTheMinutesWithIfMatch() {
        Setting s = setting(false);
        String tag = write(s);
        assertEquals("\"1\"", tag);
        secretary(s.branch()).get(s.minutes()).then().statusCode(200).header("ETag", "\"1\"")
                .body("written", equalTo(true)).body("hostId", equalTo(s.members().get(0)))
                .body("recorderId", equalTo(s.members().get(1))).body("hostName", equalTo(name(s.members().get(0))))
                .body("topics", equalTo(List.of("传达学习上级会议精神", "研究发展党员工作")))
                .body("resolutions[0].ownerId", equalTo(s.members().get(2)))
                .body("resolutions[0].ownerName", equalTo(name(s.members().get(2))))
                .body("resolutions[0].dueOn", equalTo("2027-04-30")).body("notes", equalTo("会议由支部书记主持。"))
                .body("writtenBy", notNullValue()).body("writtenAt", notNullValue());
        Map<String, Object> body = minutes(s.members());
        body.put("hostId", s.members().get(2));
        body.put("topics", List.of("只有一个议题"));
        body.put("resolutions", List.of());
        // a stale version is refused and nothing changes
        problem(secretary(s.branch()).header("If-Match", "\"0\"").body(body).put(s.minutes()).then(), 412,
                "PRECONDITION_FAILED");
        problem(secretary(s.branch()).body(body).put(s.minutes()).then(), 428, "PRECONDITION_REQUIRED");
        secretary(s.branch()).header("If-Match", tag).body(body).put(s.minutes()).then().statusCode(200)
                .header("ETag", "\"2\"").body("hostId", equalTo(s.members().get(2)))
                .body("topics", equalTo(List.of("只有一个议题"))).body("resolutions", hasSize(0));
        assertEquals(2, Sql.count("select version from minutes where party_day_id = ?1", s.day()));
    }

    @Test
    void hostRecorderAndOwnersAreMembersOfTheBranchOnTheSessionsDay() {
        Setting s = setting(false);
        String stranger = OrgFixtures.person("外单位人员", OrgFixtures.unit("BRANCH", null));
        for (String field : List.of("hostId", "recorderId")) {
            Map<String, Object> body = minutes(s.members());
            body.put(field, stranger);
            problem(secretary(s.branch()).header("If-Match", "\"0\"").body(body).put(s.minutes()).then(), 422,
                    "MINUTES_PERSON_NOT_MEMBER");
        }
        Map<String, Object> body = minutes(s.members());
        body.put("resolutions", List.of(Map.of("text", "落实", "ownerId", stranger, "dueOn", "2027-05-01")));
        problem(secretary(s.branch()).header("If-Match", "\"0\"").body(body).put(s.minutes()).then(), 422,
                "MINUTES_PERSON_NOT_MEMBER");
        assertEquals(0, Sql.count("select count(*) from minutes where party_day_id = ?1", s.day()));
    }

    @Test
    void malformedMinutesAreRefusedWithTheField() {
        Setting s = setting(false);
        Map<String, Object> noHost = minutes(s.members());
        noHost.remove("hostId");
        Map<String, Object> blankTopic = minutes(s.members());
        blankTopic.put("topics", List.of(" "));
        Map<String, Object> noDue = minutes(s.members());
        noDue.put("resolutions", List.of(Map.of("text", "落实", "ownerId", s.members().get(2))));
        Map<String, Object> longNotes = minutes(s.members());
        longNotes.put("notes", "记".repeat(4001));
        Map<String, Object> tooManyTopics = minutes(s.members());
        tooManyTopics.put("topics", java.util.Collections.nCopies(31, "议题"));
        for (Map<String, Object> body : List.of(noHost, blankTopic, noDue, longNotes, tooManyTopics)) {
            problem(secretary(s.branch()).header("If-Match", "\"0\"").body(body).put(s.minutes()).then(), 400,
                    "VALIDATION_FAILED");
        }
        assertEquals(0, Sql.count("select count(*) from minutes where party_day_id = ?1", s.day()));
    }

    @Test
    void aCancelledSessionHasNoMinutesAndAnUnknownOneIsNotFound() {
        Setting s = setting(false);
        secretary(s.branch()).header("If-Match", "\"0\"").post("/v1/party-days/" + s.day() + "/cancel").then()
                .statusCode(200);
        problem(secretary(s.branch()).header("If-Match", "\"0\"").body(minutes(s.members())).put(s.minutes()).then(),
                409, "MINUTES_SESSION_CANCELLED");
        problem(secretary(s.branch()).get("/v1/party-days/" + java.util.UUID.randomUUID() + "/minutes").then(), 404,
                "NOT_FOUND");
    }

    @Test
    void theMinutesOfAMeetingNotYetHeldAreNotArchivedAndAddendaWaitForTheArchive() {
        Setting s = setting(false);
        problem(secretary(s.branch()).header("If-Match", "\"0\"").post(s.minutes() + "/archive").then(), 409,
                "MINUTES_NOT_WRITTEN");
        String tag = write(s);
        problem(secretary(s.branch()).header("If-Match", tag).post(s.minutes() + "/archive").then(), 409,
                "MINUTES_SESSION_NOT_HELD");
        problem(secretary(s.branch()).body(Map.of("text", "更正")).post(s.minutes() + "/addenda").then(), 409,
                "MINUTES_NOT_ARCHIVED");
        assertEquals(0, Sql.count("select count(*) from minutes where archived_at is not null and party_day_id = ?1",
                s.day()));
    }

    @Test
    void aMemberOfTheBranchReadsTheMinutes() {
        Setting s = setting(false);
        write(s);
        StudyFixtures.Member member = StudyFixtures.member(s.branch());
        member.api().get(s.minutes()).then().statusCode(200).body("written", equalTo(true))
                .body("attendance.expected", equalTo(4));
        problem(member.api().header("If-Match", "\"1\"").body(minutes(s.members())).put(s.minutes()).then(), 403,
                "FORBIDDEN");
    }

    private static String name(String person) {
        return MinutesFixtures.admin().get("/v1/people/" + person).then().statusCode(200).extract().path("name");
    }
}
