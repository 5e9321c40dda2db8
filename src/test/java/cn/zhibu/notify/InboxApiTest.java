package cn.zhibu.notify;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.zhibu.platform.notice.Notice;
import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.platform.notice.Notices;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The inbox: what is due appears, newest first; reminders appear when due; called-off ones never; read marks. */
@QuarkusTest
class InboxApiTest {

    private static final String INBOX = "/v1/me/notifications";

    @Inject
    TestClock clock;

    @Inject
    Notices notices;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void dueNoticesAppearNewestFirstWithTheirUnreadCountAndPages() {
        String branch = OrgFixtures.unit("BRANCH", null);
        Member member = StudyFixtures.member(branch);
        Member other = StudyFixtures.member(branch);
        Instant now = clock.instant();
        String tag = UUID.randomUUID().toString();
        NoticeFixtures.raise(NoticeKind.SWAP_ASKED, "swap:" + tag + ":1", now.minusSeconds(30),
                Map.of("title", "微型党课：学习二十大精神", "person", "张三"), member.personId());
        NoticeFixtures.raise(NoticeKind.CHECK_IN_REVIEWED, "check-in:" + tag + ":reviewed", now.minusSeconds(20),
                Map.of("state", "已通过"), member.personId(), other.personId());
        NoticeFixtures.raise(NoticeKind.SESSION_COMING, "session:" + tag + ":T-1D", now.plus(Duration.ofDays(3)),
                Map.of("title", "主题党日"), member.personId());

        member.api().get(INBOX).then().statusCode(200)
                .body("items.kind", contains("CHECK_IN_REVIEWED", "SWAP_ASKED"))
                .body("items[0].title", equalTo("您的打卡已审核"))
                .body("items[0].fields.state", equalTo("已通过"))
                .body("items[1].fields.person", equalTo("张三"))
                .body("items[1].link", notNullValue())
                .body("items[0].readAt", nullValue())
                .body("unreadCount", equalTo(2));
        member.api().header("Accept-Language", "en").get(INBOX).then().statusCode(200)
                .body("items[0].title", equalTo("Your check-in was reviewed"));
        String cursor = member.api().queryParam("limit", 1).get(INBOX).then().statusCode(200)
                .body("items.kind", contains("CHECK_IN_REVIEWED")).extract().path("nextCursor");
        member.api().queryParam("limit", 1).queryParam("cursor", cursor).get(INBOX).then().statusCode(200)
                .body("items.kind", contains("SWAP_ASKED")).body("nextCursor", nullValue());

        // the reminder appears when it is due
        clock.advance(Duration.ofDays(3));
        member.api().get(INBOX).then().statusCode(200)
                .body("items.kind", contains("SESSION_COMING", "CHECK_IN_REVIEWED", "SWAP_ASKED"))
                .body("unreadCount", equalTo(3));
        other.api().get(INBOX).then().statusCode(200).body("items.kind", contains("CHECK_IN_REVIEWED"));
    }

    @Test
    void readingMarksOnceAndMarkAllReadMarksWhatIsDue() {
        String branch = OrgFixtures.unit("BRANCH", null);
        Member member = StudyFixtures.member(branch);
        Member other = StudyFixtures.member(branch);
        Instant now = clock.instant();
        String tag = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            NoticeFixtures.raise(NoticeKind.SWAP_ANSWERED, "swap:" + tag + ":" + i, now.minusSeconds(10 + i),
                    Map.of("state", "已同意"), member.personId());
        }
        NoticeFixtures.raise(NoticeKind.PLAN_ITEM_DUE, "plan-item:" + tag, now.plus(Duration.ofDays(1)),
                Map.of("title", "年度计划"), member.personId());
        String first = member.api().get(INBOX).then().extract().path("items[0].id");

        String readAt = member.api().post(INBOX + "/" + first + "/read").then().statusCode(200)
                .body("id", equalTo(first)).body("readAt", notNullValue()).extract().path("readAt");
        clock.advance(Duration.ofMinutes(5));
        member.api().post(INBOX + "/" + first + "/read").then().statusCode(200).body("readAt", equalTo(readAt));
        member.api().queryParam("unread", "true").get(INBOX).then().statusCode(200).body("items", hasSize(2))
                .body("unreadCount", equalTo(2));

        problem(other.api().post(INBOX + "/" + first + "/read").then(), 404, "NOTIFICATION_NOT_FOUND");
        problem(member.api().post(INBOX + "/" + UUID.randomUUID() + "/read").then(), 404, "NOTIFICATION_NOT_FOUND");
        assertEquals(1, Sql.count("select count(*) from notification where id = ?1 and read_at is not null",
                UUID.fromString(first)));

