package cn.zhibu.leaderboard;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.platform.time.IsoWeek;
import cn.zhibu.points.PointsFixtures;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.StandingsCaughtUp;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Weekly boards over HTTP: people, units, "me", ETags, the check against the ledger, and who may read. */
@QuarkusTest
class LeaderboardsApiTest {

    final LocalDate today = TestTime.today(); // once per test
    final String week = IsoWeek.of(today).toString();

    String committee;
    String branch;
    String groupA;
    String groupB;
    String tiny;

    @BeforeEach
    void tree() {
        committee = OrgFixtures.unit("COMMITTEE", null);
        OrgFixtures.publishBoards(committee); // named boards (the default shows each member their own)
        branch = OrgFixtures.unit("BRANCH", committee);
        groupA = OrgFixtures.unit("PARTY_GROUP", branch);
        groupB = OrgFixtures.unit("PARTY_GROUP", branch);
        tiny = OrgFixtures.unit("PARTY_GROUP", branch);
        Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("unitId", committee, "activityType", "MANUAL_AWARD",
                "effectiveFrom", today.toString(), "points", 1)).post("/v1/scoring-rules").then().statusCode(201);
    }

    RequestSpecification secretary() {
        return Api.as("board-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    /** Awards points; returns once the boards of others show them (a moment later). */
    String award(Member member, int points) {
        String id = secretary().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("personId", member.personId(), "points", points, "reason", "榜单测试"))
                .post("/v1/points/awards").then().statusCode(201).extract().path("id");
        StandingsCaughtUp.await();
        return id;
    }

    @Test
    void peopleAreRankedWithSharedRanksAndUnitsByTheirMetric() {
        Member a1 = StudyFixtures.member(branch, groupA);
        Member a2 = StudyFixtures.member(branch, groupA);
        Member a3 = StudyFixtures.member(branch, groupA);
        Member b1 = StudyFixtures.member(branch, groupB);
        Member b2 = StudyFixtures.member(branch, groupB);
        Member b3 = StudyFixtures.member(branch, groupB);
        Member t1 = StudyFixtures.member(branch, tiny);
        award(b1, 9);
        award(a1, 5); // a1 reaches 5 before a2 does: first inside the tie
        award(a2, 3);
        award(a2, 2);
        award(a3, 1);
        award(t1, 4);

        var board = b3.api().queryParam("week", week).get("/v1/leaderboards/" + branch + "/people").then()
                .statusCode(200).body("participants", equalTo(5)).body("isoWeek", equalTo(week)).extract();
        assertEquals(List.of(1, 2, 2, 4, 5), board.path("items.rank"));
        assertEquals(List.of(b1.personId(), a1.personId(), a2.personId(), t1.personId(), a3.personId()),
                board.path("items.personId"));
        assertEquals(List.of(9, 5, 5, 4, 1), board.path("items.points"));
        // a group's own board
        a1.api().get("/v1/leaderboards/" + groupA + "/people").then().statusCode(200)
                .body("participants", equalTo(3)).body("items.rank", equalTo(List.of(1, 1, 3)));

        // pages follow the same order
        var first = b3.api().queryParam("limit", 2).get("/v1/leaderboards/" + branch + "/people").then()
                .statusCode(200).extract();
        b3.api().queryParam("limit", 2).queryParam("cursor", (String) first.path("nextCursor"))
                .get("/v1/leaderboards/" + branch + "/people").then().statusCode(200)
                .body("items.personId", equalTo(List.of(a2.personId(), t1.personId())))
                .body("items.rank", equalTo(List.of(2, 4)));

        // units: A has 3 members, 3 participants, 11 points; B 3, 1, 9; the tiny group is below the minimum size
        var units = b3.api().get("/v1/leaderboards/" + branch + "/units").then().statusCode(200)
                .body("metric", equalTo("POINTS_PER_MEMBER")).body("minimumSize", equalTo(3)).extract();
        assertEquals(List.of(groupA, groupB, tiny), units.path("items.unitId"));
        assertEquals(List.of(1, 2), units.<List<Integer>>path("items.rank").subList(0, 2));
        assertEquals(List.of(3, 3, 1), units.path("items.members"));
        assertEquals(List.of(3, 1, 1), units.path("items.participants"));
        assertEquals(List.of(11, 9, 4), units.path("items.total"));
        assertEquals(List.of(false, false, true), units.path("items.belowMinimumSize"));
        b3.api().get("/v1/leaderboards/" + branch + "/units").then().body("items[2].rank", nullValue())
                .body("items[0].perMember", equalTo(3.67f)).body("items[1].participationRate", nullValue());
        // a usage rate ranks units only where the branch chose it
        problem(b3.api().queryParam("metric", "participation").get("/v1/leaderboards/" + branch + "/units").then(),
                422, "LEADERBOARD_METRIC_NOT_CHOSEN");
        Api.as("board-branch-secretary", Roles.SECRETARY, UUID.fromString(branch))
                .body(Map.of("metric", "PARTICIPATION")).put("/v1/leaderboards/" + branch + "/settings").then()
                .statusCode(200);
        b3.api().queryParam("metric", "participation").get("/v1/leaderboards/" + branch + "/units").then()
                .statusCode(200).body("items[1].participationRate", equalTo(0.3333f));
        b3.api().get("/v1/leaderboards/" + branch + "/units").then().statusCode(200)
                .body("metric", equalTo("PARTICIPATION")).body("items[0].participationRate", equalTo(1.0f));
        Api.as("board-branch-secretary", Roles.SECRETARY, UUID.fromString(branch)).header("If-Match", "\"0\"")
                .body(Map.of("metric", "POINTS_PER_MEMBER")).put("/v1/leaderboards/" + branch + "/settings").then()
                .statusCode(200);
        b3.api().queryParam("metric", "total").get("/v1/leaderboards/" + branch + "/units").then().statusCode(200)
                .body("items.unitId", equalTo(List.of(groupA, groupB, tiny)));

        // me: a2 shares rank 2 with a1; 4 points below b1; ahead of 2 of the 5 participants; group A first
        a2.api().get("/v1/leaderboards/me").then().statusCode(200).body("unitId", equalTo(branch))
                .body("points", equalTo(5)).body("rank", equalTo(2)).body("participants", equalTo(5))
                .body("gapToRankAbove", equalTo(4)).body("percentile", equalTo(40.0f))
                .body("myUnit.unitId", equalTo(groupA)).body("myUnit.rank", equalTo(1));
        b1.api().get("/v1/leaderboards/me").then().statusCode(200).body("rank", equalTo(1))
                .body("gapToRankAbove", nullValue()).body("myUnit.unitId", equalTo(groupB));
        // without any entry: 0 points, after every participant
        b3.api().get("/v1/leaderboards/me").then().statusCode(200).body("points", equalTo(0)).body("rank", equalTo(6))
                .body("gapToRankAbove", equalTo(1)).body("percentile", equalTo(0.0f));
        // on the committee's board, the branch is the caller's unit
        Api.as("board-committee-secretary", Roles.SECRETARY, UUID.fromString(committee))
                .get("/v1/leaderboards/" + committee + "/units").then().statusCode(200)
                .body("items.unitId", equalTo(List.of(branch))).body("items[0].total", equalTo(24));

        // the standings agree with the ledger
        Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/leaderboards/weeks/" + week + "/check").then().statusCode(200)
                .body("consistent", equalTo(true)).body("differenceCount", equalTo(0));
    }

    @Test
    void aReversalMovesThePersonAndPollingClientsGet304UntilTheBoardChanges() {
        Member a1 = StudyFixtures.member(branch, groupA);
        Member a2 = StudyFixtures.member(branch, groupA);
        String entry = award(a1, 5);
        award(a2, 3);
        var read = a2.api().get("/v1/leaderboards/" + branch + "/people").then().statusCode(200).extract();
        String tag = read.header("ETag");
        a2.api().header("If-None-Match", tag).get("/v1/leaderboards/" + branch + "/people").then().statusCode(304);
        secretary().body(Map.of("reason", "记错了")).post("/v1/points/entries/" + entry + "/reverse").then()
                .statusCode(201);
        StandingsCaughtUp.await(); // others see the reversal a moment later
        a2.api().header("If-None-Match", tag).get("/v1/leaderboards/" + branch + "/people").then().statusCode(200)
                .body("participants", equalTo(1)).body("items.personId", equalTo(List.of(a2.personId())));
        a1.api().get("/v1/leaderboards/me").then().body("points", equalTo(0)).body("rank", equalTo(2));
        Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/leaderboards/weeks/" + week + "/check").then().statusCode(200)
                .body("consistent", equalTo(true));
    }

    @Test
    void anonymousPeopleStillCountAndBoardsExportAsCsvForExcel() {
        Member a1 = StudyFixtures.member(branch, groupA);
        Member a2 = StudyFixtures.member(branch, groupA);
        award(a1, 5);
        award(a2, 3);
        a1.api().get("/v1/leaderboards/preferences/me").then().statusCode(200).body("anonymous", equalTo(false));
        a1.api().body(Map.of("anonymous", true)).put("/v1/leaderboards/preferences/me").then().statusCode(200)
                .body("anonymous", equalTo(true));
        a1.api().get("/v1/leaderboards/preferences/me").then().statusCode(200).body("anonymous", equalTo(true));
        a2.api().get("/v1/leaderboards/" + branch + "/people").then().statusCode(200)
                .body("participants", equalTo(2)).body("items.name[0]", equalTo("匿名"))
                .body("items.personId[0]", nullValue()).body("items.rank", equalTo(List.of(1, 2)));
        problem(a1.api().body(Map.of()).put("/v1/leaderboards/preferences/me").then(), 400, "VALIDATION_FAILED");
        problem(Api.as("board-staff", Roles.SECRETARY, UUID.fromString(branch)).body(Map.of("anonymous", true))
                .put("/v1/leaderboards/preferences/me").then(), 403, "LEADERBOARD_NOT_A_PERSON");

        byte[] people = a2.api().accept("text/csv").get("/v1/leaderboards/" + branch + "/people.csv").then()
                .statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("people-" + week + ".csv"))
                .extract().asByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(people[0], people[1], people[2]));
        String name = a2.api().get("/v1/people/" + a2.personId()).then().statusCode(200).extract().path("name");
        assertEquals("名次,姓名,积分\r\n1,匿名,5\r\n2," + name + ",3\r\n",
                new String(people, 3, people.length - 3, java.nio.charset.StandardCharsets.UTF_8));
        byte[] units = a2.api().accept("text/csv").get("/v1/leaderboards/" + branch + "/units.csv").then()
                .statusCode(200).extract().asByteArray();
        String text = new String(units, 3, units.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("名次,单位,人数,参与人数,总积分,人均积分,参与率", text.substring(0, text.indexOf("\r\n")));
        assertEquals(true, text.contains(",2,2,8,4.0,\r\n"), text); // no participation rate: not the metric
        problem(StudyFixtures.member(OrgFixtures.unit("BRANCH", committee)).api().accept("text/csv")
                .get("/v1/leaderboards/" + branch + "/people.csv").then(), 404, "NOT_FOUND");
    }

    @Test
    void aUnitChoosesHowItsUnitsAreRankedAndItsPublishedWeeksFollow() {
        Member a1 = StudyFixtures.member(branch, groupA);
        StudyFixtures.member(branch, groupA);
        StudyFixtures.member(branch, groupA);
        StudyFixtures.member(branch, groupA);
        Member b1 = StudyFixtures.member(branch, groupB);
        StudyFixtures.member(branch, groupB);
        StudyFixtures.member(branch, groupB);
        award(a1, 8); // A: 8 points, 4 members (2 per member); B: 7 points, 3 members (2.33 per member)
        award(b1, 7);
        a1.api().get("/v1/leaderboards/" + branch + "/settings").then().statusCode(200)
                .body("metric", equalTo("POINTS_PER_MEMBER")).body("own", equalTo(false));
        a1.api().get("/v1/leaderboards/" + branch + "/units").then().body("items[0].unitId", equalTo(groupB));
        problem(a1.api().body(Map.of("metric", "TOTAL")).put("/v1/leaderboards/" + branch + "/settings").then(), 403,
                "FORBIDDEN");
        secretary().body(Map.of("metric", "TOTAL")).put("/v1/leaderboards/" + branch + "/settings").then()
                .statusCode(200).header("ETag", equalTo("\"0\"")).body("metric", equalTo("TOTAL"))
                .body("own", equalTo(true));
        a1.api().get("/v1/leaderboards/" + branch + "/units").then().body("metric", equalTo("TOTAL"))
                .body("items[0].unitId", equalTo(groupA));
        a1.api().queryParam("metric", "POINTS_PER_MEMBER").get("/v1/leaderboards/" + branch + "/units").then()
                .body("items[0].unitId", equalTo(groupB));
        problem(secretary().body(Map.of("metric", "PARTICIPATION")).put("/v1/leaderboards/" + branch + "/settings")
                .then(), 428, "PRECONDITION_REQUIRED");
        problem(secretary().header("If-Match", "\"7\"").body(Map.of("metric", "PARTICIPATION"))
                .put("/v1/leaderboards/" + branch + "/settings").then(), 412, "PRECONDITION_FAILED");
        problem(secretary().body(Map.of("metric", "BEST")).put("/v1/leaderboards/" + branch + "/settings").then(),
                400, "VALIDATION_FAILED");
        // published weeks are ranked by the choice when they are published
        secretary().post("/v1/leaderboards/" + branch + "/weeks/" + week + "/publish").then().statusCode(201)
                .body("metric", equalTo("TOTAL")).body("units[0].unitId", equalTo(groupA));
        secretary().get("/v1/leaderboards/" + branch + "/weeks/" + week + "/leaders").then().statusCode(200)
                .body("items[0].personId", equalTo(a1.personId()));
        secretary().header("If-Match", "\"0\"").body(Map.of("metric", "PARTICIPATION"))
                .put("/v1/leaderboards/" + branch + "/settings").then().statusCode(200).header("ETag", equalTo("\"1\""));
        secretary().get("/v1/leaderboards/" + branch + "/weeks/" + week).then().body("metric", equalTo("TOTAL"));
    }

    @Test
    void boardsAreSeenOnlyInsideTheViewersSubtree() {
        Member member = StudyFixtures.member(branch, groupA);
        String otherBranch = OrgFixtures.unit("BRANCH", committee);
        Member outsider = StudyFixtures.member(otherBranch);
        member.api().get("/v1/leaderboards/" + groupB + "/people").then().statusCode(200);
        problem(outsider.api().get("/v1/leaderboards/" + branch + "/people").then(), 404, "NOT_FOUND");
        problem(outsider.api().get("/v1/leaderboards/" + branch + "/units").then(), 404, "NOT_FOUND");
        problem(outsider.api().queryParam("unitId", branch).get("/v1/leaderboards/me").then(), 404, "NOT_FOUND");
        // not the board of the committee above their branch either
        problem(member.api().get("/v1/leaderboards/" + committee + "/people").then(), 404, "NOT_FOUND");
        problem(Api.anonymous().get("/v1/leaderboards/" + branch + "/people").then(), 401, "UNAUTHENTICATED");
        problem(Api.as("board-admin-staff", Roles.ORG_ADMIN).get("/v1/leaderboards/me").then(), 403,
                "LEADERBOARD_NOT_A_PERSON");
        problem(member.api().get("/v1/leaderboards/weeks/" + week + "/check").then(), 403, "FORBIDDEN");
        problem(member.api().queryParam("week", "2026-W54").get("/v1/leaderboards/" + branch + "/people").then(),
                400, "INVALID_PARAMETER");
        problem(member.api().queryParam("metric", "BEST").get("/v1/leaderboards/" + branch + "/units").then(), 400,
                "INVALID_PARAMETER");
        problem(member.api().get("/v1/leaderboards/" + UUID.randomUUID() + "/people").then(), 404, "NOT_FOUND");
        // API clients need leaderboards:read
        Api.bearer(PointsFixtures.clientToken(branch, "leaderboards:read")).get("/v1/leaderboards/" + branch
                + "/people").then().statusCode(200);
        problem(Api.bearer(PointsFixtures.clientToken(branch, "org:read")).get("/v1/leaderboards/" + branch
                + "/people").then(), 403, "FORBIDDEN");
    }
}
