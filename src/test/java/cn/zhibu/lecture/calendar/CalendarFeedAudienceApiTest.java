package cn.zhibu.lecture.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A person's calendar shows the sessions that expect them: a committee meeting its committee, a group its group. */
@QuarkusTest
class CalendarFeedAudienceApiTest {

    private static String session(String branch, String kind, String group, long days) {
        Instant start = TestTime.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> body = new HashMap<>();
        body.put("branchId", branch);
        body.put("kind", kind);
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(1, ChronoUnit.HOURS).toString());
        body.put("theme", "三会一课");
        body.put("partyGroupId", group);
        return CalendarFeedsApiTest.secretary(branch).body(body).post("/v1/party-days").then().statusCode(201)
                .extract().path("id");
    }

    private static Set<String> calendarOf(StudyFixtures.Member member) {
        return CalendarFeedsApiTest.byUid(CalendarFeedsApiTest.read(CalendarFeedsApiTest.feed(member.api(), "PERSON",
                null).path("url"))).keySet();
    }

    @Test
    void committeeAndGroupMeetingsAreOnTheCalendarsOfThoseTheyExpect() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String first = OrgFixtures.unit("PARTY_GROUP", branch);
        String second = OrgFixtures.unit("PARTY_GROUP", branch);
        StudyFixtures.Member committee = StudyFixtures.member(branch, first);
        StudyFixtures.Member other = StudyFixtures.member(branch, second);
        CalendarFeedsApiTest.secretary(branch).body(Map.of("members", List.of(Map.of("personId",
                committee.personId(), "post", "SECRETARY")))).put("/v1/org-units/" + branch + "/committee").then()
                .statusCode(200);
        String assembly = session(branch, "MEMBER_ASSEMBLY", null, 3);
        String committeeMeeting = session(branch, "BRANCH_COMMITTEE", null, 4);
        String firstGroup = session(branch, "PARTY_GROUP_MEETING", first, 5);
        String secondGroup = session(branch, "PARTY_GROUP_MEETING", second, 6);

        assertEquals(Set.of(CalendarFeedsApiTest.uid(assembly), CalendarFeedsApiTest.uid(committeeMeeting),
                CalendarFeedsApiTest.uid(firstGroup)), calendarOf(committee));
        assertEquals(Set.of(CalendarFeedsApiTest.uid(assembly), CalendarFeedsApiTest.uid(secondGroup)),
                calendarOf(other));
        // the branch's own feed has them all
        String url = CalendarFeedsApiTest.feed(CalendarFeedsApiTest.secretary(branch), "BRANCH", branch).path("url");
        assertEquals(4, CalendarFeedsApiTest.byUid(CalendarFeedsApiTest.read(url)).size());
    }
}
