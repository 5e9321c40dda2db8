package cn.zhibu.leaderboard;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.platform.time.IsoWeek;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.StandingsCaughtUp;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Board visibility over HTTP: the defaults and their inheritance, choosing (If-Match, history, who may), and for
 * each setting what every board, CSV, "me", published week and study-leader endpoint shows to each caller.
 */
@QuarkusTest
class BoardVisibilityApiTest {

    final LocalDate today = TestTime.today();
    final String week = IsoWeek.of(today).toString();

    @Inject
    WeeklyPublication publication;

    String committee;
    String branch;
    String group;
    Member first;
    Member second;
    Member idle;

    @BeforeEach
    void branchWithTwoParticipants() {
        committee = OrgFixtures.unit("COMMITTEE", null);
        branch = OrgFixtures.unit("BRANCH", committee);
        group = OrgFixtures.unit("PARTY_GROUP", branch);
        Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("unitId", committee, "activityType", "MANUAL_AWARD",
                "effectiveFrom", today.toString(), "points", 1)).post("/v1/scoring-rules").then().statusCode(201);
        first = StudyFixtures.member(branch, group);
        second = StudyFixtures.member(branch, group);
        idle = StudyFixtures.member(branch, group);
        award(branch, first, 5);
        award(branch, second, 3);
    }

    static void award(String branch, Member member, int points) {
        Api.as("visibility-secretary", Roles.SECRETARY, UUID.fromString(branch))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("personId", member.personId(), "points", points, "reason", "公开范围测试"))
                .post("/v1/points/awards").then().statusCode(201);
        StandingsCaughtUp.await();
    }

    RequestSpecification secretary() {
        return Api.as("visibility-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    @Test
    void aNewBranchShowsEachMemberTheirOwnStandingAndAChoiceHoldsForTheUnitsBelow() {
        idle.api().get("/v1/leaderboards/" + branch + "/visibility").then().statusCode(200)
                .body("personBoards", equalTo("SELF_ONLY")).body("unitBoards", equalTo("PUBLISHED"))
                .body("weeklyPublication", equalTo(true)).body("chosenBy", nullValue()).body("version", equalTo(0));
        // a committee's choice holds below it, down to the party groups
        Api.as("org-admin", Roles.ORG_ADMIN).body(change("OFF", "OFF", false))
                .put("/v1/leaderboards/" + committee + "/visibility").then().statusCode(200)
                .body("chosenBy", equalTo(committee));
        idle.api().get("/v1/leaderboards/" + group + "/visibility").then().statusCode(200)
                .body("personBoards", equalTo("OFF")).body("chosenBy", equalTo(committee)).body("version", equalTo(0));
        // the branch's own choice wins; a party group follows its branch and does not choose
        secretary().body(change("PUBLISHED", "PUBLISHED", true)).put("/v1/leaderboards/" + branch + "/visibility")
                .then().statusCode(200).header("ETag", "\"1\"").body("chosenBy", equalTo(branch));
        idle.api().get("/v1/leaderboards/" + group + "/visibility").then().statusCode(200)
                .body("personBoards", equalTo("PUBLISHED")).body("chosenBy", equalTo(branch));
        problem(secretary().body(change("OFF", "OFF", true)).put("/v1/leaderboards/" + group + "/visibility").then(),
                422, "BOARD_VISIBILITY_NOT_A_BRANCH");
        // a change takes the If-Match of the unit's own choice
        problem(secretary().body(change("SELF_ONLY", "PUBLISHED", true))
                .put("/v1/leaderboards/" + branch + "/visibility").then(), 428, "PRECONDITION_REQUIRED");
        secretary().header("If-Match", "\"1\"").body(change("SELF_ONLY", "PUBLISHED", true))
                .put("/v1/leaderboards/" + branch + "/visibility").then().statusCode(200).header("ETag", "\"2\"");
        // a client that read the inherited setting (version 0) does not overwrite the branch's own choice
        problem(secretary().header("If-Match", "\"0\"").body(change("OFF", "OFF", true))
                .put("/v1/leaderboards/" + branch + "/visibility").then(), 412, "PRECONDITION_FAILED");
        problem(secretary().header("If-Match", "\"2\"").body(Map.of("personBoards", "HIDDEN", "unitBoards", "OFF",
                "weeklyPublication", true)).put("/v1/leaderboards/" + branch + "/visibility").then(), 400,
                "VALIDATION_FAILED");
        // every choice is kept, the latest first, for those who may choose
        secretary().get("/v1/leaderboards/" + branch + "/visibility/changes").then().statusCode(200)
                .body("items.personBoards", equalTo(List.of("SELF_ONLY", "PUBLISHED")))
                .body("items[0].changedBy", equalTo(secretarySubject())).body("items[1].changedBy",
                        equalTo(secretarySubject())).body("nextCursor", nullValue());
        // members read what boards show, and choose nothing
        problem(idle.api().get("/v1/leaderboards/" + branch + "/visibility/changes").then(), 403, "FORBIDDEN");
        problem(idle.api().header("If-Match", "\"2\"").body(change("PUBLISHED", "PUBLISHED", true))
                .put("/v1/leaderboards/" + branch + "/visibility").then(), 403, "FORBIDDEN");
        problem(StudyFixtures.member(OrgFixtures.unit("BRANCH", committee)).api()
                .get("/v1/leaderboards/" + branch + "/visibility").then(), 404, "NOT_FOUND");
    }

    @Test
    void everyEndpointShowsWhatEachSettingAllowsToEachCaller() {
        String firstName = name(first);
        secretary().header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/leaderboards/" + branch + "/weeks/" + week + "/publish").then().statusCode(201);

        // PUBLISHED: names and ranks to every member; gap and percentile in "me"
        choose("PUBLISHED", "PUBLISHED");
        for (RequestSpecification caller : List.of(first.api(), idle.api(), secretary())) {
            people(caller).body("visibility", equalTo("PUBLISHED"))
                    .body("items.personId", equalTo(List.of(first.personId(), second.personId())))
                    .body("items.rank", equalTo(List.of(1, 2))).body("participants", equalTo(2));
        }
        assertEquals("名次,姓名,积分\r\n1," + firstName + ",5\r\n2," + name(second) + ",3\r\n", csv(idle.api()));
        second.api().get("/v1/leaderboards/me").then().statusCode(200).body("visibility", equalTo("PUBLISHED"))
                .body("rank", equalTo(2)).body("participants", equalTo(2)).body("gapToRankAbove", equalTo(2))
                .body("percentile", equalTo(0.0f)).body("myUnit.unitId", equalTo(group));
        published(idle.api()).body("personBoards", equalTo("PUBLISHED")).body("people.points", equalTo(List.of(5, 3)))
                .body("units.unitId", equalTo(List.of(group)));
        idle.api().get("/v1/leaderboards/" + branch + "/weeks/" + week + "/leaders").then().statusCode(200);
        // streaks and study time are private: not on any board, and not readable by another member
        Map<String, Object> row = people(idle.api()).extract().path("items[0]");
        assertEquals(java.util.Set.of("rank", "personId", "name", "points"), row.keySet());
        assertTrue(List.of(403, 404).contains(idle.api().queryParam("personId", first.personId())
                .get("/v1/check-ins/streak").statusCode()), "another member's streak");
        first.api().get("/v1/check-ins/streak").then().statusCode(200);

        // SELF_ONLY: one's own row and rank, the unit's figures; no one else's name, no gap or percentile
        choose("SELF_ONLY", "PUBLISHED");
        people(second.api()).body("visibility", equalTo("SELF_ONLY")).body("participants", equalTo(2))
                .body("items.personId", equalTo(List.of(second.personId()))).body("items.rank", equalTo(List.of(2)));
        for (RequestSpecification caller : List.of(idle.api(), secretary())) {
            people(caller).body("participants", equalTo(2)).body("items", equalTo(List.of()));
        }
        assertEquals("名次,姓名,积分\r\n1," + firstName + ",5\r\n", csv(first.api()));
        assertEquals("名次,姓名,积分\r\n", csv(idle.api()));
        second.api().get("/v1/leaderboards/me").then().statusCode(200).body("visibility", equalTo("SELF_ONLY"))
                .body("rank", equalTo(2)).body("participants", equalTo(2)).body("gapToRankAbove", nullValue())
                .body("percentile", nullValue()).body("myUnit.unitId", equalTo(group));
        published(first.api()).body("personBoards", equalTo("SELF_ONLY"))
                .body("people.personId", equalTo(List.of(first.personId()))).body("units.unitId", equalTo(List.of(group)));
        published(idle.api()).body("people", equalTo(List.of()));
        idle.api().get("/v1/leaderboards/" + branch + "/units").then().statusCode(200);

        // OFF: no board of people, no units board nor study leaders; "me" keeps one's own points
        choose("OFF", "OFF");
        for (RequestSpecification caller : List.of(first.api(), idle.api(), secretary())) {
            problem(caller.get("/v1/leaderboards/" + branch + "/people").then(), 404, "LEADERBOARD_PEOPLE_OFF");
        }
        problem(first.api().accept("text/csv").get("/v1/leaderboards/" + branch + "/people.csv").then(), 404,
                "LEADERBOARD_PEOPLE_OFF");
        problem(first.api().get("/v1/leaderboards/" + branch + "/units").then(), 404, "LEADERBOARD_UNITS_OFF");
        problem(first.api().accept("text/csv").get("/v1/leaderboards/" + branch + "/units.csv").then(), 404,
                "LEADERBOARD_UNITS_OFF");
        problem(first.api().get("/v1/leaderboards/" + branch + "/weeks/" + week + "/leaders").then(), 404,
                "LEADERBOARD_UNITS_OFF");
        problem(first.api().get("/v1/leaderboards/" + branch + "/leaders").then(), 404, "LEADERBOARD_UNITS_OFF");
        problem(secretary().body(Map.of("personIds", List.of(first.personId())))
                .post("/v1/leaderboards/" + branch + "/weeks/" + week + "/leaders").then(), 404,
                "LEADERBOARD_UNITS_OFF");
        second.api().get("/v1/leaderboards/me").then().statusCode(200).body("visibility", equalTo("OFF"))
                .body("points", equalTo(3)).body("rank", nullValue()).body("participants", nullValue())
                .body("gapToRankAbove", nullValue()).body("percentile", nullValue()).body("myUnit", nullValue());
        published(first.api()).body("personBoards", equalTo("OFF")).body("unitBoards", equalTo("OFF"))
                .body("people", equalTo(List.of())).body("units", equalTo(List.of())).body("participants", equalTo(2));

        // person boards PUBLISHED with unit boards OFF: names, but no unit ranks anywhere
        choose("PUBLISHED", "OFF");
        people(idle.api()).body("items.rank", equalTo(List.of(1, 2)));
        first.api().get("/v1/leaderboards/me").then().statusCode(200).body("percentile", equalTo(50.0f))
                .body("myUnit", nullValue());
    }

    @Test
    void aCommitteesBoardNamesOnlyThePeopleOfBranchesThatPublishAndSkipsWeeklyPublicationWhereItIsOff() {
        String quiet = OrgFixtures.unit("BRANCH", committee);
        Member shy = StudyFixtures.member(quiet);
        StudyFixtures.member(quiet);
        StudyFixtures.member(quiet); // three members: ranked, first by points per member (9 / 3 against 8 / 3)
        award(quiet, shy, 9);
        Api.as("org-admin", Roles.ORG_ADMIN).body(change("PUBLISHED", "PUBLISHED", true))
                .put("/v1/leaderboards/" + committee + "/visibility").then().statusCode(200);
        Api.as("org-admin", Roles.ORG_ADMIN).body(change("SELF_ONLY", "OFF", false))
                .put("/v1/leaderboards/" + quiet + "/visibility").then().statusCode(200);

        // the quiet branch's member still counts (rank 1) but appears as 匿名 on the committee's board
        RequestSpecification committeeSecretary = Api.as("visibility-committee-secretary", Roles.SECRETARY,
                UUID.fromString(committee));
        people(committeeSecretary, committee).body("items.name", equalTo(List.of("匿名", name(first), name(second))))
                .body("items[0].personId", nullValue()).body("items.rank", equalTo(List.of(1, 2, 3)));
        // on its own board, the quiet branch shows each member their own row only
        people(shy.api(), quiet).body("items.personId", equalTo(List.of(shy.personId())));
        // the committee's study leaders come from its best unit that shows study leaders, not from the quiet one
        committeeSecretary.header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/leaderboards/" + committee + "/weeks/" + week + "/publish").then().statusCode(201)
                .body("units[0].unitId", equalTo(quiet));
        committeeSecretary.get("/v1/leaderboards/" + committee + "/weeks/" + week + "/leaders").then()
                .statusCode(200).body("items.personId", equalTo(List.of(first.personId())))
                .body("items[0].fromUnitId", equalTo(branch));

        // the weekly job publishes the units whose weekly publication is on
        List<UUID> units = publication.unitsToPublish(IsoWeek.of(today));
        assertTrue(units.contains(UUID.fromString(branch)), "the publishing branch");
        assertTrue(units.contains(UUID.fromString(committee)), "the committee");
        assertFalse(units.contains(UUID.fromString(quiet)), "the branch that turned its weekly publication off");
    }

    void choose(String personBoards, String unitBoards) {
        Response current = secretary().get("/v1/leaderboards/" + branch + "/visibility");
        RequestSpecification request = secretary();
        if (branch.equals(current.path("chosenBy"))) {
            request = request.header("If-Match", current.header("ETag"));
        }
        request.body(change(personBoards, unitBoards, true)).put("/v1/leaderboards/" + branch + "/visibility")
                .then().statusCode(200).body("personBoards", equalTo(personBoards));
    }

    static Map<String, Object> change(String personBoards, String unitBoards, boolean weekly) {
        return Map.of("personBoards", personBoards, "unitBoards", unitBoards, "weeklyPublication", weekly);
    }

    io.restassured.response.ValidatableResponse people(RequestSpecification caller) {
        return people(caller, branch);
    }

    static io.restassured.response.ValidatableResponse people(RequestSpecification caller, String unit) {
        return caller.get("/v1/leaderboards/" + unit + "/people").then().statusCode(200);
    }

    io.restassured.response.ValidatableResponse published(RequestSpecification caller) {
        return caller.get("/v1/leaderboards/" + branch + "/weeks/" + week).then().statusCode(200);
    }

    String csv(RequestSpecification caller) {
        byte[] body = caller.accept("text/csv").get("/v1/leaderboards/" + branch + "/people.csv").then()
                .statusCode(200).extract().asByteArray();
        return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    }

    /** The subject of the secretary's account, as recorded for what it chose. */
    String secretarySubject() {
        return secretary().get("/v1/me").then().statusCode(200).extract().path("id");
    }

    static String name(Member member) {
        return member.api().get("/v1/people/" + member.personId()).then().statusCode(200).extract().path("name");
    }
}
