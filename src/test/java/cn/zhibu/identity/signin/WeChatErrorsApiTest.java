package cn.zhibu.identity.signin;

import static cn.zhibu.testing.OrgFixtures.person;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.testing.Api;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * How each answer of WeChat's {@code jscode2session} maps to a problem (error codes, timeouts, broken
 * answers), requests refused before WeChat is asked, and the session_key never answered nor logged.
 */
@QuarkusTest
@WithTestResource(value = WeChatApiTestBase.WeChatStub.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class WeChatErrorsApiTest extends WeChatApiTestBase {

    @Test
    void badRequestsAreRefusedBeforeAskingWeChat() {
        problem(Api.anonymous().body(Map.of("code", "short")).post(WECHAT).then(), 400, "VALIDATION_FAILED")
                .body("errors[0].field", Matchers.equalTo("code"));
        problem(Api.anonymous().body(Map.of("code", "has spaces in it, sixteen+")).post(WECHAT).then(), 400,
                "VALIDATION_FAILED");
        problem(Api.anonymous().body(Map.of("code", code(), "invitationCode", "0000000000")).post(WECHAT).then(), 400,
                "VALIDATION_FAILED").body("errors[0].field", Matchers.equalTo("invitationCode"));
        problem(Api.anonymous().body(Map.of()).post(WECHAT).then(), 400, "VALIDATION_FAILED");
        wechat.verify(0, getRequestedFor(urlPathEqualTo(JSCODE2SESSION)).withQueryParam("js_code",
                equalTo("short")));
    }

    // ---- how WeChat's answers map ----

    @Test
    void weChatErrorsMapToProblems() {
        for (int errcode : new int[] {40029, 40163}) {
            String code = code();
            answers(code, error(errcode, errcode == 40029 ? "invalid code" : "code been used", errcode != 40163));
            problem(signIn(code, null).then(), 401, "WECHAT_CODE_INVALID").header("Retry-After", Matchers.nullValue());
            wechat.verify(1, jscode2session(code));
        }
        String risky = code();
        answers(risky, error(40226, "high risk user", true));
        problem(signIn(risky, null).then(), 403, "WECHAT_USER_REFUSED").header("Retry-After", Matchers.nullValue());

        String limited = code();
        answers(limited, error(45011, "api minute-quota reach limit  mustslower  retry next minute", true));
        problem(signIn(limited, null).then(), 503, "WECHAT_UNAVAILABLE").header("Retry-After", "60");

        String busy = code();
        answers(busy, error(-1, "system error", false));
        problem(signIn(busy, null).then(), 503, "WECHAT_UNAVAILABLE").header("Retry-After", "5");

        String misconfigured = code();
        answers(misconfigured, error(40125, "invalid appsecret", true));
        problem(signIn(misconfigured, null).then(), 503, "WECHAT_UNAVAILABLE").header("Retry-After",
                notNullValue());

        String slow = code();
        answers(slow, session(openid(), null, true).withFixedDelay(2000));
        long started = System.nanoTime();
        problem(signIn(slow, null).then(), 503, "WECHAT_UNAVAILABLE").header("Retry-After", "5");
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(waited < 1900, "gave up after the 1 s timeout, not after WeChat's 2 s: " + waited + " ms");

        String broken = code();
        answers(broken, aResponse().withStatus(500).withBody("<html>502 Bad Gateway</html>"));
        problem(signIn(broken, null).then(), 503, "WECHAT_UNAVAILABLE").header("Retry-After", "5");

        String garbage = code();
        answers(garbage, aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("<xml/>"));
        problem(signIn(garbage, null).then(), 503, "WECHAT_UNAVAILABLE").header("Retry-After", "5");

        String nobody = code();
        answers(nobody, aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                .withBody("{\"session_key\":\"" + SESSION_KEY + "\"}"));
        problem(signIn(nobody, null).then(), 503, "WECHAT_UNAVAILABLE").header("Retry-After", "5");

        String nothing = code();
        answers(nothing, aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("null"));
        problem(signIn(nothing, null).then(), 503, "WECHAT_UNAVAILABLE").header("Retry-After", "5");

        String empty = code();
        answers(empty, aResponse().withStatus(200).withHeader("Content-Type", "text/plain"));
        problem(signIn(empty, null).then(), 503, "WECHAT_UNAVAILABLE").header("Retry-After", "5");

        for (String code : List.of(limited, busy, misconfigured, slow, broken, garbage, nobody, nothing, empty)) {
            wechat.verify(1, jscode2session(code));
        }
    }

    @Test
    void quotaAndBusyAnswersWarnTheOperatorAndAnswerAsBefore() {
        String limited = code();
        answers(limited, error(45011, "api minute-quota reach limit  mustslower  retry next minute", true));
        problem(signIn(limited, null).then(), 503, "WECHAT_UNAVAILABLE").header("Retry-After", "60");
        String busy = code();
        answers(busy, error(-1, "system error", false));
        problem(signIn(busy, null).then(), 503, "WECHAT_UNAVAILABLE").header("Retry-After", "5");
        wechat.verify(1, jscode2session(limited));
        wechat.verify(1, jscode2session(busy));

        List<java.util.logging.LogRecord> warnings = log.records.stream()
                .filter(r -> r.getLoggerName().equals(WeChat.class.getName()))
                .filter(r -> r.getLevel().intValue() == java.util.logging.Level.WARNING.intValue()).toList();
        List<String> texts = warnings.stream().map(Capture::text).toList();
        assertEquals(1, texts.stream().filter(t -> t.contains("errcode 45011") && t.contains("quota")).count(),
                () -> "one warning for the quota: " + texts);
        assertEquals(1, texts.stream().filter(t -> t.contains("errcode -1") && t.contains("busy")).count(),
                () -> "one warning for the busy system: " + texts);
        for (String text : texts) {
            for (String secret : List.of(limited, busy, APP_SECRET, SESSION_KEY)) {
                assertFalse(text.contains(secret), () -> "nothing secret in the warning: " + text);
            }
        }
    }

    @Test
    void aBodyThatTricklesInPastTheTimeoutIsATimeoutToo() {
        String slowBody = code();
        answers(slowBody, session(openid(), null, true).withChunkedDribbleDelay(4, 3000));
        long started = System.nanoTime();
        problem(signIn(slowBody, null).then(), 503, "WECHAT_UNAVAILABLE").header("Retry-After", "5");
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(waited < 2500, "gave up after the 1 s timeout, not when the body was complete: " + waited + " ms");
    }

    // ---- the session_key stays on the server ----

    @Test
    void theSessionKeyIsNeverAnsweredNorLogged() {
        String person = person("密钥", branch);
        String openid = openid();
        Map<String, Object> pair = boundPerson(person, openid);
        Api.bearer((String) pair.get("accessToken")).get("/v1/me").then().statusCode(200);
        String code = code();
        answers(code, session(openid, "o6_union" + UUID.randomUUID().toString().substring(0, 8), true));
        signIn(code, null).then().statusCode(200);
        Api.anonymous().body(Map.of("refreshToken", pair.get("refreshToken"))).post("/v1/sessions/refresh")
                .then().statusCode(200);
        // answers that carry the session_key but fail, and a failure that logs a warning
        String noOpenid = code();
        answers(noOpenid, aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                .withBody("{\"session_key\":\"" + SESSION_KEY + "\",\"errcode\":0}"));
        problem(signIn(noOpenid, null).then(), 503, "WECHAT_UNAVAILABLE");
        String broken = code();
        answers(broken, aResponse().withStatus(500).withBody("{\"session_key\":\"" + SESSION_KEY + "\"}"));
        problem(signIn(broken, null).then(), 503, "WECHAT_UNAVAILABLE");

        for (String answer : answers) {
            assertFalse(answer.contains(SESSION_KEY), () -> "session_key in an answer: " + answer);
        }
        List<String> logged = log.records.stream().map(Capture::text).toList();
        assertTrue(logged.stream().anyMatch(t -> t.contains("jscode2session") && t.contains("500")),
                () -> "the capture must see the service's own warnings, or this check proves nothing: " + logged);
        assertTrue(logged.stream().anyMatch(t -> t.contains("without an openid")), () -> logged.toString());
        logged.forEach(t -> assertFalse(t.contains(SESSION_KEY), () -> "session_key in the log: " + t));
        logged.stream().filter(t -> !t.toLowerCase(java.util.Locale.ROOT).startsWith("wiremock"))
                .forEach(t -> assertFalse(t.contains(APP_SECRET), () -> "the app secret in the log: " + t));
        List<String> account = stored("select a::text from account a where wechat_openid = ?", openid);
        assertEquals(1, account.size());
        assertFalse(account.get(0).contains(SESSION_KEY), "the session_key is not stored either");
    }
}
