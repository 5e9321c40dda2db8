package cn.zhibu.privacy.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.notify.NoticeFixtures;
import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Notices are purged a year after they were due, with their WeChat delivery and its attempts, whatever became of it
 * (one still waiting after a year is stale); one just within the year stays.
 */
@QuarkusTest
class NotificationRetentionTest {

    @Inject
    RetentionPurge purge;

    @Test
    void noticesDueMoreThanAYearAgoGoWithTheirDeliveriesAndAttempts() {
        Instant now = TestTime.now();
        String person = StudyFixtures.member(OrgFixtures.unit("BRANCH", null)).personId();
        String tag = UUID.randomUUID().toString();
        Instant yearAgo = now.minus(Duration.ofDays(365));
        NoticeFixtures.raise(NoticeKind.SWAP_ASKED, "old:" + tag, yearAgo.minusSeconds(1), Map.of(), person);
        NoticeFixtures.raise(NoticeKind.SWAP_ASKED, "young:" + tag, yearAgo.plusSeconds(1), Map.of(), person);
        NoticeFixtures.raise(NoticeKind.SWAP_ASKED, "waiting:" + tag, yearAgo.minusSeconds(1), Map.of(), person);
        NoticeFixtures.raise(NoticeKind.PLAN_ITEM_DUE, "inbox-only:" + tag, yearAgo.minusSeconds(1), Map.of(), person);
        Sql.execute("update notification_delivery set state = 'SENT' where notification_id in (select id from "
                + "notification where subject in (?1, ?2))", "old:" + tag, "young:" + tag);
        Sql.execute("insert into notification_attempt (id, notification_id, attempted_at, outcome, replica) select "
                + "gen_random_uuid(), id, ?2, 'SENT', 'test' from notification where subject = ?1", "old:" + tag, now);

        RetentionPurge.Run run = purge.purge(now);

        assertEquals(0, Sql.count("select count(*) from notification where subject in (?1, ?2, ?3)", "old:" + tag,
                "inbox-only:" + tag, "waiting:" + tag));
        assertEquals(1, Sql.count("select count(*) from notification where subject = ?1", "young:" + tag));
        assertEquals(0, Sql.count("select count(*) from notification_attempt a where not exists (select 1 from "
                + "notification n where n.id = a.notification_id)"));
        assertEquals(true, run.purged("NOTIFICATIONS") >= 3);
        assertEquals(0, purge.purge(now).purged("NOTIFICATIONS"), "a second run finds nothing more");
    }
}
