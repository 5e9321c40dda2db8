package cn.zhibu.notify.wechat;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.Random;

/**
 * WireMock playing api.weixin.qq.com for the WeChat sender's tests (stable_token and subscribe-message send, with
 * their real JSON shapes), and the settings that turn the sender on with two templates. While {@link #flaky} is set,
 * a share of the send calls (chosen by a seeded random) answer errcode -1 or HTTP 503 instead of their stub.
 */
public class WeChatApiStub implements QuarkusTestResourceLifecycleManager {

    static final String SEND = "/cgi-bin/message/subscribe/send";
    static final String STABLE_TOKEN = "/cgi-bin/stable_token";
    static final String SWAP_TEMPLATE = "tmpl-swap-asked-0001";
    static final String SESSION_TEMPLATE = "tmpl-session-coming-01";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().extensions(new Flaky()));
        server.start();
        return Map.ofEntries(Map.entry("zhibu.wechat.base-url", "http://localhost:" + server.port()),
                Map.entry("zhibu.notify.wechat-send", "true"),
                Map.entry("zhibu.notify.templates.SWAP_ASKED.id", SWAP_TEMPLATE),
                Map.entry("zhibu.notify.templates.SWAP_ASKED.data.thing1", "title"),
                Map.entry("zhibu.notify.templates.SWAP_ASKED.data.time2", "time"),
                Map.entry("zhibu.notify.templates.SWAP_ASKED.data.name3", "person"),
                Map.entry("zhibu.notify.templates.SWAP_ASKED.page", "pages/lectures/swap"),
                Map.entry("zhibu.notify.templates.SESSION_COMING.id", SESSION_TEMPLATE),
                Map.entry("zhibu.notify.templates.SESSION_COMING.data.thing1", "title"),
                Map.entry("zhibu.notify.templates.SESSION_COMING.data.date2", "time"),
                Map.entry("zhibu.notify.templates.SESSION_COMING.page", "pages/sessions/detail?from=wechat"),
                Map.entry("zhibu.notify.delivery.every", "off"),
                Map.entry("zhibu.notify.delivery.max-attempts", "12"),
                Map.entry("zhibu.notify.delivery.backoff-base", "PT1M"),
                Map.entry("zhibu.notify.delivery.backoff-cap", "PT10M"),
                Map.entry("zhibu.notify.delivery.batch-size", "40"));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectWeChat.class,
                WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface InjectWeChat {
    }

    /** The random failures of the send calls; null: none. */
    static volatile Random flaky;

    /** Answers a share of the send calls with errcode -1 (busy) or HTTP 503 while {@link #flaky} is set. */
    public static final class Flaky implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Random random = flaky;
            if (random == null || !event.getRequest().getUrl().startsWith(SEND)) {
                return event.getResponseDefinition();
            }
            int roll;
            synchronized (random) {
                roll = random.nextInt(100);
            }
            if (roll < 20) {
                return ResponseDefinition.okForJson(Map.of("errcode", -1, "errmsg", "system error, rid: 1a2b"));
            }
            if (roll < 30) {
                return new ResponseDefinition(503, "<html>503 Service Temporarily Unavailable</html>");
            }
            return event.getResponseDefinition();
        }

        @Override
        public String getName() {
            return "flaky-wechat";
        }
    }
}
