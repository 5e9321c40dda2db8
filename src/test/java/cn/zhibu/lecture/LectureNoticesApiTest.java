package cn.zhibu.lecture;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notices of sessions, lecture slots and swaps, as the outbox wrote them: who is told what and when, moved
 * with their session, taken back when it is cancelled, and nothing for a refused change.
 */
@QuarkusTest
class LectureNoticesApiTest {

    @Inject
    TestClock clock;

    Instant now;

    @BeforeEach
    void fixTheClock() {
        now = TestTime.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static RequestSpecification secretary(String branch) {
        return Api.as("notice-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    static Map<String, Object> body(String kind, Instant startsAt, int slots) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", startsAt.plus(Duration.ofHours(2)).toString());
        body.put("theme", "学习贯彻党的二十届三中全会精神");
        body.put("place", "三楼会议室");
        body.put("lectureSlots", slots);
        return body;
    }

    static JsonPath create(String branch, Instant startsAt, int slots) {
        Map<String, Object> body = body("THEMED_PARTY_DAY", startsAt, slots);
        body.put("branchId", branch);
        return secretary(branch).body(body).post("/v1/party-days").then().statusCode(201).extract().jsonPath();
    }

    static long version(String branch, String day) {
        return secretary(branch).get("/v1/party-days/" + day).then().statusCode(200).extract().jsonPath()
                .getLong("version");
    }

    static NoticeRows session(String day, String which) {
        return NoticeRows.of("SESSION_COMING", "session:" + day + ":" + which);
    }

    static NoticeRows slot(String lecture, String speaker) {
        return NoticeRows.of("LECTURE_SLOT_COMING", "lecture-slot:" + lecture + ":" + speaker + ":T-7D");
    }

    @Test
    void aSessionsRemindersGoToWhomItExpectsAndFollowItUntilItIsCancelled() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String group = OrgFixtures.unit("PARTY_GROUP", branch);
        Member a = StudyFixtures.member(branch);
        Member b = StudyFixtures.member(branch);
        Member grouped = StudyFixtures.member(branch, group);
        Member outsider = StudyFixtures.member(OrgFixtures.unit("BRANCH", null));
        Instant start = now.plus(Duration.ofDays(10));
        String day = create(branch, start, 0).getString("id");
        Set<String> everyone = Set.of(a.personId(), b.personId(), grouped.personId());

        NoticeRows dayBefore = session(day, "T-1D");
        NoticeRows hoursBefore = session(day, "T-2H");
        assertEquals(everyone, dayBefore.standing());
        assertEquals(everyone, hoursBefore.standing());
        NoticeRows.Row row = dayBefore.of(a.personId());
        assertEquals(start.minus(Duration.ofDays(1)), row.dueAt());
        assertEquals(start.minus(Duration.ofHours(2)), hoursBefore.of(a.personId()).dueAt());
        assertEquals(Map.of("title", "学习贯彻党的二十届三中全会精神", "time", start.toString(), "place", "三楼会议室"),
                row.fields());
        assertEquals("/v1/party-days/" + day, row.link());
        assertEquals(everyone, dayBefore.people());
        assertEquals(false, dayBefore.people().contains(outsider.personId()));

        // moved: the same rows, due anew; a stale change (412) moves nothing
        Instant later = start.plus(Duration.ofDays(1));
        secretary(branch).header("If-Match", "\"0\"").body(body("THEMED_PARTY_DAY", later, 0))
                .put("/v1/party-days/" + day).then().statusCode(200);
        problem(secretary(branch).header("If-Match", "\"0\"").body(body("THEMED_PARTY_DAY", start, 0))
                .put("/v1/party-days/" + day).then(), 412, "PRECONDITION_FAILED");
        // the same change again raises nothing twice
        secretary(branch).header("If-Match", "\"" + version(branch, day) + "\"")
                .body(body("THEMED_PARTY_DAY", later, 0)).put("/v1/party-days/" + day).then().statusCode(200);
        dayBefore = session(day, "T-1D");
        assertEquals(3, dayBefore.size());
        assertEquals(everyone, dayBefore.standing());
        assertEquals(later.minus(Duration.ofDays(1)), dayBefore.of(b.personId()).dueAt());
        assertEquals(later.toString(), dayBefore.of(b.personId()).fields().get("time"));
        assertEquals(later.minus(Duration.ofHours(2)), session(day, "T-2H").of(b.personId()).dueAt());

        // a party group's meeting expects the group: the others' reminders are taken back
        Map<String, Object> regrouped = body("PARTY_GROUP_MEETING", later, 0);
        regrouped.put("partyGroupId", group);
        secretary(branch).header("If-Match", "\"" + version(branch, day) + "\"").body(regrouped)
                .put("/v1/party-days/" + day).then().statusCode(200);
        assertEquals(Set.of(grouped.personId()), session(day, "T-1D").standing());
        assertEquals(Set.of(grouped.personId()), session(day, "T-2H").standing());
        assertEquals(now, session(day, "T-1D").of(a.personId()).withdrawnAt());

        // cancelled: every reminder taken back
        secretary(branch).header("If-Match", "\"" + version(branch, day) + "\"")
                .post("/v1/party-days/" + day + "/cancel").then().statusCode(200);
        assertEquals(Set.of(), session(day, "T-1D").standing());
        assertEquals(Set.of(), session(day, "T-2H").standing());
        assertEquals(3, session(day, "T-2H").size());
    }