        member.api().post(INBOX + "/read-all").then().statusCode(200).body("marked", equalTo(2))
                .body("unreadCount", equalTo(0));
        // the plan item falls due later and arrives unread
        clock.advance(Duration.ofDays(1));
        member.api().get(INBOX).then().statusCode(200).body("unreadCount", equalTo(1))
                .body("items[0].kind", equalTo("PLAN_ITEM_DUE")).body("items[0].readAt", nullValue());
    }

    @Test
    void aMovedReminderMovesACalledOffOneNeverAppearsAndADeliveredOneStays() {
        String branch = OrgFixtures.unit("BRANCH", null);
        Member member = StudyFixtures.member(branch);
        Instant now = clock.instant();
        String subject = "session:" + UUID.randomUUID() + ":T-1D";
        NoticeFixtures.raise(NoticeKind.SESSION_COMING, subject, now.plus(Duration.ofDays(2)), Map.of("title", "旧"),
                member.personId());
        NoticeFixtures.raise(NoticeKind.SESSION_COMING, subject, now.plus(Duration.ofDays(5)), Map.of("title", "新"),
                member.personId());
        assertEquals(1, Sql.count("select count(*) from notification where subject = ?1", subject));
        assertEquals(1, Sql.count("select count(*) from notification_delivery d join notification n on "
                + "n.id = d.notification_id where n.subject = ?1 and d.due_at = n.due_at and d.state = 'PENDING'",
                subject));
        clock.advance(Duration.ofDays(3));
        member.api().get(INBOX).then().statusCode(200).body("items", hasSize(0));
        clock.advance(Duration.ofDays(2));
        member.api().get(INBOX).then().statusCode(200).body("items[0].fields.title", equalTo("新"));

        // once due, raising it again changes nothing and it is never a second notice
        NoticeFixtures.raise(NoticeKind.SESSION_COMING, subject, clock.instant().plus(Duration.ofDays(1)),
                Map.of("title", "再"), member.personId());
        member.api().get(INBOX).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].fields.title", equalTo("新"));

        String called = "session:" + UUID.randomUUID() + ":T-2H";
        NoticeFixtures.raise(NoticeKind.SESSION_COMING, called, clock.instant().plus(Duration.ofHours(2)),
                Map.of("title", "取消"), member.personId());
        NoticeFixtures.withdraw(NoticeKind.SESSION_COMING, called);
        clock.advance(Duration.ofHours(3));
        member.api().get(INBOX).then().statusCode(200).body("items", hasSize(1));
        assertEquals(1, Sql.count("select count(*) from notification_delivery d join notification n on "
                + "n.id = d.notification_id where n.subject = ?1 and d.state = 'WITHDRAWN'", called));
    }

    @Test
    void anEditRaisingADueNoticeAgainKeepsItsMessageWhileACallingOffStopsIt() {
        String branch = OrgFixtures.unit("BRANCH", null);
        Member member = StudyFixtures.member(branch);
        String subject = "session:" + UUID.randomUUID() + ":T-2H";
        NoticeFixtures.raise(NoticeKind.SESSION_COMING, subject, clock.instant().minusSeconds(60),
                Map.of("title", "党日"), member.personId());
        // an edit, as the capabilities make it: take back, then raise again, in one transaction
        QuarkusTransaction.requiringNew().run(() -> {
            notices.withdraw(NoticeKind.SESSION_COMING, subject);
            notices.raise(new Notice(NoticeKind.SESSION_COMING, subject, Set.of(UUID.fromString(member.personId())),
                    clock.instant(), Map.of("title", "党日（改）"), null));
        });
        String delivery = "select count(*) from notification_delivery d join notification n on n.id = "
                + "d.notification_id where n.subject = ?1 and d.state = ?2";
        assertEquals(1, Sql.count(delivery, subject, "PENDING"));
        NoticeFixtures.withdraw(NoticeKind.SESSION_COMING, subject);
        assertEquals(1, Sql.count(delivery, subject, "WITHDRAWN"));
        member.api().get(INBOX).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aLongFieldIsCutToTheInboxsLimit() {
        Member member = StudyFixtures.member(OrgFixtures.unit("BRANCH", null));
        NoticeFixtures.raise(NoticeKind.RECTIFICATION_DUE, "rectification:" + UUID.randomUUID(), clock.instant(),
                Map.of("title", "整".repeat(500)), member.personId());
        String title = member.api().get(INBOX).then().statusCode(200).extract().path("items[0].fields.title");
        assertEquals(200, title.codePointCount(0, title.length()));
        assertEquals("…", title.substring(title.length() - 1));
    }

    @Test
    void aRolledBackChangeRaisesNothing() {
        String branch = OrgFixtures.unit("BRANCH", null);
        Member member = StudyFixtures.member(branch);
        String subject = "swap:" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            notices.raise(new Notice(NoticeKind.SWAP_ASKED, subject, Set.of(UUID.fromString(member.personId())),
                    clock.instant(), Map.of(), null));
            throw new IllegalStateException("the business change fails after raising");
        }));
        assertEquals(0, Sql.count("select count(*) from notification where subject = ?1", subject));
        member.api().get(INBOX).then().statusCode(200).body("items", hasSize(0)).body("unreadCount", equalTo(0));
    }

    @Test
    void onlyAPersonsOwnAccountHasAnInbox() {
        problem(Api.anonymous().get(INBOX).then(), 401, "UNAUTHENTICATED");
        String branch = OrgFixtures.unit("BRANCH", null);
        problem(Api.as("staff-" + UUID.randomUUID(), Roles.SECRETARY, UUID.fromString(branch)).get(INBOX).then(),
                403, "NOTIFICATION_NOT_A_PERSON");
        problem(Api.as("staff-" + UUID.randomUUID(), Roles.ORG_ADMIN).post(INBOX + "/read-all").then(), 403,
                "NOTIFICATION_NOT_A_PERSON");
        Member member = StudyFixtures.member(branch);
        problem(member.api().post(INBOX + "/not-a-uuid/read").then(), 404, "NOT_FOUND");
        problem(member.api().queryParam("unread", "maybe").get(INBOX).then(), 400, "INVALID_PARAMETER");
    }
}
