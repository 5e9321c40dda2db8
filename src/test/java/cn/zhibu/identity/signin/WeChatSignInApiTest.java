package cn.zhibu.identity.signin;

import static cn.zhibu.testing.OrgFixtures.person;
import static cn.zhibu.testing.OrgFixtures.unit;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestClock;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import java.time.Duration;
import java.time.Instant;
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
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in from the mini-program over real HTTP, against a local stand-in for WeChat's
 * {@code jscode2session}: binding with a secretary's invitation, how each WeChat answer maps, the
 * session_key never leaving the server (answers and logs), refresh-token rotation and sign-out.
 */
@QuarkusTest
@WithTestResource(value = WeChatSignInApiTest.WeChatStub.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class WeChatSignInApiTest {

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

    // ---- binding with an invitation ----

    @Test
    void aSecretarysInvitationBindsWeChatToThePersonOnce() {
        String name = "微信" + UUID.randomUUID().toString().substring(0, 6);
        String person = person(name, branch);
        String openid = openid();
        String unionid = "o6_bm" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);

        String first = code();
        answers(first, session(openid, unionid, true));
        problem(signIn(first, null).then(), 401, "WECHAT_NOT_BOUND");
        wechat.verify(1, getRequestedFor(urlPathEqualTo(JSCODE2SESSION))
                .withQueryParam("appid", equalTo(APP_ID))
                .withQueryParam("secret", equalTo(APP_SECRET))
                .withQueryParam("js_code", equalTo(first))
                .withQueryParam("grant_type", equalTo("authorization_code")));

        Response older = invite(secretary(branch), person);
        older.then().statusCode(201)
                .body("code", matchesPattern("^[A-Z2-9]{10}$"))
                .body("personId", Matchers.equalTo(person))
                .body("expiresAt", notNullValue());
        Instant expires = Instant.parse(older.path("expiresAt"));
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofDays(6))), "invitations last about a week");
        Response newer = invite(secretary(branch), person);
        newer.then().statusCode(201);
        assertNotEquals(older.<String>path("code"), newer.<String>path("code"));

        String second = code();
        answers(second, session(openid, unionid, false));
        problem(signIn(second, older.path("code")).then(), 401, "INVITATION_INVALID"); // the newer one replaced it

        String third = code();
        answers(third, session(openid, unionid, true));
        Response bound = signIn(third, newer.<String>path("code").toLowerCase(java.util.Locale.ROOT));
        bound.then().statusCode(200)
                .body("tokenType", Matchers.equalTo("Bearer"))
                .body("accessToken", notNullValue())
                .body("refreshToken", notNullValue())
                .body("expiresIn", greaterThan(0))
                .body("passwordChangeRequired", Matchers.equalTo(false));
        String account = bound.path("accountId");
        Api.bearer(bound.path("accessToken")).get("/v1/me").then().statusCode(200)
                .body("kind", Matchers.equalTo("ACCOUNT"))
                .body("id", Matchers.equalTo(account))
                .body("personId", Matchers.equalTo(person))
                .body("name", Matchers.equalTo(name))
                .body("roles.size()", Matchers.equalTo(1))
                .body("roles[0].role", Matchers.equalTo(Roles.MEMBER))
                .body("roles[0].unitId", Matchers.equalTo(branch))
                .body("roles[0].implicit", Matchers.equalTo(true))
                .body("actions.action", hasItem("PEOPLE_READ"))
                .body("actions.action", not(hasItem("INVITATION_ISSUE")));
        assertEquals(List.of(openid), stored("select wechat_openid from account where person_id = ?", person));
        assertEquals(List.of(unionid), stored("select wechat_unionid from account where person_id = ?", person));

        String fourth = code();
        answers(fourth, session(openid, null, true));
        Response again = signIn(fourth, null);
        again.then().statusCode(200);
        assertEquals(account, again.path("accountId"));
        assertNotEquals(bound.<String>path("refreshToken"), again.<String>path("refreshToken"));

        String stranger = code();
        answers(stranger, session(openid(), null, true));
        problem(signIn(stranger, newer.path("code")).then(), 401, "INVITATION_INVALID"); // used already
        String strangerAgain = code();
        answers(strangerAgain, session(openid(), null, true));
        problem(signIn(strangerAgain, "ABCDEFGHJK").then(), 401, "INVITATION_INVALID"); // never issued
        for (String code : List.of(first, second, third, fourth, stranger, strangerAgain)) {
            wechat.verify(1, jscode2session(code));
        }
    }

    @Test
    void anInvitationRacedForByManyWeChatUsersBindsExactlyOne() throws Exception {
        String person = person("争用", branch);
        String invitation = invite(secretary(branch), person).then().statusCode(201).extract().path("code");
        int racers = 4;
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String code = code();
            answers(code, session(openid(), null, true).withFixedDelay(200));
            codes.add(code);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Response>> results = new ArrayList<>();
            for (String code : codes) {
                results.add(pool.submit(() -> {
                    start.await();
                    return signIn(code, invitation);
                }));
            }
            start.countDown();
            List<Response> answered = new ArrayList<>();
            for (java.util.concurrent.Future<Response> result : results) {
                answered.add(result.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            List<Integer> statuses = answered.stream().map(Response::statusCode).sorted().toList();
            assertEquals(List.of(200, 401, 401, 401), statuses);
            answered.stream().filter(r -> r.statusCode() == 401)
                    .forEach(r -> problem(r.then(), 401, "INVITATION_INVALID"));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, stored("select wechat_openid from account where person_id = ? and wechat_openid is not null",
                person).size());
    }

    @Test
    void anInvitationExpiresAfterAWeek() {
        String person = person("过期", branch);
        String stale = invite(secretary(branch), person).then().statusCode(201).extract().path("code");
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        try {
            String code = code();
            answers(code, session(openid(), null, true));
            problem(signIn(code, stale).then(), 401, "INVITATION_INVALID");
            String fresh = invite(secretary(branch), person).then().statusCode(201).extract().path("code");
            String again = code();
            answers(again, session(openid(), null, true));
            signIn(again, fresh).then().statusCode(200);
        } finally {
            clock.reset();
        }
    }

    @Test
    void onlySecretariesOfThePersonsBranchMayInvite() {
        String person = person("受邀人", branch);
        problem(invite(Api.as("member-" + branch, Roles.MEMBER, UUID.fromString(branch)), person).then(), 403,
                "FORBIDDEN");
        problem(invite(Api.as("group-leader-" + branch, Roles.GROUP_LEADER, UUID.fromString(branch)), person).then(),
                403, "FORBIDDEN");
        problem(invite(secretary(otherBranch), person).then(), 404, "NOT_FOUND");
        problem(invite(Api.anonymous(), person).then(), 401, "UNAUTHENTICATED");
        problem(invite(secretary(branch), UUID.randomUUID().toString()).then(), 404, "NOT_FOUND");
        invite(secretary(committee), person).then().statusCode(201); // a secretary above holds for the subtree
        invite(Api.as("org-admin", Roles.ORG_ADMIN), person).then().statusCode(201);

        // the person themself, signed in as an implicit MEMBER, may not invite either
        Map<String, Object> pair = boundPerson(person, openid());
        problem(invite(Api.bearer((String) pair.get("accessToken")), person).then(), 403, "FORBIDDEN");
    }

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
    void aBodyThatTricklesInPastTheTimeoutIsATimeoutToo() {
        String slowBody = code();
        answers(slowBody, session(openid(), null, true).withChunkedDribbleDelay(4, 3000));
        long started = System.nanoTime();
        problem(signIn(slowBody, null).then(), 503, "WECHAT_UNAVAILABLE").header("Retry-After", "5");
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(waited < 2500, "gave up after the 1 s timeout, not when the body was complete: " + waited + " ms");
    }

    @Test
    void peopleWhoLeftCannotSignInNorBeInvited() {
        String leaver = person("离开", branch);
        String openid = openid();
        Map<String, Object> pair = boundPerson(leaver, openid);
        String unbound = person("未绑定", branch);
        String invitation = invite(secretary(branch), unbound).then().statusCode(201).extract().path("code");

        leave(leaver);
        leave(unbound);

        problem(Api.bearer((String) pair.get("accessToken")).get("/v1/me").then(), 401, "UNAUTHENTICATED");
        String code = code();
        answers(code, session(openid, null, true));
        problem(signIn(code, null).then(), 422, "PERSON_NOT_ACTIVE");
        String other = code();
        answers(other, session(openid(), null, true));
        problem(signIn(other, invitation).then(), 422, "PERSON_NOT_ACTIVE");
        problem(invite(secretary(branch), unbound).then(), 422, "PERSON_NOT_ACTIVE");
        // the sessions of a person who left are over: no refresh, no access
        problem(refresh((String) pair.get("refreshToken")).then(), 401, "REFRESH_TOKEN_INVALID");
    }

    @Test
    void aNewInvitationMovesThePersonToAnotherWeChat() {
        String person = person("换号", branch);
        String oldOpenid = openid();
        Map<String, Object> old = boundPerson(person, oldOpenid);
        String invitation = invite(secretary(branch), person).then().statusCode(201).extract().path("code");
        String newOpenid = openid();
        String code = code();
        answers(code, session(newOpenid, null, true));
        signIn(code, invitation).then().statusCode(200);
        // the old WeChat no longer signs in, and its sessions ended
        String oldCode = code();
        answers(oldCode, session(oldOpenid, null, true));
        problem(signIn(oldCode, null).then(), 401, "WECHAT_NOT_BOUND");
        problem(Api.bearer((String) old.get("accessToken")).get("/v1/me").then(), 401, "UNAUTHENTICATED");
        problem(refresh((String) old.get("refreshToken")).then(), 401, "REFRESH_TOKEN_INVALID");
        // a WeChat bound to one person cannot take another person's invitation
        String someoneElse = person("别人", branch);
        String theirs = invite(secretary(branch), someoneElse).then().statusCode(201).extract().path("code");
        String again = code();
        answers(again, session(newOpenid, null, true));
        problem(signIn(again, theirs).then(), 409, "WECHAT_ALREADY_BOUND");
    }

    static void leave(String person) {
        Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"")
                .body(Map.of("date", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString()))
                .post("/v1/people/" + person + "/leave").then().statusCode(200);
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

    // ---- refresh and sign-out ----

    @Test
    void refreshRotatesAndAReusedRefreshTokenEndsTheWholeSession() {
        String person = person("刷新", branch);
        Map<String, Object> first = boundPerson(person, openid());
        Response second = refresh((String) first.get("refreshToken"));
        second.then().statusCode(200).body("tokenType", Matchers.equalTo("Bearer"))
                .body("accountId", Matchers.equalTo(first.get("accountId")));
        assertNotEquals(first.get("refreshToken"), second.path("refreshToken"));
        assertNotEquals(first.get("accessToken"), second.path("accessToken"));
        Api.bearer(second.path("accessToken")).get("/v1/me").then().statusCode(200)
                .body("personId", Matchers.equalTo(person));
        Response third = refresh(second.path("refreshToken"));
        third.then().statusCode(200);

        // the first refresh token again: a copy is in use, so the whole family ends
        problem(refresh((String) first.get("refreshToken")).then(), 401, "REFRESH_TOKEN_INVALID");
        problem(refresh(third.path("refreshToken")).then(), 401, "REFRESH_TOKEN_INVALID");
        problem(Api.bearer(third.path("accessToken")).get("/v1/me").then(), 401, "UNAUTHENTICATED");
        problem(Api.bearer((String) first.get("accessToken")).get("/v1/me").then(), 401, "UNAUTHENTICATED");
        assertEquals(List.of("REUSED"), stored("select f.revoke_reason from refresh_family f join account a "
                + "on a.id = f.account_id where a.person_id = ?", person));

        problem(refresh("never-issued-refresh-token-0123456789").then(), 401, "REFRESH_TOKEN_INVALID");
        problem(Api.anonymous().body(Map.of("refreshToken", "short")).post("/v1/sessions/refresh").then(), 400,
                "VALIDATION_FAILED");
    }

    @Test
    void signOutEndsThatSessionOnly() {
        String person = person("退出", branch);
        String openid = openid();
        Map<String, Object> leaving = boundPerson(person, openid);
        String code = code();
        answers(code, session(openid, null, true));
        Response staying = signIn(code, null);
        staying.then().statusCode(200);

        Api.bearer((String) leaving.get("accessToken")).post("/v1/sessions/sign-out").then().statusCode(204);
        problem(Api.bearer((String) leaving.get("accessToken")).get("/v1/me").then(), 401, "UNAUTHENTICATED");
        problem(refresh((String) leaving.get("refreshToken")).then(), 401, "REFRESH_TOKEN_INVALID");
        problem(Api.bearer((String) leaving.get("accessToken")).post("/v1/sessions/sign-out").then(), 401,
                "UNAUTHENTICATED");

        Api.bearer(staying.path("accessToken")).get("/v1/me").then().statusCode(200);
        refresh(staying.path("refreshToken")).then().statusCode(200);
        problem(Api.anonymous().post("/v1/sessions/sign-out").then(), 401, "UNAUTHENTICATED");
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
