package cn.zhibu.leaderboard;

import cn.zhibu.testing.Sql;
import static cn.zhibu.points.PointsFixtures.rule;
import static cn.zhibu.testing.OrgFixtures.publishBoards;
import static cn.zhibu.testing.OrgFixtures.unit;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.platform.time.IsoWeek;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.LedgerViews;
import cn.zhibu.points.PointsLedger;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.StandingsCaughtUp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A publication is one snapshot: a credit committed before it is in the board, one committed after it (even one
 * made, by the clock, before the publication) is a revision; and reading a published week never reads the ledger.
 */
@QuarkusTest
class PublicationSnapshotTest {

    @Inject
    PublishedWeeks weeks;
    @Inject
    PointsLedger ledger;
    @Inject
    Pagination pagination;

    /** A week of its own per test: publication is once per unit and week. */
    private static LocalDate monday(int weeksAhead) {
        return LocalDate.of(2108, 1, 5).with(java.time.DayOfWeek.MONDAY).plusWeeks(weeksAhead);
    }

    private LedgerViews.View credit(StudyFixtures.Member member, String branch, LocalDate day, int points) {
        return ledger.credit(new PointsLedger.Credit(UUID.fromString(member.personId()), UUID.fromString(branch),
                ActivityType.MANUAL_AWARD, "SNAPSHOT", UUID.randomUUID().toString(), day, points, "测试", "test"));
    }

    private PublishedViews.Outcome publish(String unit, IsoWeek week) {
        return weeks.publish(UUID.fromString(unit), week, "test", pagination.request("100", null, "published-week"),
                Duration.ofSeconds(30), Seen.EVERYTHING);
    }

    @Test
    void aCreditCommittedBeforeTheSnapshotIsInTheBoardOneCommittedAfterItIsARevision() throws Exception {
        String committee = unit("COMMITTEE", null);
        publishBoards(committee); // named boards (the default shows each member their own)
        String branch = unit("BRANCH", committee);
        LocalDate monday = monday(0);
        IsoWeek week = IsoWeek.of(monday);
        rule(committee, ActivityType.MANUAL_AWARD, monday.minusDays(7), 1, null, null, null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        credit(member, branch, monday, 5);
        StandingsCaughtUp.await();

        // a credit made (and stamped by the clock) before the publication, committed only after its snapshot
        CountDownLatch made = new CountDownLatch(1);
        CountDownLatch published = new CountDownLatch(1);
        CompletableFuture<LedgerViews.View> late = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew()
                .call(() -> {
                    LedgerViews.View view = credit(member, branch, monday.plusDays(1), 3);
                    made.countDown();
                    assertTrue(published.await(60, TimeUnit.SECONDS));
                    return view;
                }));
        assertTrue(made.await(60, TimeUnit.SECONDS), "the late credit is written");
        PublishedViews.Outcome outcome;
        try {
            outcome = publish(branch, week);
        } finally {
            published.countDown();
        }
        LedgerViews.View lateCredit = late.get(60, TimeUnit.SECONDS);
        assertTrue(outcome.created());
        assertEquals(List.of(5), outcome.published().people().stream().map(LeaderboardViews.PersonRow::points)
                .toList(), "the board holds what was committed before the snapshot");
        assertEquals(new PublishedViews.Revisions(0, 0, 0, 0), outcome.published().revisions());
        assertTrue(Sql.count("select count(*) from ledger_entry where id = ?1 and created_at < ?2",
                lateCredit.id(), outcome.published().publishedAt()) == 1, "the late credit's clock is before the "
                + "publication's: only what the snapshot held tells it apart");

        StandingsCaughtUp.await();
        PublishedRevisions.Changes changes = weeks.revisions(UUID.fromString(branch), week);
        assertEquals(List.of(new PublishedRevisions.PersonChange(UUID.fromString(member.personId()), 3, 1)),
                changes.people());
        assertEquals(List.of(), changes.units());
        Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/leaderboards/" + branch + "/weeks/" + week).then()
                .statusCode(200).body("people.points", equalTo(List.of(5))).body("revisions.entries", equalTo(1))
                .body("revisions.points", equalTo(3)).body("revisions.people", equalTo(1))
                .body("revisions.units", equalTo(0));
    }

    @Test
    void readingAPublishedWeekDoesNotReadTheLedger() throws Exception {
        String committee = unit("COMMITTEE", null);
        publishBoards(committee); // named boards (the default shows each member their own)
        String branch = unit("BRANCH", committee);
        String group = unit("PARTY_GROUP", branch);
        LocalDate monday = monday(1);
        IsoWeek week = IsoWeek.of(monday);
        rule(committee, ActivityType.MANUAL_AWARD, monday.minusDays(7), 1, null, null, null);
        StudyFixtures.Member member = StudyFixtures.member(branch, group);
        credit(member, branch, monday, 4);
        StandingsCaughtUp.await();
        publish(committee, week);
        credit(member, branch, monday, 2);
        StandingsCaughtUp.await();

        // with the ledger locked against every reader, the published week still answers, revisions and all
        // (as the owner: the service's role may not lock the ledger against writes)
        try (Connection locker = cn.zhibu.testing.EmbeddedPostgresResource.owner(); Statement s = locker.createStatement()) {
            locker.setAutoCommit(false);
            s.execute("lock table ledger_entry in access exclusive mode");
            try {
                var read = CompletableFuture.supplyAsync(() -> Api.as("org-admin", Roles.ORG_ADMIN)
                        .get("/v1/leaderboards/" + committee + "/weeks/" + week).then().extract());
                var answer = read.get(30, TimeUnit.SECONDS);
                assertEquals(200, answer.statusCode());
                assertEquals(List.of(4), answer.path("people.points"));
                assertEquals(2, (Integer) answer.path("revisions.points"));
                assertEquals(1, (Integer) answer.path("revisions.units"));
            } finally {
                locker.rollback();
            }
        }
    }
}
