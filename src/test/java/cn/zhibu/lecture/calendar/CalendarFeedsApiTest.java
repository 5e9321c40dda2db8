package cn.zhibu.lecture.calendar;

import cn.zhibu.testing.Sql;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestTime;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Calendar feeds: made, listed and revoked with a token; read anonymously by calendar apps as iCalendar. */
@QuarkusTest
class CalendarFeedsApiTest {

    static final String URL = "^/v1/calendar-feeds/[A-Za-z0-9_-]{43}\\.ics$";

    static RequestSpecification secretary(String branch) {
        return Api.as("feed-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    /** A session of the branch with two lecture slots, from {@code days} from now, for two hours. */
    static String day(String branch, long days, String theme, String host) {
        Instant start = TestTime.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> body = new HashMap<>();
        body.put("branchId", branch);
        body.put("kind", "THEMED_PARTY_DAY");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(2, ChronoUnit.HOURS).toString());
        body.put("theme", theme);
        body.put("place", "三楼会议室");
        body.put("agenda", "一、重温入党誓词\n二、微型党课");
        body.put("lectureSlots", 2);
        body.put("hostUnitId", host);
        return secretary(branch).body(body).post("/v1/party-days").then().statusCode(201).extract().path("id");
    }

    /** What the rotation (or a swap) does: gives a slot to a speaker, as a new version of the slot. */
    static void speaker(String day, int slot, String person) {
        QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery(
                "update micro_lecture set speaker_id = " + (person == null ? "null" : "cast('" + UUID.fromString(person)
                        + "' as uuid)") + ", version = version + 1, updated_at = now() "
                        + "where party_day_id = :day and slot = :slot")
                .setParameter("day", UUID.fromString(day)).setParameter("slot", slot).executeUpdate());
    }

