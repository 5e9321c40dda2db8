package cn.zhibu.lecture;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every kind of session (三会一课, 主题党日, 组织生活会, ...): its format, a group meeting's party group, field
 * teaching's place, a session's own study hours and rites; and who each kind expects on its roll.
 */
@QuarkusTest
class SessionKindsApiTest {

    private static RequestSpecification secretary(String branch) {
        return Api.as("kinds-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    /** A session of the kind starting at {@code startsIn} from now, for two hours. */
    private static Map<String, Object> body(String branch, String kind, Duration startsIn) {
        Instant startsAt = TestTime.now().plus(startsIn);
        Map<String, Object> body = new HashMap<>();
        body.put("branchId", branch);
        body.put("kind", kind);
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", startsAt.plus(Duration.ofHours(2)).toString());
        body.put("theme", "三会一课");
        return body;
    }

    private static String create(String branch, Map<String, Object> body) {
        return secretary(branch).body(body).post("/v1/party-days").then().statusCode(201).extract().path("id");
    }

    @Test
    void everyKindIsPlannedWithItsFormatHoursAndRites() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String group = OrgFixtures.unit("PARTY_GROUP", branch);
        for (PartyDayKind kind : PartyDayKind.values()) {
            Map<String, Object> body = body(branch, kind.name(), Duration.ofDays(30 + kind.ordinal()));
            if (kind == PartyDayKind.PARTY_GROUP_MEETING) {
                body.put("partyGroupId", group);
            }
            if (kind == PartyDayKind.FIELD_TEACHING) {
                body.put("place", "中山舰博物馆");
            }
            secretary(branch).body(body).post("/v1/party-days").then().statusCode(201)
                    .body("kind", equalTo(kind.name())).body("format", equalTo("IN_PERSON"))
                    .body("rites", equalTo(List.of())).body("studyHours", equalTo(null))
                    .body("politicalBirthdays", equalTo(null));
        }
        Map<String, Object> birthday = body(branch, "THEMED_PARTY_DAY", Duration.ofDays(60));
        birthday.put("format", "HYBRID");
        birthday.put("studyHours", 1.5);
        birthday.put("rites", List.of("NATIONAL_ANTHEM", "PARTY_BADGE", "OATH", "POLITICAL_BIRTHDAY"));
        String day = create(branch, birthday);
        String heldOn = secretary(branch).get("/v1/party-days/" + day).then().statusCode(200)
                .body("format", equalTo("HYBRID")).body("studyHours", equalTo(1.5f))
                .body("rites", equalTo(List.of("NATIONAL_ANTHEM", "PARTY_BADGE", "OATH", "POLITICAL_BIRTHDAY")))
                .extract().path("heldOn");
        String link = secretary(branch).get("/v1/party-days/" + day).then().extract().path("politicalBirthdays");
        String month = heldOn.substring(0, 8);
        assertEquals("/v1/people/political-birthdays?unitId=" + branch + "&from=" + month + "01", link.substring(0,
                link.indexOf("&to=")));
        // the link answers: the branch's political birthdays in the session's month
        secretary(branch).get(link).then().statusCode(200);
        assertEquals(PartyDayKind.values().length, Sql.count("select count(distinct kind) from party_day "
                + "where branch_id = ?1", branch));
    }

    @Test
    void badDetailsOfAKindAreRefusedAndNothingIsStored() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String group = OrgFixtures.unit("PARTY_GROUP", branch);
        String department = OrgFixtures.unit("DEPARTMENT", branch);
        String foreignGroup = OrgFixtures.unit("PARTY_GROUP", OrgFixtures.unit("BRANCH", null));
        Duration ahead = Duration.ofDays(20);
        problem(secretary(branch).body(body(branch, "PARTY_GROUP_MEETING", ahead)).post("/v1/party-days").then(),
                422, "PARTY_DAY_GROUP_INVALID");
        for (String notAGroup : List.of(department, foreignGroup)) {
            Map<String, Object> body = body(branch, "PARTY_GROUP_MEETING", ahead);
            body.put("partyGroupId", notAGroup);
            problem(secretary(branch).body(body).post("/v1/party-days").then(), 422, "PARTY_DAY_GROUP_INVALID");
        }
        Map<String, Object> groupOnAssembly = body(branch, "MEMBER_ASSEMBLY", ahead);
        groupOnAssembly.put("partyGroupId", group);
        problem(secretary(branch).body(groupOnAssembly).post("/v1/party-days").then(), 422,
                "PARTY_DAY_GROUP_INVALID");
        problem(secretary(branch).body(body(branch, "FIELD_TEACHING", ahead)).post("/v1/party-days").then(), 422,
                "PARTY_DAY_PLACE_REQUIRED");
        // a two-hour session credits at most two hours, in half hours
        for (double hours : new double[] {2.5, 1.3}) {
            Map<String, Object> body = body(branch, "STUDY_SESSION", ahead);
            body.put("studyHours", hours);
            problem(secretary(branch).body(body).post("/v1/party-days").then(), 422, "PARTY_DAY_STUDY_HOURS_INVALID");
        }
        Map<String, Object> absurd = body(branch, "STUDY_SESSION", ahead);
        absurd.put("studyHours", -1);
        absurd.put("rites", List.of("OATH", "DANCE"));
        problem(secretary(branch).body(absurd).post("/v1/party-days").then(), 400, "VALIDATION_FAILED");
        Map<String, Object> tooMany = body(branch, "STUDY_SESSION", ahead);
        tooMany.put("studyHours", 100);
        tooMany.put("format", "RADIO");
        problem(secretary(branch).body(tooMany).post("/v1/party-days").then(), 400, "VALIDATION_FAILED");
        assertEquals(0, Sql.count("select count(*) from party_day where branch_id = ?1", branch));
    }

