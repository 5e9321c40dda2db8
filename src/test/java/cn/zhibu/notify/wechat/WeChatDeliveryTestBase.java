package cn.zhibu.notify.wechat;

import static cn.zhibu.notify.wechat.WeChatApiStub.SEND;
import static cn.zhibu.notify.wechat.WeChatApiStub.STABLE_TOKEN;
import static cn.zhibu.notify.wechat.WeChatApiStub.SWAP_TEMPLATE;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.zhibu.platform.notice.Notice;
import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.platform.notice.Notices;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestClock;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the WeChat sender's tests share: the WeChat stand-in answering the access token and every message by default,
 * a branch, members with an openid and credits, notices raised as a capability raises them, and reads of the rows.
 */
abstract class WeChatDeliveryTestBase {

    /** 10:00 in Shanghai: no quiet hours. */
    static final Instant DAY = Instant.parse("2026-12-08T02:00:00Z");
    static final String TOKEN = "83_stable-token-one-AbCdEf";

    @WeChatApiStub.InjectWeChat
    WireMockServer wechat;

    @Inject
    TestClock clock;

    @Inject
    Notices notices;

    @Inject
    WeChatDelivery delivery;

    static String branch;

    /** Every log record while a test runs. */
    final List<LogRecord> log = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void standIn() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        clock.set(DAY);
        WeChatApiStub.flaky = null;
        // what earlier tests left waiting is not this test's
        Sql.execute("update notification_delivery set state = 'FAILED', last_error = 'left by an earlier test' "
                + "where state in ('PENDING', 'SENDING')");
        Sql.execute("delete from wechat_access_token");
        wechat.resetAll();
        wechat.stubFor(post(urlPathEqualTo(STABLE_TOKEN)).willReturn(token(TOKEN)));
        wechat.stubFor(post(urlPathEqualTo(SEND)).atPriority(10).willReturn(sent()));
        if (branch == null) {
            String committee = OrgFixtures.unit("COMMITTEE", null);
            branch = OrgFixtures.unit("BRANCH", committee);
        }
    }

    @AfterEach
    void calm() {
        WeChatApiStub.flaky = null;
        clock.reset();
        Logger.getLogger("").removeHandler(capture);
        for (String line : lines(Level.ALL)) {
            for (String secret : List.of(TOKEN, "83_two", "test-app-secret")) {
                assertFalse(line.contains(secret), () -> "a secret in the log: " + line);
            }
        }
    }

    /** The log lines of the sender at this level or above, formatted, with their exceptions. */
    List<String> lines(Level level) {
        return log.stream().filter(r -> r.getLevel().intValue() >= level.intValue())
                .map(r -> r.getLoggerName() + " " + r.getLevel() + " " + r.getMessage()
                        + (r.getParameters() == null ? "" : " " + Arrays.deepToString(r.getParameters()))
                        + (r.getThrown() == null ? "" : " " + r.getThrown()))
                .toList();
    }

    // ---- WeChat's answers ----

    static ResponseDefinitionBuilder token(String value) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; encoding=utf-8")
                .withBody("{\"access_token\":\"" + value + "\",\"expires_in\":7200}");
    }

    static ResponseDefinitionBuilder sent() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; encoding=utf-8")
                .withBody("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":2946584573216571393}");
    }

    static ResponseDefinitionBuilder error(int errcode, String errmsg) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                .withBody("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + " rid: 6756a1b2-0c1d2e3f\"}");
    }

    /** The send calls to this openid. */
    static MappingBuilder sendTo(String openid) {
        return post(urlPathEqualTo(SEND)).atPriority(1).withRequestBody(matchingJsonPath("$.touser", equalTo(openid)));
    }

    // ---- fixtures ----

    /** A member of the branch who signs in with WeChat and holds {@code credits} for the swap template. */
    record Member(String id, String openid) {
    }

    Member member(int credits) {
        String id = OrgFixtures.person("订阅" + UUID.randomUUID().toString().substring(0, 6), branch);
        String openid = "o6_bmjrPTlm6_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Sql.execute("insert into account (id, person_id, wechat_openid, active, version, created_at, updated_at) "
                + "values (?1, ?2, ?3, true, 0, ?4, ?4)", UUID.randomUUID(), UUID.fromString(id), openid, DAY);
        if (credits > 0) {
            Sql.execute("insert into wechat_subscription (person_id, template_id, credits, accepted, updated_at) "
                    + "values (?1, ?2, ?3, ?3, ?4)", UUID.fromString(id), SWAP_TEMPLATE, credits, DAY);
        }
        return new Member(id, openid);
    }

    /** A swap request notice to the member, due now; its notification id. */
    String swapAsked(Member member, String title) {
        return raise(NoticeKind.SWAP_ASKED, member, title, clock.instant());
    }

    String raise(NoticeKind kind, Member member, String title, Instant dueAt) {
        String subject = "swap:" + UUID.randomUUID();
        Notice notice = new Notice(kind, subject, Set.of(UUID.fromString(member.id())), dueAt,
                Map.of("title", title, "time", "2026-12-08T06:30:00Z", "person", "李明"), null);
        QuarkusTransaction.requiringNew().run(() -> notices.raise(notice));
        return value("select cast(id as text) from notification where subject = ?1", subject);
    }

    // ---- reads ----

    static String value(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = Arc.container().instance(EntityManager.class).get().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            List<?> rows = query.getResultList();
            return rows.isEmpty() || rows.get(0) == null ? null : rows.get(0).toString();
        });
    }

    static String state(String notification) {
        return value("select state from notification_delivery where notification_id = cast(?1 as uuid)", notification);
    }

    static int attempts(String notification) {
        return (int) Sql.count("select attempts from notification_delivery where notification_id = cast(?1 as uuid)",
                notification);
    }

    static String lastError(String notification) {
        return value("select last_error from notification_delivery where notification_id = cast(?1 as uuid)",
                notification);
    }

    static List<String> outcomes(String notification) {
        return QuarkusTransaction.requiringNew().call(() -> Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("select outcome || ':' || coalesce(cast(errcode as text), '-') "
                        + "from notification_attempt where notification_id = cast(?1 as uuid) "
                        + "order by attempted_at, outcome", String.class)
                .setParameter(1, notification).getResultList());
    }

    static long credits(Member member) {
        return Sql.count("select coalesce(sum(credits), 0) from wechat_subscription where person_id = cast(?1 as uuid)",
                member.id());
    }

    /** How many send calls WeChat received for the message. */
    int calls(String notification) {
        return wechat.findAll(postRequestedFor(urlPathEqualTo(SEND))
                .withRequestBody(containing("notification=" + notification))).size();
    }

    /** How many send calls for the message WeChat accepted (errcode 0). */
    long accepted(String notification) {
        return acceptedEvents().stream().filter(e -> e.getRequest().getBodyAsString()
                .contains("notification=" + notification)).count();
    }

    List<ServeEvent> acceptedEvents() {
        return wechat.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(SEND))
                .filter(e -> e.getResponse().getStatus() == 200
                        && e.getResponse().getBodyAsString().contains("\"errcode\":0"))
                .toList();
    }

    int tokenCalls() {
        return wechat.findAll(postRequestedFor(urlPathEqualTo(STABLE_TOKEN))).size();
    }

    void advance(Duration duration) {
        clock.set(clock.instant().plus(duration));
    }

    static String nextAttempt(String notification) {
        return Instant.parse(value("select to_char(next_attempt_at at time zone 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from notification_delivery where notification_id = cast(?1 as uuid)",
                notification)).toString();
    }
}
