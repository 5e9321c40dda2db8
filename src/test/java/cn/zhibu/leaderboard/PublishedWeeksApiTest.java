package cn.zhibu.leaderboard;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.platform.time.IsoWeek;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.StandingsCaughtUp;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestTime;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Published weeks: once per unit and week, on demand or by racing jobs; frozen; revisions; who may. */
@QuarkusTest
class PublishedWeeksApiTest {

    final LocalDate today = TestTime.today(); // once per test
    final String week = IsoWeek.of(today).toString();

    @Inject
    WeeklyPublication job;
    @Inject
    AgroalDataSource dataSource;

    String committee;
    String branch;
    String groupA;

    @BeforeEach
    void tree() {
        committee = OrgFixtures.unit("COMMITTEE", null);
        OrgFixtures.publishBoards(committee); // named boards (the default shows each member their own)
        branch = OrgFixtures.unit("BRANCH", committee);
        groupA = OrgFixtures.unit("PARTY_GROUP", branch);
        Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("unitId", committee, "activityType", "MANUAL_AWARD",
                "effectiveFrom", today.toString(), "points", 1)).post("/v1/scoring-rules").then().statusCode(201);
    }

    RequestSpecification secretary() {
        return Api.as("publish-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    /** Awards points; returns once the boards of others show them (a moment later). */
    String award(Member member, int points) {
        String id = secretary().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("personId", member.personId(), "points", points, "reason", "发布测试"))
                .post("/v1/points/awards").then().statusCode(201).extract().path("id");
        StandingsCaughtUp.await();
        return id;
    }

    String publishPath(String unit, String week) {
        return "/v1/leaderboards/" + unit + "/weeks/" + week + "/publish";
    }

    @Test
    void publishingOnDemandMakesTheSnapshotOnceAndRepeatsAnswerItUnchanged() throws SQLException {
        Member a1 = StudyFixtures.member(branch, groupA);
        Member a2 = StudyFixtures.member(branch, groupA);
        Member a3 = StudyFixtures.member(branch, groupA);
        Member hidden = StudyFixtures.member(branch, groupA);
        award(a1, 5);
        award(a2, 5);
        award(a3, 2);
        award(hidden, 1);
        update("insert into leaderboard_preference (person_id, anonymous, updated_at) values (?, true, now())",
                hidden.personId());

        problem(a1.api().get("/v1/leaderboards/" + branch + "/weeks/" + week).then(), 404,
                "LEADERBOARD_WEEK_NOT_PUBLISHED");
        var first = secretary().post(publishPath(branch, week)).then().statusCode(201)
                .header("Location", endsWith("/v1/leaderboards/" + branch + "/weeks/" + week))
                .body("unitId", equalTo(branch)).body("isoWeek", equalTo(week)).body("participants", equalTo(4))
                .body("metric", equalTo("POINTS_PER_MEMBER")).body("revisions.entries", equalTo(0))
                .body("revisions.points", equalTo(0)).extract();
        String id = first.path("id");
        assertEquals(List.of(1, 1, 3, 4), first.path("people.rank"));
        assertEquals(List.of(5, 5, 2, 1), first.path("people.points"));
        assertEquals(List.of(a1.personId(), a2.personId(), a3.personId()),
                first.<List<String>>path("people.personId").subList(0, 3));
        assertEquals(LeaderboardService.ANONYMOUS, first.path("people[3].name"));
        assertEquals(null, first.<String>path("people[3].personId"));
        assertEquals(List.of(groupA), first.path("units.unitId"));
        assertEquals(List.of(13), first.path("units.total"));

        // a repeat answers 200 with the same snapshot, made once
        secretary().post(publishPath(branch, week)).then().statusCode(200).body("id", equalTo(id))
                .body("people.points", equalTo(List.of(5, 5, 2, 1)));
        assertEquals(1, count("select count(*) from published_week where unit_id = ? and iso_week = '" + week + "'",
                branch));

        // read by members, with an ETag; in pages
        var read = a3.api().get("/v1/leaderboards/" + branch + "/weeks/" + week).then().statusCode(200)
                .body("id", equalTo(id)).body("publishedBy", equalTo(first.path("publishedBy"))).extract();
        a3.api().header("If-None-Match", read.header("ETag")).get("/v1/leaderboards/" + branch + "/weeks/" + week)
                .then().statusCode(304);
        var page = a3.api().queryParam("limit", 2).get("/v1/leaderboards/" + branch + "/weeks/" + week).then()
                .statusCode(200).body("people.rank", equalTo(List.of(1, 1))).extract();
        a3.api().queryParam("limit", 2).queryParam("cursor", (String) page.path("nextCursor"))
                .get("/v1/leaderboards/" + branch + "/weeks/" + week).then().statusCode(200)
                .body("people.rank", equalTo(List.of(3, 4))).body("nextCursor", nullValue());
        a3.api().get("/v1/leaderboards/" + branch + "/weeks").then().statusCode(200)
                .body("items.isoWeek", equalTo(List.of(week))).body("items[0].id", equalTo(id))
                .body("items[0].participants", equalTo(4)).body("nextCursor", nullValue());
        // the group was not published by this
        problem(a3.api().get("/v1/leaderboards/" + groupA + "/weeks/" + week).then(), 404,
                "LEADERBOARD_WEEK_NOT_PUBLISHED");
    }

    @Test
    void aLaterReversalLeavesTheSnapshotAndCountsAsARevision() {
        Member a1 = StudyFixtures.member(branch, groupA);
        Member a2 = StudyFixtures.member(branch, groupA);
        String entry = award(a1, 5);
        award(a2, 3);
        secretary().post(publishPath(branch, week)).then().statusCode(201);
        var before = a2.api().get("/v1/leaderboards/" + branch + "/weeks/" + week).then().statusCode(200).extract();

        secretary().body(Map.of("reason", "记错了")).post("/v1/points/entries/" + entry + "/reverse").then()
                .statusCode(201);
        StandingsCaughtUp.await(); // others see the reversal a moment later

        // the live board moved; the published one did not, and says what changed since
        a2.api().get("/v1/leaderboards/" + branch + "/people").then().body("participants", equalTo(1));
        var after = a2.api().header("If-None-Match", before.header("ETag"))
                .get("/v1/leaderboards/" + branch + "/weeks/" + week).then().statusCode(200)
                .body("participants", equalTo(2)).body("people.personId", equalTo(List.of(a1.personId(),
                        a2.personId()))).body("people.points", equalTo(List.of(5, 3)))
                .body("units[0].total", equalTo(8)).body("revisions.entries", equalTo(1))
                .body("revisions.points", equalTo(-5)).extract();
        assertEquals(before.<Object>path("people"), after.path("people"));
        assertEquals(before.<Object>path("units"), after.path("units"));
        assertEquals(before.<Object>path("publishedAt"), after.path("publishedAt"));
        // publishing again changes nothing either
        secretary().post(publishPath(branch, week)).then().statusCode(200).body("people.points",
                equalTo(List.of(5, 3))).body("revisions.entries", equalTo(1));
    }

    @Test
    void twoSchedulersRacingPublishEachUnitOnceAndNeitherFails() throws Exception {
        Member a1 = StudyFixtures.member(branch, groupA);
        award(a1, 4);
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<List<UUID>> scheduler = () -> {
            start.await(10, TimeUnit.SECONDS);
            return job.publishWeek(IsoWeek.parse(week));
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<UUID>> one = pool.submit(scheduler);
            Future<List<UUID>> two = pool.submit(scheduler);
            List<UUID> all = new ArrayList<>(one.get(60, TimeUnit.SECONDS)); // neither throws
            all.addAll(two.get(60, TimeUnit.SECONDS));
            // the branch and the committee are published by exactly one of them; the party group not at all
            assertEquals(1, all.stream().filter(UUID.fromString(branch)::equals).count());
            assertEquals(1, all.stream().filter(UUID.fromString(committee)::equals).count());
            assertEquals(all.size(), all.stream().distinct().count());
        } finally {
            pool.shutdownNow();
        }
        for (String unit : List.of(branch, committee)) {
            assertEquals(1, count("select count(*) from published_week where unit_id = ? and iso_week = '" + week
                    + "'", unit));
        }
        assertEquals(0, count("select count(*) from published_week where unit_id = ?", groupA));
        Api.as("publish-committee-secretary", Roles.SECRETARY, UUID.fromString(committee))
                .get("/v1/leaderboards/" + committee + "/weeks/" + week).then().statusCode(200)
                .body("publishedBy", equalTo(PublishedWeeks.SCHEDULER)).body("participants", equalTo(1))
                .body("units.unitId", equalTo(List.of(branch)));
        // a request after the job finds the job's snapshot
        secretary().post(publishPath(branch, week)).then().statusCode(200)
                .body("publishedBy", equalTo(PublishedWeeks.SCHEDULER));
    }

    @Test
    void parallelRequestsGetOneSnapshot() throws Exception {
        award(StudyFixtures.member(branch, groupA), 2);
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<io.restassured.response.Response> request = () -> {
            RequestSpecification spec = secretary();
            start.await(10, TimeUnit.SECONDS);
            return spec.post(publishPath(branch, week));
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var one = pool.submit(request);
            var two = pool.submit(request);
            var a = one.get(60, TimeUnit.SECONDS);
            var b = two.get(60, TimeUnit.SECONDS);
            assertEquals(List.of(200, 201), a.statusCode() < b.statusCode() ? List.of(a.statusCode(), b.statusCode())
                    : List.of(b.statusCode(), a.statusCode()));
            assertEquals(a.<String>path("id"), b.path("id"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyManagersPublishOnlyWeeksThatBegan() {
        Member member = StudyFixtures.member(branch, groupA);
        String otherBranch = OrgFixtures.unit("BRANCH", committee);
        Member outsider = StudyFixtures.member(otherBranch);
        problem(member.api().post(publishPath(branch, week)).then(), 403, "FORBIDDEN");
        problem(outsider.api().post(publishPath(branch, week)).then(), 404, "NOT_FOUND");
        problem(outsider.api().get("/v1/leaderboards/" + branch + "/weeks/" + week).then(), 404, "NOT_FOUND");
        problem(outsider.api().get("/v1/leaderboards/" + branch + "/weeks").then(), 404, "NOT_FOUND");
        problem(Api.anonymous().post(publishPath(branch, week)).then(), 401, "UNAUTHENTICATED");
        problem(secretary().post(publishPath(branch, "2026-W54")).then(), 400, "INVALID_PARAMETER");
        problem(secretary().post(publishPath(branch, "last-week")).then(), 400, "INVALID_PARAMETER");
        problem(member.api().get("/v1/leaderboards/" + branch + "/weeks/2026-W54").then(), 400, "INVALID_PARAMETER");
        String next = IsoWeek.parse(week).next().toString();
        problem(secretary().post(publishPath(branch, next)).then(), 422, "LEADERBOARD_WEEK_IN_FUTURE");
        // a past week without participants can be published, empty
        String past = IsoWeek.parse(week).previous().toString();
        secretary().post(publishPath(branch, past)).then().statusCode(201).body("participants", equalTo(0))
                .body("people", equalTo(List.of()));
        member.api().get("/v1/leaderboards/" + branch + "/weeks").then().statusCode(200)
                .body("items.isoWeek", equalTo(List.of(past)));
        assertTrue(count("select count(*) from published_week where unit_id = ?", branch) == 1);
    }

    private long count(String sql, String unit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(unit));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, String person) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(person));
            s.executeUpdate();
        }
    }
}