    @Test
    void aCommitteeMeetingExpectsTheCommitteeAndAGroupMeetingItsGroup() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String group = OrgFixtures.unit("PARTY_GROUP", branch);
        StudyFixtures.Member secretaryMember = StudyFixtures.member(branch, group);
        StudyFixtures.Member committeeMember = StudyFixtures.member(branch);
        StudyFixtures.Member groupMember = StudyFixtures.member(branch, group);
        StudyFixtures.Member other = StudyFixtures.member(branch);
        secretary(branch).body(Map.of("members", List.of(
                Map.of("personId", secretaryMember.personId(), "post", "SECRETARY"),
                Map.of("personId", committeeMember.personId(), "post", "ORGANISATION"))))
                .put("/v1/org-units/" + branch + "/committee").then().statusCode(200);

        String committee = create(branch, body(branch, "BRANCH_COMMITTEE", Duration.ofMinutes(-10)));
        secretary(branch).get("/v1/party-days/" + committee + "/attendance").then().statusCode(200)
                .body("counts.notRecorded", equalTo(2))
                .body("items.personId", hasItems(secretaryMember.personId(), committeeMember.personId()));
        problem(secretary(branch).body(Map.of("status", "PRESENT")).put("/v1/party-days/" + committee
                + "/attendance/" + other.personId()).then(), 422, "ATTENDEE_NOT_EXPECTED");
        secretary(branch).body(Map.of("status", "PRESENT")).put("/v1/party-days/" + committee + "/attendance/"
                + committeeMember.personId()).then().statusCode(200);

        Map<String, Object> meeting = body(branch, "PARTY_GROUP_MEETING", Duration.ofMinutes(-10));
        meeting.put("partyGroupId", group);
        String groupMeeting = create(branch, meeting);
        secretary(branch).get("/v1/party-days/" + groupMeeting).then().body("partyGroupId", equalTo(group))
                .body("partyGroupName", equalTo(secretary(branch).get("/v1/org-units/" + group).then().extract()
                        .path("name")));
        secretary(branch).get("/v1/party-days/" + groupMeeting + "/attendance").then().statusCode(200)
                .body("counts.notRecorded", equalTo(2))
                .body("items.personId", hasItems(secretaryMember.personId(), groupMember.personId()));
        problem(secretary(branch).body(Map.of("status", "PRESENT")).put("/v1/party-days/" + groupMeeting
                + "/attendance/" + committeeMember.personId()).then(), 422, "ATTENDEE_NOT_EXPECTED");
        // a members' assembly expects the whole branch
        String assembly = create(branch, body(branch, "MEMBER_ASSEMBLY", Duration.ofMinutes(-10)));
        secretary(branch).get("/v1/party-days/" + assembly + "/attendance").then().statusCode(200)
                .body("counts.notRecorded", equalTo(4));
    }

    @Test
    void aBranchThatHasNamedNoCommitteeExpectsAllItsMembersAtACommitteeMeeting() {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member first = StudyFixtures.member(branch);
        StudyFixtures.Member second = StudyFixtures.member(branch);
        String meeting = create(branch, body(branch, "BRANCH_COMMITTEE", Duration.ofMinutes(-10)));
        secretary(branch).get("/v1/party-days/" + meeting + "/attendance").then().statusCode(200)
                .body("counts.notRecorded", equalTo(2));
        secretary(branch).body(Map.of("status", "PRESENT")).put("/v1/party-days/" + meeting + "/attendance/"
                + second.personId()).then().statusCode(200);
        // with attendance recorded, the session keeps its kind (who it expects follows from it)
        Map<String, Object> change = body(branch, "MEMBER_ASSEMBLY", Duration.ofMinutes(-10));
        change.remove("branchId");
        change.put("lectureSlots", 0);
        Map<String, Object> stored = secretary(branch).get("/v1/party-days/" + meeting).then().extract().path("$");
        change.put("startsAt", stored.get("startsAt"));
        change.put("endsAt", stored.get("endsAt"));
        problem(secretary(branch).header("If-Match", "\"0\"").body(change).put("/v1/party-days/" + meeting).then(),
                409, "PARTY_DAY_KIND_IN_USE");
        // once it names its committee, the committee is who is expected (and anyone with a record stays listed)
        secretary(branch).body(Map.of("members", List.of(Map.of("personId", first.personId(), "post", "SECRETARY"))))
                .put("/v1/org-units/" + branch + "/committee").then().statusCode(200);
        secretary(branch).get("/v1/party-days/" + meeting + "/attendance").then().statusCode(200)
                .body("counts.notRecorded", equalTo(1)).body("counts.present", equalTo(1));
    }
}