    @Test
    void aReminderWhoseTimeHasPassedIsDueAtOnceUntilTheSessionStarts() {
        String branch = OrgFixtures.unit("BRANCH", null);
        Member member = StudyFixtures.member(branch);
        Instant soon = now.plus(Duration.ofHours(3));
        String day = create(branch, soon, 0).getString("id");
        assertEquals(now, session(day, "T-1D").of(member.personId()).dueAt());
        assertEquals(soon.minus(Duration.ofHours(2)), session(day, "T-2H").of(member.personId()).dueAt());

        // a session that has begun reminds no one; a refused one (422) neither
        String started = create(branch, now.minus(Duration.ofMinutes(10)), 0).getString("id");
        assertEquals(0, session(started, "T-1D").size());
        assertEquals(0, session(started, "T-2H").size());
        Map<String, Object> wrong = body("THEMED_PARTY_DAY", now.plus(Duration.ofDays(3)), 0);
        wrong.put("branchId", branch);
        wrong.put("endsAt", now.plus(Duration.ofDays(2)).toString());
        problem(secretary(branch).body(wrong).post("/v1/party-days").then(), 422, "PARTY_DAY_TIMES_INCONSISTENT");
        assertEquals(2, cn.zhibu.testing.Sql.count("select count(*) from notification where person_id = ?1",
                member.personId()));
    }

    @Test
    void aSeriesRemindsOfEachOfItsSessions() {
        String branch = OrgFixtures.unit("BRANCH", null);
        Member member = StudyFixtures.member(branch);
        Map<String, Object> series = new HashMap<>(Map.of("branchId", branch, "year",
                TestTime.calendar().dateOf(now).getYear() + 1, "kind", "THEMED_PARTY_DAY", "frequency", "QUARTERLY",
                "weekOfMonth", "LAST", "weekday", "FRIDAY", "startTime", "14:30", "durationMinutes", 120, "theme",
                "主题党日", "lectureSlots", 0));
        JsonPath created = secretary(branch).body(series).post("/v1/party-days/series").then().statusCode(200)
                .extract().jsonPath();
        List<String> ids = created.getList("created.id");
        List<String> starts = created.getList("created.startsAt");
        assertEquals(4, ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Instant start = java.time.OffsetDateTime.parse(starts.get(i)).toInstant();
            assertEquals(start.minus(Duration.ofDays(1)), session(ids.get(i), "T-1D").of(member.personId()).dueAt());
            assertEquals(start.minus(Duration.ofHours(2)), session(ids.get(i), "T-2H").of(member.personId()).dueAt());
        }
    }

