package cn.zhibu.lecture;

import cn.zhibu.testing.Sql;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A quarter of a branch end to end over HTTP: three sessions planned by the rotation, a swap, the sessions held
 * (time passes: they are moved into the past), lectures delivered or not, attendance by code and by the
 * secretary, ratings, and points credited exactly once however often things are repeated; then the coverage
 * figures, and the next quarter's plan putting the one who did not deliver first. A member's calendar feed keeps
 * its events' UIDs through the swap and the re-planning.
 */
@QuarkusTest
class QuarterApiTest {

    static RequestSpecification secretary(String branch) {
        return Api.as("quarter-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    static ICalendar calendar(String feed) {
        return Biweekly.parse(io.restassured.RestAssured.given().accept("text/calendar").get(feed).then().statusCode(200)
                .extract().asString()).first();
    }

    static List<String> uids(ICalendar calendar) {
        return calendar.getEvents().stream().map(e -> e.getUid().getValue()).sorted().toList();
    }

    static VEvent event(ICalendar calendar, String partyDay) {
        return calendar.getEvents().stream().filter(e -> e.getUid().getValue().contains(partyDay)).findFirst()
                .orElseThrow();
    }

    @Test
    void aQuarterPlannedSwappedDeliveredAttendedRatedAndCreditedOnce() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String groupA = OrgFixtures.unit("PARTY_GROUP", branch);
        String groupB = OrgFixtures.unit("PARTY_GROUP", branch);
        OrgFixtures.unit("DEPARTMENT", "办公室", branch);
        OrgFixtures.unit("DEPARTMENT", "组织科", branch);
        StudyFixtures.rule(branch, "LECTURE_DELIVERED", 5, null, null);
        StudyFixtures.rule(branch, "PARTY_DAY_ATTENDANCE", 2, null, null);
        Map<String, Member> members = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            Member a = StudyFixtures.member(branch, groupA);
            Member b = StudyFixtures.member(branch, groupB);
            members.put(a.personId(), a);
            members.put(b.personId(), b);
        }
        // three sessions in the coming days, two lecture slots each
        List<String> days = new ArrayList<>();
        for (int d = 1; d <= 3; d++) {
            Instant start = TestTime.now().plus(d, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            days.add(secretary(branch).body(Map.of("branchId", branch, "kind", "THEMED_PARTY_DAY", "startsAt",
                    start.toString(), "endsAt", start.plus(2, ChronoUnit.HOURS).toString(), "theme", "第" + d + "次主题党日",
                    "lectureSlots", 2)).post("/v1/party-days").then().statusCode(201).extract().<String>path("id"));
        }

        // plan: every member once, and the plan applied as previewed
        JsonPath plan = secretary(branch).get("/v1/rotations/" + branch).then().statusCode(200).extract().jsonPath();
        List<String> speakers = plan.getList("sessions.slots.flatten().speakerId");
        assertEquals(6, speakers.stream().distinct().count());
        secretary(branch).body(Map.of("planId", plan.getString("planId"))).post("/v1/rotations/" + branch + "/apply")
                .then().statusCode(200).body("changes", equalTo(0));

        // a swap in the first session: its first speaker asks a speaker of the third, who accepts
        JsonPath first = secretary(branch).get("/v1/party-days/" + days.get(0)).then().extract().jsonPath();
        String swapper = first.getString("lectures[0].speakerId");
        String feed = members.get(swapper).api().body(Map.of("scope", "PERSON")).post("/v1/calendar-feeds").then()
                .statusCode(201).extract().path("url");
        ICalendar before = calendar(feed);
        String colleague = plan.getString("sessions[2].slots[0].speakerId");
        String swap = members.get(swapper).api().body(Map.of("colleagueId", colleague))
                .post("/v1/micro-lectures/" + first.getString("lectures[0].id") + "/swaps").then().statusCode(201)
                .extract().path("id");
        members.get(colleague).api().post("/v1/lecture-swaps/" + swap + "/accept").then().statusCode(200);
        // the colleague now speaks twice this quarter and the swapper not at all: re-planning the rest evens it
        JsonPath replan = secretary(branch).get("/v1/rotations/" + branch).then().extract().jsonPath();
        secretary(branch).body(Map.of("planId", replan.getString("planId"))).post("/v1/rotations/" + branch + "/apply")
                .then().statusCode(200);
        List<String> quarter = new ArrayList<>();
        for (String day : days) {
            quarter.addAll(secretary(branch).get("/v1/party-days/" + day).then().extract().jsonPath()
                    .getList("lectures.speakerId"));
        }
        assertEquals(6, quarter.stream().distinct().count(), "after the swap, still everyone once: " + quarter);
        // the swapper's calendar: the same events (UIDs), the first session updated (its slots changed hands)
        ICalendar after = calendar(feed);
        assertEquals(uids(before), uids(after));
        VEvent firstBefore = event(before, days.get(0));
        VEvent firstAfter = event(after, days.get(0));
        assertTrue(firstBefore.getSummary().getValue().startsWith("【主讲】"));
        boolean speaks = secretary(branch).get("/v1/party-days/" + days.get(0)).then().extract().jsonPath()
                .getList("lectures.speakerId").contains(swapper);
        assertEquals(speaks, firstAfter.getSummary().getValue().startsWith("【主讲】"));
        assertTrue(firstAfter.getSequence().getValue() > firstBefore.getSequence().getValue());

        // time passes: the first two sessions are over, the third is on now
        for (int d = 0; d < 3; d++) {
            Instant start = d < 2 ? TestTime.now().minus(3 - d, ChronoUnit.DAYS) : TestTime.now().minus(10,
                    ChronoUnit.MINUTES);
            assertEquals(1, Sql.count("with moved as (update party_day set starts_at = ?1, ends_at = ?2, "
                    + "held_on = ?3 where id = ?4 returning 1) select count(*) from moved", start,
                    start.plus(Duration.ofHours(2)), LocalDate.ofInstant(start, ZoneId.of("Asia/Shanghai")),
                    UUID.fromString(days.get(d))));
        }
        // the third session's attendance by one-time codes, replays included
        List<String> people = new ArrayList<>(members.keySet());
        for (String person : people.subList(0, 4)) {
            String code = secretary(branch).get("/v1/party-days/" + days.get(2) + "/sign-in-code").then()
                    .statusCode(200).extract().path("code");
            for (int again = 0; again < 2; again++) {
                members.get(person).api().body(Map.of("code", code))
                        .post("/v1/party-days/" + days.get(2) + "/attendance/sign-in").then().statusCode(200)
                        .body("status", equalTo("PRESENT"));
            }
        }
        // the first two by the secretary: everyone present but one on leave each time, recorded twice over
        for (int d = 0; d < 2; d++) {
            for (int i = 0; i < people.size(); i++) {
                Map<String, Object> body = i == d ? Map.of("status", "LEAVE", "reason", "出差")
                        : Map.of("status", "PRESENT");
                for (int again = 0; again < 2; again++) {
                    secretary(branch).body(body).put("/v1/party-days/" + days.get(d) + "/attendance/"
                            + people.get(i)).then().statusCode(200);
                }
            }
        }
        // deliveries: all delivered but the second session's second slot
        String missed = null;
        for (int d = 0; d < 3; d++) {
            JsonPath day = secretary(branch).get("/v1/party-days/" + days.get(d)).then().extract().jsonPath();
            for (int s = 0; s < 2; s++) {
                boolean delivered = !(d == 1 && s == 1);
                if (!delivered) {
                    missed = day.getString("lectures[" + s + "].speakerId");
                }
                secretary(branch).body(delivered ? Map.of("delivered", true, "topic", "谈体会" + d + s)
                        : Map.of("delivered", false)).post("/v1/micro-lectures/" + day.getString("lectures[" + s
                        + "].id") + "/delivery").then().statusCode(200);
            }
            long version = secretary(branch).get("/v1/party-days/" + days.get(d)).then().extract().jsonPath()
                    .getLong("version");
            secretary(branch).header("If-Match", "\"" + version + "\"")
                    .post("/v1/party-days/" + days.get(d) + "/held").then().statusCode(200);
        }
        // ratings: an attendee rates each delivered lecture of the first session once
        JsonPath held = secretary(branch).get("/v1/party-days/" + days.get(0)).then().extract().jsonPath();
        String rater = people.stream().filter(p -> !held.getList("lectures.speakerId").contains(p))
                .filter(p -> !p.equals(people.get(0))).findFirst().orElseThrow();
        for (int s = 0; s < 2; s++) {
            members.get(rater).api().body(Map.of("score", 4 + s))
                    .post("/v1/micro-lectures/" + held.getString("lectures[" + s + "].id") + "/ratings").then()
                    .statusCode(201);
        }
        secretary(branch).get("/v1/party-days/" + days.get(0)).then().body("lectures.ratingCount", equalTo(List.of(1, 1)))
                .body("lectures[1].ratingAverage", equalTo(5.0f));

        // points: 5 per delivered lecture, 2 per attendance, each once
        for (int i = 0; i < people.size(); i++) {
            String person = people.get(i);
            long lectures = quarter.stream().filter(person::equals).count() - (person.equals(missed) ? 1 : 0);
            long attended = (i == 0 ? 1 : 2) - (i == 1 ? 1 : 0) + (i < 4 ? 1 : 0);
            assertEquals(5 * lectures + 2 * attended, Sql.count("select coalesce(sum(points), 0) from "
                    + "ledger_entry where person_id = ?1", UUID.fromString(person)), "points of member " + i);
        }
        assertEquals(0, Sql.count("select count(*) from (select source_id, person_id, activity_type from "
                + "ledger_entry where reverses is null and person_id in (select person_id from membership where "
                + "org_unit_id = ?1) group by 1, 2, 3 having count(*) > 1) repeated", UUID.fromString(branch)));

        // coverage: everyone attended at least once; five lectures delivered among six members
        secretary(branch).queryParam("from", TestTime.today().minusMonths(1).toString())
                .get("/v1/rotations/" + branch + "/coverage").then()
                .statusCode(200).body("members", equalTo(6)).body("sessions", equalTo(3))
                .body("attendedAtLeastOne", equalTo(6)).body("attendanceShare", equalTo(1.0f))
                .body("lecturesDelivered", equalTo(5)).body("lecturesPerMember", equalTo(0.8333f))
                .body("due[0].personId", equalTo(missed)).body("due[0].reason", equalTo("RESCHEDULED"));

        // the next quarter: the one who did not deliver is first
        Instant next = TestTime.now().plus(90, ChronoUnit.DAYS);
        String nextDay = secretary(branch).body(Map.of("branchId", branch, "kind", "THEMED_PARTY_DAY", "startsAt",
                next.toString(), "endsAt", next.plus(2, ChronoUnit.HOURS).toString(), "theme", "下季度主题党日",
                "lectureSlots", 2)).post("/v1/party-days").then().statusCode(201).extract().path("id");
        JsonPath nextPlan = secretary(branch).get("/v1/rotations/" + branch).then().extract().jsonPath();
        assertEquals(List.of(nextDay), nextPlan.getList("sessions.partyDayId"));
        assertEquals(missed, nextPlan.getString("sessions[0].slots[0].speakerId"));
        assertEquals("RESCHEDULED", nextPlan.getString("sessions[0].slots[0].reason"));
        assertNotEquals(missed, nextPlan.getString("sessions[0].slots[1].speakerId"));
    }
}
