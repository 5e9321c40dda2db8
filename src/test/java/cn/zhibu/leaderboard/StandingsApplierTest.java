package cn.zhibu.leaderboard;

import cn.zhibu.testing.Sql;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.platform.time.IsoWeek;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.PointsLedger;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.Await;
import cn.zhibu.testing.Management;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.StandingsCaughtUp;
import cn.zhibu.testing.TestTime;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The standings applier: check-ins and awards write only the ledger; the standings take it in a moment later, each
 * entry once, one applier at a time; a person sees their own figures at once; a week is published only when its
 * standings are complete, and a wrongly frozen week is published again as a visible edition.
 */
@QuarkusTest
class StandingsApplierTest {

    final LocalDate today = TestTime.today(); // once per test
    final String week = IsoWeek.of(today).toString();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Standings standings;
    @Inject
    PointsLedger ledger;

    String committee;
    String branch;
    String group;

    @BeforeEach
    void tree() {
        committee = OrgFixtures.unit("COMMITTEE", null);
        OrgFixtures.publishBoards(committee); // named boards (the default shows each member their own)
        branch = OrgFixtures.unit("BRANCH", committee);
        group = OrgFixtures.unit("PARTY_GROUP", branch);
        Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("unitId", committee, "activityType", "MANUAL_AWARD",
                "effectiveFrom", today.toString(), "points", 1)).post("/v1/scoring-rules").then().statusCode(201);
    }

    RequestSpecification secretary() {
        return Api.as("applier-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    String award(Member member, int points) {
        return secretary().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("personId", member.personId(), "points", points, "reason", "榜单更新测试"))
                .post("/v1/points/awards").then().statusCode(201).extract().path("id");
    }

    String publishPath(String week) {
        return "/v1/leaderboards/" + branch + "/weeks/" + week + "/publish";
    }

    @Test
    void aPersonSeesTheirOwnPointsAtOnceOthersOnceTheApplierHasThemAndPublicationWaitsForIt() throws Exception {
        Member a1 = StudyFixtures.member(branch, group);
        Member a2 = StudyFixtures.member(branch, group);
        award(a1, 5);
        StandingsCaughtUp.await();
        try (Connection held = dataSource.getConnection(); Statement s = held.createStatement()) {
            // a transaction that began before a2's award and is still open: the applier may not pass it, since
            // an entry it wrote would appear behind the applier's position
            held.setAutoCommit(false);
            s.execute("select pg_current_xact_id()");
            award(a2, 3);

            // a2's own standing includes the award at once; the board of others does not yet
            a2.api().get("/v1/leaderboards/me").then().statusCode(200).body("points", equalTo(3))
                    .body("rank", equalTo(2)).body("participants", equalTo(2)).body("gapToRankAbove", equalTo(2));
            a1.api().get("/v1/leaderboards/" + branch + "/people").then().statusCode(200)
                    .body("participants", equalTo(1)).body("items.personId", equalTo(List.of(a1.personId())));
            Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/leaderboards/weeks/" + week + "/check").then()
                    .statusCode(200).body("consistent", equalTo(true))
                    .body("pendingEntries", greaterThanOrEqualTo(1));
            assertTrue(lagEntries() >= 1, "the lag is in /q/metrics");

            // a publication does not freeze the week without a2: it waits, then answers 409, storing nothing
            problem(secretary().post(publishPath(week)).then(), 409, "LEADERBOARD_STANDINGS_PENDING");
            assertEquals(0, Sql.count("select count(*) from published_week where unit_id = ?1", branch));
            held.rollback();
        }
        StandingsCaughtUp.await();
        a1.api().get("/v1/leaderboards/" + branch + "/people").then().statusCode(200).body("participants", equalTo(2));
        secretary().post(publishPath(week)).then().statusCode(201).body("participants", equalTo(2))
                .body("edition", equalTo(1)).body("editionReason", nullValue());
    }

    @Test
    void aPublicationRefusesStandingsThatDisagreeWithTheLedger() throws Exception {
        Member a1 = StudyFixtures.member(branch, group);
        award(a1, 4);
        StandingsCaughtUp.await();
        String corrupt = "update week_score set points = points + %d where person_id = '" + a1.personId()
                + "' and iso_week = '" + week + "'";
        execute(String.format(corrupt, 1));
        problem(secretary().post(publishPath(week)).then(), 409, "LEADERBOARD_STANDINGS_DISAGREE");
        assertEquals(0, Sql.count("select count(*) from published_week where unit_id = ?1", branch));
        execute(String.format(corrupt, -1));
        secretary().post(publishPath(week)).then().statusCode(201).body("people.points", equalTo(List.of(4)));
    }

    @Test
    void aWronglyFrozenWeekIsPublishedAgainByAnOrgAdminAsAVisibleEdition() {
        Member a1 = StudyFixtures.member(branch, group);
        Member a2 = StudyFixtures.member(branch, group);
        award(a1, 4);
        String first = secretary().post(publishPath(week)).then().statusCode(201).body("participants", equalTo(1))
                .extract().path("id");
        award(a2, 6); // the week was frozen too early
        String editions = "/v1/leaderboards/" + branch + "/weeks/" + week + "/editions";
        RequestSpecification admin = Api.as("org-admin", Roles.ORG_ADMIN);

        problem(secretary().body(Map.of("reason", "重新发布")).post(editions).then(), 403, "FORBIDDEN");
        problem(admin.body(Map.of("reason", " ")).post(editions).then(), 400, "VALIDATION_FAILED");
        problem(Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of()).post(editions).then(), 400, "VALIDATION_FAILED");
        problem(Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("reason", "重新发布")).post("/v1/leaderboards/"
                + branch + "/weeks/" + IsoWeek.parse(week).previous() + "/editions").then(), 404,
                "LEADERBOARD_WEEK_NOT_PUBLISHED");

        String second = Api.as("org-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", "发布时榜单尚未计入全部积分"))
                .post(editions).then().statusCode(201).header("Idempotent-Replayed", "false").body("edition", equalTo(2))
                .body("editionReason", equalTo("发布时榜单尚未计入全部积分")).body("participants", equalTo(2))
                .body("people.points", equalTo(List.of(6, 4))).extract().path("id");
        a1.api().get("/v1/leaderboards/" + branch + "/weeks/" + week).then().statusCode(200)
                .body("id", equalTo(second)).body("edition", equalTo(2));
        a1.api().get("/v1/leaderboards/" + branch + "/weeks").then().statusCode(200)
                .body("items.id", equalTo(List.of(second)));
        // the first edition is kept, marked superseded; a plain publish answers the current edition
        assertEquals(1, Sql.count("select count(*) from published_week where id = ?1 and superseded_at "
                + "is not null", first));
        secretary().post(publishPath(week)).then().statusCode(200).body("id", equalTo(second));
    }

    @Test
    void creditsInParallelWithSeveralAppliersAreEachTakenInOnce() throws Exception {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(StudyFixtures.member(branch, group));
        }
        StandingsCaughtUp.await();
        long entriesBefore = Sql.count("select count(*) from ledger_entry");
        long appliedBefore = Sql.count("select applied from standings_position");
        int perMember = 20;
        ExecutorService pool = Executors.newFixedThreadPool(members.size() + 2);
        AtomicBoolean crediting = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> creditors = new ArrayList<>();
            for (Member member : members) {
                creditors.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perMember; i++) {
                        ledger.credit(new PointsLedger.Credit(UUID.fromString(member.personId()),
                                UUID.fromString(branch), ActivityType.MANUAL_AWARD, "APPLIER-TEST",
                                UUID.randomUUID().toString(), today, 1 + i % 3, "并发测试", "test"));
                    }
                    return null;
                }));
            }
            List<Future<Integer>> appliers = new ArrayList<>();
            for (int a = 0; a < 2; a++) { // two more appliers beside the service's own, as on other replicas
                appliers.add(pool.submit(() -> {
                    start.await();
                    int batches = 0;
                    while (crediting.get()) {
                        if (standings.apply() > 0) {
                            batches++;
                        }
                    }
                    return batches;
                }));
            }
            start.countDown();
            for (Future<?> creditor : creditors) {
                creditor.get(60, TimeUnit.SECONDS);
            }
            crediting.set(false);
            for (Future<Integer> applier : appliers) {
                applier.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        StandingsCaughtUp.await();
        long made = Sql.count("select count(*) from ledger_entry") - entriesBefore;
        assertTrue(made >= members.size() * perMember);
        assertEquals(made, Sql.count("select applied from standings_position") - appliedBefore,
                "each entry taken in once");
        Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/leaderboards/weeks/" + week + "/check").then()
                .statusCode(200).body("consistent", equalTo(true)).body("pendingEntries", equalTo(0));
        var board = members.get(0).api().queryParam("limit", 100).get("/v1/leaderboards/" + branch + "/people")
                .then().statusCode(200).body("participants", equalTo(members.size())).extract();
        int expected = 0;
        for (int i = 0; i < perMember; i++) {
            expected += 1 + i % 3;
        }
        assertEquals(java.util.Collections.nCopies(members.size(), expected), board.path("items.points"));
    }

    /** The applier lag in entries as /q/metrics shows it, once the applier has measured it (up to 5 s). */
    private long lagEntries() {
        Pattern gauge = Pattern.compile("(?m)^zhibu_standings_lag_entries(?:\\{[^}]*\\})? ([0-9.E]+)$");
        return Await.value("the applier's lag measured", Duration.ofSeconds(5), () -> {
            Matcher m = gauge.matcher(Management.given().get("/q/metrics").then().statusCode(200).extract()
                    .asString());
            assertTrue(m.find(), "zhibu_standings_lag_entries is in /q/metrics");
            return (long) Double.parseDouble(m.group(1));
        }, lag -> lag > 0, () -> "");
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
