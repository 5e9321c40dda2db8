package cn.zhibu.identity.signin;

import static cn.zhibu.testing.OrgFixtures.person;
import static cn.zhibu.testing.OrgFixtures.unit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestClock;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the WeChat sign-in tests share: a local stand-in for WeChat's {@code jscode2session}
 * (WireMock, the real request and answer shapes), a small org tree, and after every test a scan of
 * every answer and every log record for the session_key, which must never leave the server.
 */
abstract class WeChatApiTestBase {

    static final String WECHAT = "/v1/sessions/wechat";
    static final String JSCODE2SESSION = "/sns/jscode2session";
    static final String SESSION_KEY = "tiihtNczf5v6AKRyjwEUhQ==";
    static final String APP_ID = "wx-test-app";
    static final String APP_SECRET = "test-app-secret";

    /** A WireMock server playing api.weixin.qq.com for this class only. */
    public static class WeChatStub implements QuarkusTestResourceLifecycleManager {

        private WireMockServer server;

        @Override
        public Map<String, String> start() {
            server = new WireMockServer(options().dynamicPort());
            server.start();
            return Map.of("zhibu.wechat.base-url", "http://localhost:" + server.port());
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
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface InjectWeChat {
    }

    /** Every log record of the JVM while a test runs, with its parameters and stack trace. */
    static final class Capture extends Handler {

        final List<LogRecord> records = new CopyOnWriteArrayList<>();

        Capture() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        static String text(LogRecord record) {
            StringBuilder text = new StringBuilder().append(record.getLoggerName()).append(' ')
                    .append(record.getMessage());
            if (record.getParameters() != null) {
                text.append(' ').append(Arrays.deepToString(record.getParameters()));
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(' ').append(trace);
            }
            return text.toString();
        }
    }

    @InjectWeChat
    WireMockServer wechat;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    Capture log;
    List<Filter> filtersBefore;
    final List<String> answers = new CopyOnWriteArrayList<>();

    String committee;
    String branch;
    String otherBranch;

    @BeforeEach
    void setUp() {
        log = new Capture();
        Logger.getLogger("").addHandler(log);
        answers.clear();
        filtersBefore = new ArrayList<>(RestAssured.filters());
        // every answer of every request of the test, kept to check that the session_key is never in one
        RestAssured.filters((request, response, context) -> {
            Response answer = context.next(request, response);
            answers.add(answer.getStatusLine() + "\n" + answer.getHeaders() + "\n" + answer.asString());
            return answer;
        });
        String tag = UUID.randomUUID().toString().substring(0, 8);
        committee = unit("COMMITTEE", "党委" + tag, null);
        branch = unit("BRANCH", "支部" + tag, committee);
        otherBranch = unit("BRANCH", "另一支部" + tag, committee);
    }

    @AfterEach
    void noSessionKeyAnywhere() {
        Logger.getLogger("").removeHandler(log);
        RestAssured.replaceFiltersWith(filtersBefore);
        assertFalse(answers.isEmpty(), "the answers were recorded");
        for (String answer : answers) {
            assertFalse(answer.contains(SESSION_KEY), () -> "session_key in an answer: " + answer);
        }
        for (LogRecord record : log.records) {
            String text = Capture.text(record);
            assertFalse(text.contains(SESSION_KEY), () -> "session_key in the log: " + text);
        }
    }

    // ---- helpers ----

    /** Binds a fresh WeChat user to the person through an invitation; the first token pair. */
    Map<String, Object> boundPerson(String person, String openid) {
        String invitation = invite(secretary(branch), person).then().statusCode(201).extract().path("code");
        String code = code();
        answers(code, session(openid, null, true));
        return signIn(code, invitation).then().statusCode(200).extract().as(Map.class);
    }

    static Response signIn(String code, String invitationCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        if (invitationCode != null) {
            body.put("invitationCode", invitationCode);
        }
        return Api.anonymous().body(body).post(WECHAT);
    }

    static Response refresh(String refreshToken) {
        return Api.anonymous().body(Map.of("refreshToken", refreshToken)).post("/v1/sessions/refresh");
    }

    static Response invite(io.restassured.specification.RequestSpecification as, String person) {
        return as.post("/v1/people/" + person + "/wechat-invitations");
    }

    static io.restassured.specification.RequestSpecification secretary(String unit) {
        return Api.as("secretary-" + unit, Roles.SECRETARY, UUID.fromString(unit));
    }

    void answers(String code, ResponseDefinitionBuilder answer) {
        wechat.stubFor(get(urlPathEqualTo(JSCODE2SESSION))
                .withQueryParam("appid", equalTo(APP_ID))
                .withQueryParam("secret", equalTo(APP_SECRET))
                .withQueryParam("js_code", equalTo(code))
                .withQueryParam("grant_type", equalTo("authorization_code"))
                .willReturn(answer));
    }

    static RequestPatternBuilder jscode2session(String code) {
        return getRequestedFor(urlPathEqualTo(JSCODE2SESSION))
                .withQueryParam("appid", equalTo(APP_ID))
                .withQueryParam("secret", equalTo(APP_SECRET))
                .withQueryParam("js_code", equalTo(code))
                .withQueryParam("grant_type", equalTo("authorization_code"));
    }

    /** WeChat's success answer; it often says text/plain. */
    static ResponseDefinitionBuilder session(String openid, String unionid, boolean textPlain) {
        String body = "{\"openid\":\"" + openid + "\",\"session_key\":\"" + SESSION_KEY + "\""
                + (unionid == null ? "" : ",\"unionid\":\"" + unionid + "\"") + "}";
        return aResponse().withStatus(200).withHeader("Content-Type", textPlain ? "text/plain" : "application/json")
                .withBody(body);
    }

    static ResponseDefinitionBuilder error(int errcode, String errmsg, boolean textPlain) {
        return aResponse().withStatus(200).withHeader("Content-Type", textPlain ? "text/plain" : "application/json")
                .withBody("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + ", rid: 6746c2a1-1b2c3d4e\"}");
    }

    static String code() {
        return "0a3X" + UUID.randomUUID().toString().replace("-", "");
    }

    static String openid() {
        return "o6_bmjrPTlm6_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    List<String> stored(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter.length() == 36 && parameter.charAt(8) == '-' ? UUID.fromString(parameter)
                    : parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
            return values;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