    static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }

    static ExtractableResponse<Response> feed(RequestSpecification caller, String scope, String branch) {
        Map<String, Object> body = new HashMap<>();
        body.put("scope", scope);
        body.put("branchId", branch);
        return caller.body(body).post("/v1/calendar-feeds").then().statusCode(201)
                .header("Cache-Control", "no-store").body("scope", equalTo(scope)).body("url", matchesPattern(URL))
                .extract();
    }

    /** A calendar app's request: no token, any media type. */
    static RequestSpecification app() {
        return RestAssured.given();
    }

    static ICalendar read(String url) {
        String text = app().get(url).then().statusCode(200).contentType("text/calendar;charset=utf-8")
                .header("Cache-Control", "private, max-age=300").header("ETag", matchesPattern("^\"[0-9]{1,18}\"$"))
                .header("RateLimit-Limit", not(equalTo(null))).extract().asString();
        assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n"), text);
        return Biweekly.parse(text).first();
    }

    static Map<String, VEvent> byUid(ICalendar calendar) {
        return calendar.getEvents().stream().collect(Collectors.toMap(e -> e.getUid().getValue(), Function.identity()));
    }

    static String uid(String day) {
        return "party-day-" + day + "@zhibu";
    }

    @Test
    void aPersonsFeedHasTheirBranchsSessionsMarksTheirLecturesAndFollowsReplanning() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String group = OrgFixtures.unit("PARTY_GROUP", "第一党小组", branch);
        String otherBranch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member speaker = StudyFixtures.member(branch);
        StudyFixtures.Member colleague = StudyFixtures.member(branch);
        StudyFixtures.Member newcomer = StudyFixtures.member(branch);
        StudyFixtures.Member outsider = StudyFixtures.member(otherBranch);

        String planned = day(branch, 30, "学习贯彻党的二十届三中全会精神", group);
        String later = day(branch, 60, "党史学习", null);
        String held = day(branch, -30, "重温入党誓词", null);
        secretary(branch).header("If-Match", "\"0\"").post("/v1/party-days/" + held + "/held").then().statusCode(200);
        String cancelled = day(branch, 90, "取消的活动", null);
        secretary(branch).header("If-Match", "\"0\"").post("/v1/party-days/" + cancelled + "/cancel").then()
                .statusCode(200);
        String confirmed = day(branch, 120, "确认的活动", null);
        secretary(branch).header("If-Match", "\"0\"").post("/v1/party-days/" + confirmed + "/confirm").then()
                .statusCode(200);
        day(branch, 3 * 365, "三年后", null); // beyond two years ahead
        day(branch, -400, "一年多以前", null); // more than a year ago
        String elsewhere = day(otherBranch, 30, "别的支部", null);
        speaker(planned, 1, speaker.personId());
        speaker(planned, 2, colleague.personId());

        ExtractableResponse<Response> created = feed(speaker.api(), "PERSON", null);
        assertEquals(speaker.personId(), created.path("personId"));
        assertEquals((Object) null, created.path("branchId"));
        String url = created.path("url");

        ICalendar calendar = read(url);
        Map<String, VEvent> events = byUid(calendar);
        assertEquals(java.util.Set.of(uid(planned), uid(later), uid(held), uid(cancelled), uid(confirmed)),
                events.keySet());
        VEvent first = events.get(uid(planned));
        assertEquals("【主讲】学习贯彻党的二十届三中全会精神", first.getSummary().getValue());
        assertEquals("三楼会议室", first.getLocation().getValue());
        String description = first.getDescription().getValue();
        assertTrue(description.contains("类型：主题党日"), description);
        assertTrue(description.contains("承办：第一党小组"), description);
        assertTrue(description.contains("一、重温入党誓词\n二、微型党课"), description);
        assertTrue(description.contains("第2讲：" + name(colleague)), description);
        assertTrue(description.contains("我的安排：第1讲由您主讲"), description);
        assertEquals("党史学习", events.get(uid(later)).getSummary().getValue());
        assertEquals("TENTATIVE", first.getStatus().getValue());
        assertEquals("CONFIRMED", events.get(uid(held)).getStatus().getValue());
        assertEquals("CONFIRMED", events.get(uid(confirmed)).getStatus().getValue());
        assertEquals("CANCELLED", events.get(uid(cancelled)).getStatus().getValue());
        int sequence = first.getSequence().getValue();

        // the colleague's feed marks the colleague's slot instead; a member of another branch sees only theirs
        Map<String, VEvent> colleagues = byUid(read(feed(colleague.api(), "PERSON", null).path("url")));
        assertEquals("【主讲】学习贯彻党的二十届三中全会精神", colleagues.get(uid(planned)).getSummary().getValue());
        assertTrue(colleagues.get(uid(planned)).getDescription().getValue().contains("我的安排：第2讲由您主讲"));
        assertEquals(events.keySet(), colleagues.keySet());
        assertEquals(java.util.Set.of(uid(elsewhere)), byUid(read(feed(outsider.api(), "PERSON", null).path("url")))
                .keySet());

        // re-planned: a new time, then another speaker; the same UID with a higher SEQUENCE each time
        Map<String, Object> change = new HashMap<>();
        Instant moved = TestTime.now().plus(31, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        change.put("kind", "THEMED_PARTY_DAY");
        change.put("startsAt", moved.toString());
        change.put("endsAt", moved.plus(1, ChronoUnit.HOURS).toString());
        change.put("theme", "学习贯彻党的二十届三中全会精神");
        change.put("place", "二楼会议室");
        change.put("lectureSlots", 2);
        change.put("hostUnitId", group);
        secretary(branch).header("If-Match", "\"0\"").body(change).put("/v1/party-days/" + planned).then()
                .statusCode(200);
        VEvent movedEvent = byUid(read(url)).get(uid(planned));
        assertEquals(moved, movedEvent.getDateStart().getValue().toInstant());
        assertEquals("二楼会议室", movedEvent.getLocation().getValue());
        int afterMove = movedEvent.getSequence().getValue();
        assertTrue(afterMove > sequence, afterMove + " > " + sequence);

        speaker(planned, 1, newcomer.personId());
        VEvent replanned = byUid(read(url)).get(uid(planned));
        assertEquals("学习贯彻党的二十届三中全会精神", replanned.getSummary().getValue());
        assertFalse(replanned.getDescription().getValue().contains("我的安排"));
        assertTrue(replanned.getDescription().getValue().contains("第1讲：" + name(newcomer)));
        assertTrue(replanned.getSequence().getValue() > afterMove);

        // dropping a slot that had changed (its row goes) does not lower the sequence
        int beforeDrop = replanned.getSequence().getValue();
        change.put("lectureSlots", 1);
        speaker(planned, 2, null);
        secretary(branch).header("If-Match", "\"1\"").body(change).put("/v1/party-days/" + planned).then()
                .statusCode(200);
        assertTrue(byUid(read(url)).get(uid(planned)).getSequence().getValue() > beforeDrop);

        // a person who leaves the branch sees none of its sessions
        QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery("update membership set end_date = "
                + "current_date - 1 where person_id = :person and end_date is null")
                .setParameter("person", UUID.fromString(speaker.personId())).executeUpdate());
        assertEquals(0, read(url).getEvents().size());
    }

    @Test
    void theCalendarIsTaggedByItsContent() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String session = day(branch, 10, "标签", null);
        String url = feed(secretary(branch), "BRANCH", branch).path("url");
        String tag = app().get(url).then().statusCode(200).extract().header("ETag");
        app().header("If-None-Match", tag).get(url).then().statusCode(304).header("ETag", tag)
                .header("Cache-Control", "private, max-age=300");
        assertEquals(tag, app().get(url).then().statusCode(200).extract().header("ETag"));
        speaker(session, 1, StudyFixtures.member(branch).personId());
        String changed = app().header("If-None-Match", tag).get(url).then().statusCode(200).extract().header("ETag");
        assertNotEquals(tag, changed);
    }

    @Test
    void aBranchFeedIsListedByItsMakerRevokedAndThenGone() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String session = day(branch, 10, "支部活动", null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        speaker(session, 2, member.personId());
        RequestSpecification maker = Api.as("feed-maker", Roles.SECRETARY, UUID.fromString(branch));
        ExtractableResponse<Response> created = feed(maker, "BRANCH", branch);
        String id = created.path("id");
        String url = created.path("url");
        assertEquals(branch, created.path("branchId"));
        assertEquals((Object) null, created.path("personId"));

        ICalendar calendar = read(url);
        assertEquals(1, calendar.getEvents().size());
        VEvent event = calendar.getEvents().get(0);
        assertEquals(uid(session), event.getUid().getValue());
        assertEquals("支部活动", event.getSummary().getValue(), "no one is marked in a branch's calendar");
        assertTrue(event.getDescription().getValue().contains("第1讲：待定\n第2讲：" + name(member)));

        // a member of the branch makes one too; each lists only their own, without addresses
        String members = feed(member.api(), "BRANCH", branch).path("id");
        maker.get("/v1/calendar-feeds").then().statusCode(200).header("Cache-Control", "no-store")
                .body("items", hasSize(1)).body("items[0].id", equalTo(id)).body("items[0]", not(hasKey("url")))
                .body("items[0].scope", equalTo("BRANCH")).body("items[0].branchId", equalTo(branch));
        member.api().get("/v1/calendar-feeds").then().statusCode(200).body("items.id", equalTo(List.of(members)));

        // only a hash of the address is kept
        String token = url.substring("/v1/calendar-feeds/".length(), url.length() - ".ics".length());
        assertEquals(1, Sql.count("select count(*) from calendar_feed where id = ?1 "
                + "and token_hash = sha256(convert_to(?2, 'UTF8')) and token_hash <> convert_to(?2, 'UTF8')", id, token));
        assertEquals(0, Sql.count("select count(*) from calendar_feed f where position(?1 in cast(f as text)) > 0 "
                + "or position(?1 in encode(f.token_hash, 'escape')) > 0", token));

        problem(member.api().delete("/v1/calendar-feeds/" + id).then(), 404, "NOT_FOUND");
        app().get(url).then().statusCode(200);
        maker.delete("/v1/calendar-feeds/" + id).then().statusCode(204);
        problem(app().get(url).then(), 404, "NOT_FOUND");
        problem(maker.delete("/v1/calendar-feeds/" + id).then(), 404, "NOT_FOUND");
        maker.get("/v1/calendar-feeds").then().statusCode(200).body("items", hasSize(0));
        // the branch's secretary stops a member's BRANCH feed (a leaked address) without its maker
        maker.delete("/v1/calendar-feeds/" + members).then().statusCode(204);
        member.api().get("/v1/calendar-feeds").then().statusCode(200).body("items", hasSize(0));

        // unknown and malformed addresses answer alike
        problem(app().get("/v1/calendar-feeds/" + "A".repeat(43) + ".ics").then(), 404, "NOT_FOUND");
        problem(app().get("/v1/calendar-feeds/" + token.substring(1) + ".ics").then(), 404, "NOT_FOUND");
        problem(app().get("/v1/calendar-feeds/" + token + "!.ics").then(), 404, "NOT_FOUND");
    }

    @Test
    void onlyPeopleMakePersonFeedsAndBranchFeedsNeedSightOfTheBranch() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String group = OrgFixtures.unit("PARTY_GROUP", branch);
        String otherBranch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        Map<String, Object> person = new HashMap<>(Map.of("scope", "PERSON"));
        Map<String, Object> other = new HashMap<>(Map.of("scope", "BRANCH", "branchId", otherBranch));

        problem(Api.anonymous().body(person).post("/v1/calendar-feeds").then(), 401, "UNAUTHENTICATED");
        problem(Api.anonymous().get("/v1/calendar-feeds").then(), 401, "UNAUTHENTICATED");
        problem(Api.as("feed-staff", Roles.ORG_ADMIN).body(person).post("/v1/calendar-feeds").then(), 403,
                "LECTURE_NOT_A_PERSON");
        problem(secretary(branch).body(person).post("/v1/calendar-feeds").then(), 403, "LECTURE_NOT_A_PERSON");
        problem(secretary(branch).body(other).post("/v1/calendar-feeds").then(), 422, "PARTY_DAY_BRANCH_NOT_FOUND");
        problem(member.api().body(other).post("/v1/calendar-feeds").then(), 422, "PARTY_DAY_BRANCH_NOT_FOUND");
        problem(secretary(branch).body(Map.of("scope", "BRANCH", "branchId", group)).post("/v1/calendar-feeds")
                .then(), 422, "PARTY_DAY_NOT_A_BRANCH");
        problem(secretary(branch).body(Map.of("scope", "BRANCH")).post("/v1/calendar-feeds").then(), 400,
                "INVALID_PARAMETER");
        problem(member.api().body(Map.of("scope", "PERSON", "branchId", branch)).post("/v1/calendar-feeds").then(),
                400, "INVALID_PARAMETER");
        problem(member.api().body(Map.of()).post("/v1/calendar-feeds").then(), 400, "VALIDATION_FAILED")
                .body("errors.field", org.hamcrest.Matchers.hasItem("scope"));
        member.api().body(Map.of("scope", "EVERYONE")).post("/v1/calendar-feeds").then().statusCode(400);
        assertEquals(0, Sql.count("select count(*) from calendar_feed where branch_id in (?1, ?2)",
                otherBranch, group));
    }

    @Test
    void anAccountKeepsAtMostTenLiveFeeds() {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        String first = null;
        for (int i = 0; i < CalendarFeedService.MAX_LIVE; i++) {
            String id = feed(member.api(), i % 2 == 0 ? "PERSON" : "BRANCH", i % 2 == 0 ? null : branch).path("id");
            first = first == null ? id : first;
        }
        problem(member.api().body(Map.of("scope", "PERSON")).post("/v1/calendar-feeds").then(), 422,
                "CALENDAR_FEEDS_TOO_MANY");
        member.api().delete("/v1/calendar-feeds/" + first).then().statusCode(204);
        feed(member.api(), "PERSON", null);
        member.api().get("/v1/calendar-feeds").then().statusCode(200).body("items", hasSize(CalendarFeedService.MAX_LIVE));
    }

    private static String name(StudyFixtures.Member member) {
        return Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/people/" + member.personId()).then().statusCode(200)
                .extract().path("name");
    }
}
