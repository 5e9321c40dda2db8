package cn.zhibu.leaderboard;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.platform.time.IsoWeek;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Study leaders of the week: proposed at publication from the top unit, confirmed once, listed with history. */
@QuarkusTest
class StudyLeadersApiTest {

    final LocalDate today = TestTime.today(); // once per test
    final String week = IsoWeek.of(today).toString();

    @Test
    void theTopUnitsTopMemberIsProposedAndASecretaryConfirmsAnotherParticipantOnce() {
        String committee = OrgFixtures.unit("COMMITTEE", null);
        String branch = OrgFixtures.unit("BRANCH", committee);
        String groupA = OrgFixtures.unit("PARTY_GROUP", branch);
        String groupB = OrgFixtures.unit("PARTY_GROUP", branch);
        Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("unitId", committee, "activityType", "MANUAL_AWARD",
                "effectiveFrom", today.toString(), "points", 1)).post("/v1/scoring-rules").then().statusCode(201);
        RequestSpecification secretary = Api.as("leader-secretary", Roles.SECRETARY, UUID.fromString(branch));
        Member a1 = StudyFixtures.member(branch, groupA);
        Member a2 = StudyFixtures.member(branch, groupA);
        Member a3 = StudyFixtures.member(branch, groupA);
        Member b1 = StudyFixtures.member(branch, groupB);
        StudyFixtures.member(branch, groupB);
        StudyFixtures.member(branch, groupB);
        Member idle = StudyFixtures.member(branch, groupA);
        for (Object[] award : new Object[][] {{a1, 5}, {a2, 3}, {a3, 1}, {b1, 4}}) {
            Api.as("leader-secretary", Roles.SECRETARY, UUID.fromString(branch))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("personId", ((Member) award[0]).personId(), "points", award[1], "reason", "领学测试"))
                    .post("/v1/points/awards").then().statusCode(201);
        }
        // before publication: nothing proposed, nothing to confirm
        a1.api().get("/v1/leaderboards/" + branch + "/weeks/" + week + "/leaders").then().statusCode(200)
                .body("items.size()", equalTo(0));
        problem(Api.as("leader-secretary", Roles.SECRETARY, UUID.fromString(branch))
                .body(Map.of("personIds", List.of(a1.personId())))
                .post("/v1/leaderboards/" + branch + "/weeks/" + week + "/leaders").then(), 404,
                "LEADERBOARD_WEEK_NOT_PUBLISHED");

        secretary.post("/v1/leaderboards/" + branch + "/weeks/" + week + "/publish").then().statusCode(201);
        // group A (9 points, 4 members) is ahead of group B (4 points, 3 members) per member: its top member
        a1.api().get("/v1/leaderboards/" + branch + "/weeks/" + week + "/leaders").then().statusCode(200)
                .body("items.personId", equalTo(List.of(a1.personId()))).body("items[0].state", equalTo("PROPOSED"))
                .body("items[0].fromUnitId", equalTo(groupA)).body("items[0].points", equalTo(5))
                .body("items[0].proposed", equalTo(true));

        // only participants of the week on the branch's board; a refusal changes nothing
        problem(Api.as("leader-secretary", Roles.SECRETARY, UUID.fromString(branch))
                .body(Map.of("personIds", List.of(idle.personId())))
                .post("/v1/leaderboards/" + branch + "/weeks/" + week + "/leaders").then(), 422,
                "STUDY_LEADER_NOT_ELIGIBLE");
        problem(Api.as("leader-secretary", Roles.SECRETARY, UUID.fromString(branch)).body(Map.of("personIds", List.of()))
                .post("/v1/leaderboards/" + branch + "/weeks/" + week + "/leaders").then(), 400, "VALIDATION_FAILED");
        problem(a1.api().body(Map.of("personIds", List.of(a1.personId())))
                .post("/v1/leaderboards/" + branch + "/weeks/" + week + "/leaders").then(), 403, "FORBIDDEN");
        String otherBranch = OrgFixtures.unit("BRANCH", committee);
        problem(Api.as("leader-outsider", Roles.SECRETARY, UUID.fromString(otherBranch))
                .body(Map.of("personIds", List.of(a1.personId())))
                .post("/v1/leaderboards/" + branch + "/weeks/" + week + "/leaders").then(), 404, "NOT_FOUND");

        // the secretary chooses b1 instead: a1's proposal is replaced (with an Idempotency-Key: a retry replays it)
        String key = UUID.randomUUID().toString();
        var confirmed = Api.as("leader-secretary", Roles.SECRETARY, UUID.fromString(branch)).header("Idempotency-Key", key)
                .body(Map.of("personIds", List.of(b1.personId())))
                .post("/v1/leaderboards/" + branch + "/weeks/" + week + "/leaders").then().statusCode(200)
                .header("Idempotent-Replayed", "false").extract();
        var replayed = Api.as("leader-secretary", Roles.SECRETARY, UUID.fromString(branch)).header("Idempotency-Key", key)
                .body(Map.of("personIds", List.of(b1.personId())))
                .post("/v1/leaderboards/" + branch + "/weeks/" + week + "/leaders").then().statusCode(200)
                .header("Idempotent-Replayed", "true").extract();
        assertEquals(confirmed.<Object>path("items"), replayed.path("items"));
        assertEquals(List.of("CONFIRMED", "REPLACED"), confirmed.path("items.state"));
        assertEquals(List.of(b1.personId(), a1.personId()), confirmed.path("items.personId"));
        assertEquals(List.of(false, true), confirmed.path("items.proposed"));
        problem(Api.as("leader-secretary", Roles.SECRETARY, UUID.fromString(branch))
                .body(Map.of("personIds", List.of(a1.personId())))
                .post("/v1/leaderboards/" + branch + "/weeks/" + week + "/leaders").then(), 409,
                "STUDY_LEADERS_CONFIRMED");
        a2.api().get("/v1/leaderboards/" + branch + "/leaders").then().statusCode(200)
                .body("items.personId", equalTo(List.of(b1.personId()))).body("items[0].isoWeek", equalTo(week))
                .body("nextCursor", equalTo(null));
        problem(a2.api().get("/v1/leaderboards/" + branch + "/weeks/2026-W99/leaders").then(), 400,
                "INVALID_PARAMETER");
    }
}
