package cn.zhibu.notify.wechat;

import static cn.zhibu.notify.wechat.WeChatApiStub.SEND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.testing.Sql;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Exactly once: two replicas drain the queue at the same time, round after round with the clock moving on, while
 * WeChat answers a share of the calls busy (-1) or HTTP 503; in the end WeChat accepted every message once.
 */
@QuarkusTest
@WithTestResource(value = WeChatApiStub.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class WeChatDeliveryExactlyOnceTest extends WeChatDeliveryTestBase {

    @Test
    void underRandomFailuresTwoReplicasSendEveryMessageExactlyOnce() throws Exception {
        List<Member> people = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int p = 0; p < 50; p++) {
            people.add(member(5));
        }
        for (int m = 0; m < 4; m++) {
            for (Member person : people) {
                ids.add(raise(NoticeKind.SWAP_ASKED, person, "第" + m + "条", DAY.minusSeconds(600 - m * 60L)));
            }
        }
        WeChatApiStub.flaky = new Random(20261208);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int rounds = 0;
        try {
            while (rounds < 60 && Sql.count("select count(*) from notification_delivery "
                    + "where state in ('PENDING', 'SENDING')") > 0) {
                List<Future<WeChatDelivery.Counts>> drains = List.of(pool.submit(() -> delivery.drain("replica-a")),
                        pool.submit(() -> delivery.drain("replica-b")));
                for (Future<WeChatDelivery.Counts> drain : drains) {
                    drain.get(120, TimeUnit.SECONDS);
                }
                advance(Duration.ofMinutes(10));
                rounds++;
            }
        } finally {
            pool.shutdownNow();
            WeChatApiStub.flaky = null;
        }

        long failures = wechat.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(SEND))
                .count() - acceptedEvents().size();
        assertTrue(failures > 20, "WeChat failed often enough: " + failures);
        assertEquals(200, acceptedEvents().size());
        for (String id : ids) {
            assertEquals("SENT", state(id), id);
            assertEquals(1, accepted(id), id);
        }
        for (Member person : people) {
            assertEquals(1, credits(person));
        }
        assertEquals(200, Sql.count("select count(*) from notification_attempt where outcome = 'SENT' "
                + "and notification_id in (select notification_id from notification_delivery where state = 'SENT' "
                + "and due_at <= ?1 and due_at >= ?2)", DAY.minusSeconds(420), DAY.minusSeconds(600)));
    }
}
