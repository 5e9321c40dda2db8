package cn.zhibu.identity.signin;

import static cn.zhibu.testing.OrgFixtures.person;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * Sign-in from the mini-program over real HTTP against the WeChat stand-in: binding with a
 * secretary's invitation, who may invite, people who left, moving to another WeChat, refresh-token
 * rotation and sign-out.
 */
@QuarkusTest
@WithTestResource(value = WeChatApiTestBase.WeChatStub.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class WeChatSignInApiTest extends WeChatApiTestBase {

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
        assertTrue(expires.isAfter(TestTime.now().plus(Duration.ofDays(6))), "invitations last about a week");
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
                .body(Map.of("date", TestTime.today().toString()))
                .post("/v1/people/" + person + "/leave").then().statusCode(200);
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
}