    @Test
    void aSpeakerHearsOfTheirSlotAndOfSwapsAndLosesTheSlotsReminderWithTheSlot() {
        String branch = OrgFixtures.unit("BRANCH", null);
        Member speaker = StudyFixtures.member(branch);
        Member colleague = StudyFixtures.member(branch);
        Member outsider = StudyFixtures.member(OrgFixtures.unit("BRANCH", null));
        Instant start = now.plus(Duration.ofDays(20));
        JsonPath created = create(branch, start, 1);
        String day = created.getString("id");
        String lecture = created.getString("lectures[0].id");

        // the rotation gives the slot to someone: they are reminded a week before
        JsonPath plan = secretary(branch).get("/v1/rotations/" + branch).then().statusCode(200).extract().jsonPath();
        secretary(branch).body(Map.of("planId", plan.getString("planId"))).post("/v1/rotations/" + branch + "/apply")
                .then().statusCode(200);
        String planned = secretary(branch).get("/v1/micro-lectures/" + lecture).then().extract().path("speakerId");
        NoticeRows.Row row = slot(lecture, planned).of(planned);
        assertEquals(start.minus(Duration.ofDays(7)), row.dueAt());
        assertEquals("/v1/micro-lectures/" + lecture, row.link());
        assertEquals(start.toString(), row.fields().get("time"));

        // reassigned: the former speaker's reminder is taken back, the new one's raised
        long version = secretary(branch).get("/v1/micro-lectures/" + lecture).then().extract().jsonPath()
                .getLong("version");
        Map<String, Object> to = new HashMap<>();
        to.put("personId", speaker.personId());
        secretary(branch).header("If-Match", "\"" + version + "\"").body(to)
                .put("/v1/micro-lectures/" + lecture + "/speaker").then().statusCode(200);
        if (!planned.equals(speaker.personId())) {
            assertNotNull(slot(lecture, planned).of(planned).withdrawnAt());
        }
        assertEquals(Set.of(speaker.personId()), slot(lecture, speaker.personId()).standing());

        // a refused swap request asks no one
        problem(speaker.api().body(Map.of("colleagueId", outsider.personId()))
                .post("/v1/micro-lectures/" + lecture + "/swaps").then(), 422, "SPEAKER_NOT_ELIGIBLE");
        assertEquals(0, cn.zhibu.testing.Sql.count("select count(*) from notification where kind = 'SWAP_ASKED' "
                + "and person_id = ?1", outsider.personId()));
        String swap = speaker.api().body(Map.of("colleagueId", colleague.personId(), "message", "那天出差"))
                .post("/v1/micro-lectures/" + lecture + "/swaps").then().statusCode(201).extract().path("id");
        NoticeRows asked = NoticeRows.of("SWAP_ASKED", "lecture-swap:" + swap + ":asked");
        assertEquals(Set.of(colleague.personId()), asked.standing());
        assertEquals(now, asked.of(colleague.personId()).dueAt());
        assertEquals(Map.of("title", "学习贯彻党的二十届三中全会精神", "time", start.toString(), "place", "三楼会议室",
                "person", NoticeRows.name(speaker.personId()), "note", "那天出差"), asked.of(colleague.personId())
                .fields());

        // accepted: the requester hears it; the slot's reminder changes hands
        colleague.api().post("/v1/lecture-swaps/" + swap + "/accept").then().statusCode(200);
        NoticeRows answered = NoticeRows.of("SWAP_ANSWERED", "lecture-swap:" + swap + ":answered");
        assertEquals(Set.of(speaker.personId()), answered.standing());
        assertEquals("已同意", answered.of(speaker.personId()).fields().get("state"));
        assertEquals(NoticeRows.name(colleague.personId()), answered.of(speaker.personId()).fields().get("person"));
        assertEquals(now, answered.of(speaker.personId()).dueAt());
        assertEquals(now, slot(lecture, speaker.personId()).of(speaker.personId()).withdrawnAt());
        assertEquals(Set.of(colleague.personId()), slot(lecture, colleague.personId()).standing());

        // moved: the speaker's reminder moves with the session
        Instant later = start.plus(Duration.ofDays(2));
        secretary(branch).header("If-Match", "\"" + version(branch, day) + "\"")
                .body(body("THEMED_PARTY_DAY", later, 1)).put("/v1/party-days/" + day).then().statusCode(200);
        assertEquals(later.minus(Duration.ofDays(7)),
                slot(lecture, colleague.personId()).of(colleague.personId()).dueAt());

        // declined: the requester hears that too; the slot stays theirs
        String back = colleague.api().body(Map.of("colleagueId", speaker.personId()))
                .post("/v1/micro-lectures/" + lecture + "/swaps").then().statusCode(201).extract().path("id");
        speaker.api().post("/v1/lecture-swaps/" + back + "/decline").then().statusCode(200);
        assertEquals("已拒绝", NoticeRows.of("SWAP_ANSWERED", "lecture-swap:" + back + ":answered")
                .of(colleague.personId()).fields().get("state"));
        assertNull(slot(lecture, colleague.personId()).of(colleague.personId()).withdrawnAt());
        // a decision asked again (409) tells no one again
        problem(speaker.api().post("/v1/lecture-swaps/" + back + "/accept").then(), 409, "SWAP_DECIDED");
        assertEquals(1, NoticeRows.of("SWAP_ANSWERED", "lecture-swap:" + back + ":answered").size());
        assertEquals(Set.of(colleague.personId()), slot(lecture, colleague.personId()).standing());

        // cancelled: the speaker's reminder is taken back
        secretary(branch).header("If-Match", "\"" + version(branch, day) + "\"")
                .post("/v1/party-days/" + day + "/cancel").then().statusCode(200);
        assertEquals(Set.of(), slot(lecture, colleague.personId()).standing());
        assertEquals(List.of(), NoticeRows.of("LECTURE_SLOT_COMING", "lecture-slot:" + lecture + ":"
                + outsider.personId() + ":T-7D").rows());
    }
}
