package cn.zhibu.lecture;

import cn.zhibu.testing.Sql;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Lecture slots by hand: swaps, reassignment, delivery with points once, and who may do what. */
@QuarkusTest
class MicroLecturesApiTest {

    static RequestSpecification secretary(String branch) {
        return Api.as("lecture-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    /** A session of the branch with this many slots, starting at the instant. */
    static JsonPath session(String branch, Instant startsAt, int slots) {
        Map<String, Object> body = new HashMap<>(Map.of("branchId", branch, "kind", "THEMED_PARTY_DAY", "startsAt",
                startsAt.toString(), "endsAt", startsAt.plus(2, ChronoUnit.HOURS).toString(), "theme", "主题党日",
                "lectureSlots", slots));
        return secretary(branch).body(body).post("/v1/party-days").then().statusCode(201).extract().jsonPath();
    }

    static JsonPath reassign(String branch, String lectureId, long version, String personId) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", personId);
        return secretary(branch).header("If-Match", "\"" + version + "\"").body(body)
                .put("/v1/micro-lectures/" + lectureId + "/speaker").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aSpeakerSwapsWithAColleagueWhoAcceptsAndTheRotationKeepsIt() {
        String branch = OrgFixtures.unit("BRANCH", null);
        Member speaker = StudyFixtures.member(branch);
        Member colleague = StudyFixtures.member(branch);
        Member other = StudyFixtures.member(branch);
        Member outsider = StudyFixtures.member(OrgFixtures.unit("BRANCH", null));
        JsonPath day = session(branch, Instant.parse("2027-03-26T06:30:00Z"), 2);
        String first = day.getString("lectures[0].id");
        String second = day.getString("lectures[1].id");
        reassign(branch, first, 0, speaker.personId());
        reassign(branch, second, 0, other.personId());

        problem(colleague.api().body(Map.of("colleagueId", other.personId())).post("/v1/micro-lectures/" + first
                + "/swaps").then(), 403, "SWAP_NOT_YOURS");
        problem(speaker.api().body(Map.of("colleagueId", other.personId())).post("/v1/micro-lectures/" + first
                + "/swaps").then(), 409, "SPEAKER_ALREADY_IN_SESSION");
        problem(speaker.api().body(Map.of("colleagueId", outsider.personId())).post("/v1/micro-lectures/" + first
                + "/swaps").then(), 422, "SPEAKER_NOT_ELIGIBLE");
        problem(speaker.api().body(Map.of("colleagueId", speaker.personId())).post("/v1/micro-lectures/" + first
                + "/swaps").then(), 409, "SPEAKER_ALREADY_IN_SESSION");
        String etag = secretary(branch).get("/v1/party-days/" + day.getString("id")).then().extract().header("ETag");
        problem(Api.as("lecture-secretary", Roles.SECRETARY, UUID.fromString(branch))
                .body(Map.of("colleagueId", colleague.personId())).post("/v1/micro-lectures/" + first + "/swaps")
                .then(), 403, "LECTURE_NOT_A_PERSON");
        String swap = speaker.api().body(Map.of("colleagueId", colleague.personId(), "message", "那天出差"))
                .post("/v1/micro-lectures/" + first + "/swaps").then().statusCode(201)
                .body("state", equalTo("PENDING")).body("slot", equalTo(1)).extract().path("id");
        problem(speaker.api().body(Map.of("colleagueId", colleague.personId())).post("/v1/micro-lectures/" + first
                + "/swaps").then(), 409, "SWAP_PENDING");
        colleague.api().get("/v1/lecture-swaps").then().statusCode(200).body("items.id", equalTo(List.of(swap)));
        problem(speaker.api().post("/v1/lecture-swaps/" + swap + "/accept").then(), 403, "SWAP_NOT_YOURS");
        problem(other.api().post("/v1/lecture-swaps/" + swap + "/accept").then(), 404, "NOT_FOUND");
        colleague.api().post("/v1/lecture-swaps/" + swap + "/accept").then().statusCode(200)
                .body("state", equalTo("ACCEPTED"));
        // the session's ETag covers its lectures: a cached copy is not 'not modified' after the swap
        secretary(branch).header("If-None-Match", etag).get("/v1/party-days/" + day.getString("id")).then()
                .statusCode(200);
        problem(colleague.api().post("/v1/lecture-swaps/" + swap + "/decline").then(), 409, "SWAP_DECIDED");
        secretary(branch).get("/v1/micro-lectures/" + first).then().statusCode(200)
                .body("speakerId", equalTo(colleague.personId())).body("reason", equalTo("SWAPPED"))
                .body("pinned", equalTo(true)).body("reasonText", equalTo("同事调换"));
        colleague.api().get("/v1/micro-lectures").then().statusCode(200).body("items.id", equalTo(List.of(first)));
        speaker.api().get("/v1/micro-lectures").then().statusCode(200).body("items.size()", equalTo(0));
        // re-planning keeps swapped and reassigned slots
        JsonPath plan = secretary(branch).get("/v1/rotations/" + branch).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("SWAPPED", "REASSIGNED"), plan.getList("sessions[0].slots.reason"));
        assertEquals(0, plan.getInt("changes") - (plan.getString("sessions[0].host.unitId") == null ? 0 : 1));
        // a closed session lapses open requests and refuses new ones
        String back = colleague.api().body(Map.of("colleagueId", speaker.personId()))
                .post("/v1/micro-lectures/" + first + "/swaps").then().statusCode(201).extract().path("id");
        long version = secretary(branch).get("/v1/party-days/" + day.getString("id")).then().extract()
                .jsonPath().getLong("version");
        secretary(branch).header("If-Match", "\"" + version + "\"")
                .post("/v1/party-days/" + day.getString("id") + "/cancel").then().statusCode(200);
        problem(speaker.api().post("/v1/lecture-swaps/" + back + "/accept").then(), 409, "SWAP_DECIDED");
        assertEquals(1, Sql.count("select count(*) from lecture_swap where id = ?1 and state = 'LAPSED'",
                UUID.fromString(back)));
        problem(colleague.api().body(Map.of("colleagueId", speaker.personId()))
                .post("/v1/micro-lectures/" + first + "/swaps").then(), 409, "PARTY_DAY_CLOSED");
    }

    @Test
    void reassignmentsAreCheckedAndOfTwoAtOnceOneWins() throws Exception {
        String branch = OrgFixtures.unit("BRANCH", null);
        Member a = StudyFixtures.member(branch);
        Member b = StudyFixtures.member(branch);
        Member exempt = StudyFixtures.member(branch);
        secretary(branch).body(Map.of("personId", exempt.personId(), "kind", "LEAVE", "from", "2027-01-01", "to",
                "2027-12-31")).post("/v1/rotations/" + branch + "/absences").then().statusCode(201);
        JsonPath day = session(branch, Instant.parse("2027-03-26T06:30:00Z"), 2);
        String first = day.getString("lectures[0].id");
        String second = day.getString("lectures[1].id");
        problem(secretary(branch).header("If-Match", "\"0\"").body(Map.of("personId", exempt.personId()))
                .put("/v1/micro-lectures/" + first + "/speaker").then(), 422, "SPEAKER_NOT_ELIGIBLE");
        problem(a.api().header("If-Match", "\"0\"").body(Map.of("personId", a.personId()))
                .put("/v1/micro-lectures/" + first + "/speaker").then(), 403, "FORBIDDEN");
        problem(Api.as("lecture-outsider", Roles.SECRETARY, UUID.fromString(OrgFixtures.unit("BRANCH", null)))
                .header("If-Match", "\"0\"").body(Map.of("personId", a.personId()))
                .put("/v1/micro-lectures/" + first + "/speaker").then(), 404, "NOT_FOUND");

        // two secretaries give one slot to two people at once: one wins, the other's If-Match is stale
        List<Integer> statuses = race(List.of(
                () -> secretary(branch).header("If-Match", "\"0\"").body(Map.of("personId", a.personId()))
                        .put("/v1/micro-lectures/" + first + "/speaker").statusCode(),
                () -> secretary(branch).header("If-Match", "\"0\"").body(Map.of("personId", b.personId()))
                        .put("/v1/micro-lectures/" + first + "/speaker").statusCode()));
        assertEquals(List.of(200, 412), statuses.stream().sorted().toList());
        // one person given both slots at once: one wins, the other is told they speak already
        String taken = secretary(branch).get("/v1/micro-lectures/" + first).then().extract().path("speakerId");
        String free = taken.equals(a.personId()) ? b.personId() : a.personId();
        reassign(branch, first, 1, null);
        String firstTag = secretary(branch).get("/v1/micro-lectures/" + first).then().extract().header("ETag");
        String secondTag = secretary(branch).get("/v1/micro-lectures/" + second).then().extract().header("ETag");
        statuses = race(List.of(
                () -> secretary(branch).header("If-Match", firstTag).body(Map.of("personId", free))
                        .put("/v1/micro-lectures/" + first + "/speaker").statusCode(),
                () -> secretary(branch).header("If-Match", secondTag).body(Map.of("personId", free))
                        .put("/v1/micro-lectures/" + second + "/speaker").statusCode()));
        assertEquals(List.of(200, 409), statuses.stream().sorted().toList(), "tags " + firstTag + " " + secondTag
                + " now " + secretary(branch).get("/v1/micro-lectures/" + first).then().extract().header("ETag") + " "
                + secretary(branch).get("/v1/micro-lectures/" + second).then().extract().header("ETag"));
        assertEquals(1, Sql.count("select count(*) from micro_lecture where party_day_id = ?1 "
                + "and speaker_id = ?2", UUID.fromString(day.getString("id")), UUID.fromString(free)));
    }

    @Test
    void deliveryIsRecordedOnceAfterTheStartAndCreditsPointsOnce() {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.rule(branch, "LECTURE_DELIVERED", 5, null, null);
        Member speaker = StudyFixtures.member(branch);
        Member absent = StudyFixtures.member(branch);
        JsonPath future = session(branch, TestTime.now().plus(2, ChronoUnit.DAYS), 1);
        reassign(branch, future.getString("lectures[0].id"), 0, speaker.personId());
        problem(secretary(branch).body(Map.of("delivered", true, "topic", "谈体会"))
                .post("/v1/micro-lectures/" + future.getString("lectures[0].id") + "/delivery").then(), 409,
                "PARTY_DAY_NOT_STARTED");

        JsonPath held = session(branch, TestTime.now().minus(1, ChronoUnit.HOURS), 3);
        String given = held.getString("lectures[0].id");
        String missed = held.getString("lectures[1].id");
        reassign(branch, given, 0, speaker.personId());
        reassign(branch, missed, 0, absent.personId());
        problem(secretary(branch).body(Map.of("delivered", true))
                .post("/v1/micro-lectures/" + given + "/delivery").then(), 422, "LECTURE_TOPIC_REQUIRED");
        problem(secretary(branch).body(Map.of("delivered", true, "topic", "谈体会", "links", List.of("ftp://x.cn/a")))
                .post("/v1/micro-lectures/" + given + "/delivery").then(), 400, "VALIDATION_FAILED");
        problem(secretary(branch).body(Map.of("delivered", true, "topic", "谈体会"))
                .post("/v1/micro-lectures/" + held.getString("lectures[2].id") + "/delivery").then(), 409,
                "LECTURE_NO_SPEAKER");
        problem(speaker.api().body(Map.of("delivered", true, "topic", "谈体会"))
                .post("/v1/micro-lectures/" + given + "/delivery").then(), 403, "FORBIDDEN");
        secretary(branch).body(Map.of("delivered", true, "topic", "从“两个确立”谈责任", "summary", "结合工作谈体会。",
                "links", List.of("https://www.12371.cn/a.shtml"))).post("/v1/micro-lectures/" + given + "/delivery")
                .then().statusCode(200).body("outcome", equalTo("DELIVERED")).body("topic", equalTo("从“两个确立”谈责任"))
                .body("links", equalTo(List.of("https://www.12371.cn/a.shtml")));
        problem(secretary(branch).body(Map.of("delivered", false)).post("/v1/micro-lectures/" + given + "/delivery")
                .then(), 409, "LECTURE_RECORDED");
        secretary(branch).body(Map.of("delivered", false)).post("/v1/micro-lectures/" + missed + "/delivery").then()
                .statusCode(200).body("outcome", equalTo("NOT_DELIVERED"));
        // what took place stands: the session is neither moved nor cancelled
        JsonPath recorded = secretary(branch).get("/v1/party-days/" + held.getString("id")).then().extract()
                .jsonPath();
        String tag = "\"" + recorded.getLong("version") + "\"";
        problem(secretary(branch).header("If-Match", tag).post("/v1/party-days/" + held.getString("id") + "/cancel")
                .then(), 409, "PARTY_DAY_STARTED");
        Instant later = TestTime.now().plus(7, ChronoUnit.DAYS);
        problem(secretary(branch).header("If-Match", tag).body(Map.of("kind", "THEMED_PARTY_DAY", "startsAt",
                later.toString(), "endsAt", later.plus(2, ChronoUnit.HOURS).toString(), "theme", "主题党日",
                "lectureSlots", 3)).put("/v1/party-days/" + held.getString("id")).then(), 409, "PARTY_DAY_STARTED");
        assertEquals(5, Sql.count("select coalesce(sum(points), 0) from ledger_entry where person_id = ?1 "
                + "and activity_type = 'LECTURE_DELIVERED'", UUID.fromString(speaker.personId())));
        assertEquals(0, Sql.count("select count(*) from ledger_entry where person_id = ?1",
                UUID.fromString(absent.personId())));
        // a recorded slot no longer changes hands
        problem(secretary(branch).header("If-Match", "\"2\"").body(Map.of("personId", absent.personId()))
                .put("/v1/micro-lectures/" + given + "/speaker").then(), 409, "LECTURE_RECORDED");

        // the one who did not deliver goes first at the next planned session
        reassign(branch, future.getString("lectures[0].id"), 1, null);
        JsonPath plan = secretary(branch).get("/v1/rotations/" + branch).then().statusCode(200).extract().jsonPath();
        assertEquals(absent.personId(), plan.getString("sessions[0].slots[0].speakerId"));
        assertEquals("RESCHEDULED", plan.getString("sessions[0].slots[0].reason"));
    }

    private static List<Integer> race(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            calls.forEach(c -> futures.add(pool.submit(c)));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
