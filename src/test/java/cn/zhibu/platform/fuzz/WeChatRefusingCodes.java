package cn.zhibu.platform.fuzz;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A stand-in for WeChat's {@code jscode2session} that refuses every code as WeChat does an invalid one (errcode
 * 40029): fuzzed codes are invalid, and the run needs no network (unreachable, WeChat would make every WeChat
 * sign-in a documented 503 that says nothing about bad input).
 */
public class WeChatRefusingCodes implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(any(anyUrl()).willReturn(okJson("{\"errcode\":40029,\"errmsg\":\"invalid code\"}")));
        return Map.of("zhibu.wechat.base-url", "http://localhost:" + server.port());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
