package cn.zhibu.identity;

import static cn.zhibu.testing.OrgFixtures.unit;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.identity.tokens.SigningKeys;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestAccounts;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Password sign-in, lockout, one-time passwords, token checks, /v1/me and the key set. */
@QuarkusTest
class SignInApiTest {

    @Inject
    SigningKeys keys;

    private static Response signIn(String username, String password) {
        return Api.anonymous().body(Map.of("username", username, "password", password)).post("/v1/sessions/password");
    }

    /** A staff account made by a global org admin, with its one-time password. */
    private static String[] staff() {
        String name = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        Response made = Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("username", name)).post("/v1/accounts");
        made.then().statusCode(201).body("username", equalTo(name));
        return new String[] {name, made.path("oneTimePassword"), made.path("id")};
    }

    @Test
    void aOneTimePasswordMustBeChangedBeforeAnythingElse() {
        String[] account = staff();
        Response first = signIn(account[0].toUpperCase(), account[1]);
        first.then().statusCode(200).body("tokenType", equalTo("Bearer")).body("passwordChangeRequired", equalTo(true))
                .body("accountId", equalTo(account[2]));
        String token = first.path("accessToken");
        problem(Api.bearer(token).get("/v1/org-units").then(), 403, "PASSWORD_CHANGE_REQUIRED");
        Api.bearer(token).get("/v1/me").then().statusCode(200).body("passwordChangeRequired", equalTo(true));
        problem(Api.bearer(token).body(Map.of("currentPassword", account[1], "newPassword", "short"))
                .post("/v1/me/password").then(), 400, "VALIDATION_FAILED");
        problem(Api.bearer(token).body(Map.of("currentPassword", "wrong-password", "newPassword", "a long new password"))
                .post("/v1/me/password").then(), 422, "PASSWORD_CURRENT_WRONG");
        String otherSession = signIn(account[0], account[1]).then().statusCode(200).extract().path("accessToken");
        Api.bearer(otherSession).get("/v1/me").then().statusCode(200);
        Api.bearer(token).body(Map.of("currentPassword", account[1], "newPassword", "a long new password"))
                .post("/v1/me/password").then().statusCode(204);
        // the session that changed the password goes on; every other one ends
        Api.bearer(token).get("/v1/me").then().statusCode(200).body("passwordChangeRequired", equalTo(false));
        problem(Api.bearer(otherSession).get("/v1/me").then(), 401, "UNAUTHENTICATED");
        problem(signIn(account[0], account[1]).then(), 401, "SIGN_IN_FAILED");
        String changed = signIn(account[0], "a long new password").then().statusCode(200)
                .body("passwordChangeRequired", equalTo(false)).extract().path("accessToken");
        Api.bearer(changed).get("/v1/org-units").then().statusCode(200);
        // only a global org admin makes accounts that belong to no one; the name is unique
        problem(Api.as("reader", Roles.MEMBER).body(Map.of("username", "someone-new")).post("/v1/accounts").then(),
                403, "FORBIDDEN");
        problem(Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("username", account[0])).post("/v1/accounts").then(),
                409, "USERNAME_TAKEN");
        problem(Api.anonymous().body(Map.of("username", "x")).post("/v1/accounts").then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        String[] account = staff();
        for (int i = 0; i < 4; i++) {
            problem(signIn(account[0], "wrong " + i).then(), 401, "SIGN_IN_FAILED");
        }
        Response locked = signIn(account[0], "wrong again");
        problem(locked.then(), 429, "SIGN_IN_LOCKED");
        assertTrue(Integer.parseInt(locked.header("Retry-After")) > 0);
        problem(signIn(account[0], account[1]).then(), 429, "SIGN_IN_LOCKED");
        // unknown names fail and lock the same way, so the lockout tells no one which names exist
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 4; i++) {
            problem(signIn(nobody, "x").then(), 401, "SIGN_IN_FAILED");
        }
        problem(signIn(nobody, "x").then(), 429, "SIGN_IN_LOCKED");
        problem(Api.anonymous().body(Map.of("username", "a b", "password", "x")).post("/v1/sessions/password").then(),
                400, "VALIDATION_FAILED");
    }

    @Test
    void parallelFailuresAreAllCounted() throws Exception {
        String[] account = staff();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> signIn(account[0], "wrong").statusCode()));
            }
            int locked = 0;
            for (Future<Integer> answer : answers) {
                locked += answer.get() == 429 ? 1 : 0;
            }
            // the fifth failure locks; the three after it find the lock
            assertEquals(4, locked);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badTokensAre401() throws Exception {
        UUID account = TestAccounts.account("token-checks", null, Roles.ORG_ADMIN);
        SigningKeys.Signing real = keys.current();
        Instant now = TestTime.now();
        Api.bearer(sign(claims(account, "https://zhibu.cn", "zhibu", now), real)).get("/v1/me").then().statusCode(200);
        List<String> bad = List.of(
                "not-a-token",
                "a.b.c",
                sign(claims(account, "https://evil.example", "zhibu", now), real),
                sign(claims(account, "https://zhibu.cn", "someone-else", now), real),
                sign(claims(account, "https://zhibu.cn", "zhibu", now.minusSeconds(7200)), real),
                unsigned(account),
                otherKey(account, real.kid()),
                otherKey(account, "unknown-kid"),
                hmacWithPublicKey(account, real.kid()));
        for (String token : bad) {
            problem(Api.bearer(token).get("/v1/me").then(), 401, "UNAUTHENTICATED");
        }
        // a token of an account that is disabled stops working at once
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class).get()
                .createNativeQuery("update account set active = false where id = :id").setParameter("id", account)
                .executeUpdate());
        problem(Api.bearer(TestAccounts.token(account)).get("/v1/me").then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void meSaysWhatTheCallerMayDoWhere() {
        String committee = unit("COMMITTEE", null);
        String branch = unit("BRANCH", committee);
        Api.as("me-secretary", Roles.SECRETARY, UUID.fromString(branch)).get("/v1/me").then().statusCode(200)
                .body("kind", equalTo("ACCOUNT"))
                .body("roles[0].role", equalTo("SECRETARY"))
                .body("roles[0].unitId", equalTo(branch))
                .body("roles[0].unitName", notNullValue())
                .body("actions.action", hasItem("PEOPLE_WRITE"))
                .body("actions.find { it.action == 'PEOPLE_WRITE' }.unitIds", equalTo(List.of(branch)))
                .body("actions.find { it.action == 'PEOPLE_WRITE' }.everywhere", equalTo(false));
        Api.as("me-admin", Roles.ORG_ADMIN).get("/v1/me").then().statusCode(200)
                .body("actions.find { it.action == 'ORG_WRITE' }.everywhere", equalTo(true));
        problem(Api.anonymous().get("/v1/me").then(), 401, "UNAUTHENTICATED");
    }

    @Test
    void theKeySetHoldsTheSigningKey() {
        Response jwks = Api.anonymous().get("/v1/jwks");
        jwks.then().statusCode(200).body("keys.kid", hasItem(keys.current().kid()))
                .body("keys[0].kty", equalTo("RSA")).body("keys[0].alg", equalTo("RS256"));
        String token = Api.token("jwks-user", Roles.ORG_ADMIN);
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"kid\":\"" + keys.current().kid() + "\""), header);
        assertFalse(header.contains("none"));
    }

    @Test
    void grantsAreAuditedAndTheLastGlobalAdminStays() {
        String branch = unit("BRANCH", null);
        UUID account = TestAccounts.account("grantee-" + UUID.randomUUID(), null);
        String admin = TestAccounts.account("org-admin", null, Roles.ORG_ADMIN).toString();
        Response granted = Api.as("org-admin", Roles.ORG_ADMIN)
                .body(Map.of("accountId", account, "role", "SECRETARY", "unitId", branch)).post("/v1/grants");
        granted.then().statusCode(201).body("grantedBy", equalTo(admin)).body("revokedAt", equalTo(null));
        String id = granted.path("id");
        problem(Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("accountId", account, "role", "SECRETARY",
                "unitId", branch)).post("/v1/grants").then(), 409, "GRANT_EXISTS");
        problem(Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("accountId", account, "role", "SECRETARY"))
                .post("/v1/grants").then(), 422, "GRANT_UNIT_REQUIRED");
        Api.bearer(TestAccounts.token(account)).get("/v1/org-units/" + branch).then().statusCode(200);
        Api.as("org-admin", Roles.ORG_ADMIN).post("/v1/grants/" + id + "/revoke").then().statusCode(200)
                .body("revokedBy", equalTo(admin)).body("revokedAt", notNullValue());
        problem(Api.as("org-admin", Roles.ORG_ADMIN).post("/v1/grants/" + id + "/revoke").then(), 409,
                "GRANT_ALREADY_REVOKED");
        // the revocation holds at once for tokens already issued
        problem(Api.bearer(TestAccounts.token(account)).get("/v1/org-units/" + branch).then(), 404, "NOT_FOUND");
        List<String> history = Api.as("org-admin", Roles.ORG_ADMIN).queryParam("unitId", branch)
                .queryParam("includeRevoked", true).get("/v1/grants").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(id), history);
        assertEquals(List.of(), Api.as("org-admin", Roles.ORG_ADMIN).queryParam("unitId", branch).get("/v1/grants")
                .then().statusCode(200).extract().path("items"));
        // a branch admin grants inside the branch only
        String other = unit("BRANCH", null);
        problem(Api.as("branch-admin", Roles.ORG_ADMIN, UUID.fromString(branch))
                .body(Map.of("accountId", account, "role", "MEMBER", "unitId", other)).post("/v1/grants").then(),
                404, "NOT_FOUND");
        problem(Api.as("branch-admin", Roles.ORG_ADMIN, UUID.fromString(branch))
                .body(Map.of("accountId", account, "role", "ORG_ADMIN")).post("/v1/grants").then(), 403, "FORBIDDEN");
        problem(Api.as("branch-secretary", Roles.SECRETARY, UUID.fromString(branch))
                .body(Map.of("accountId", account, "role", "MEMBER", "unitId", branch)).post("/v1/grants").then(),
                403, "FORBIDDEN");
        Api.as("branch-admin", Roles.ORG_ADMIN, UUID.fromString(branch))
                .body(Map.of("accountId", account, "role", "MEMBER", "unitId", branch)).post("/v1/grants").then()
                .statusCode(201);
    }

    @Test
    void aRefreshTokenWorksOnceEvenWhenRacedAndReuseEndsTheSession() throws Exception {
        String[] account = staff();
        String refresh = signIn(account[0], account[1]).then().statusCode(200).extract().path("refreshToken");
        int parallel = 6;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                answers.add(pool.submit(() -> Api.anonymous().body(Map.of("refreshToken", refresh))
                        .post("/v1/sessions/refresh")));
            }
            List<Response> won = new java.util.ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                if (response.statusCode() == 200) {
                    won.add(response);
                } else {
                    problem(response.then(), 401, "REFRESH_TOKEN_INVALID");
                }
            }
            assertEquals(1, won.size(), "exactly one exchange of one refresh token succeeds");
            // the others were reuses: the session ended, so even the winner's new tokens stop working
            problem(Api.anonymous().body(Map.of("refreshToken", won.get(0).<String>path("refreshToken")))
                    .post("/v1/sessions/refresh").then(), 401, "REFRESH_TOKEN_INVALID");
            problem(Api.bearer(won.get(0).path("accessToken")).get("/v1/me").then(), 401, "UNAUTHENTICATED");
        } finally {
            pool.shutdownNow();
        }
        problem(Api.anonymous().body(Map.of("refreshToken", "x")).post("/v1/sessions/refresh").then(), 400,
                "VALIDATION_FAILED");
    }

    @Test
    void theDemoSignInIsOffUnlessDemoIsOn() {
        problem(Api.anonymous().body(Map.of("externalId", "DEMO-1001")).post("/v1/sessions/demo").then(), 404,
                "NOT_FOUND");
    }

    @Test
    void theFirstStartMadeOneGlobalAdmin() {
        List<Object[]> made = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> io.quarkus.arc.Arc
                .container().instance(jakarta.persistence.EntityManager.class).get().createNativeQuery(
                        "select a.id, a.username, a.password_one_time, a.password_hash from role_grant g "
                                + "join account a on a.id = g.account_id where g.granted_by = 'system:first-start' "
                                + "and g.role = 'ORG_ADMIN' and g.org_unit_id is null", Object[].class)
                .getResultList());
        assertEquals(1, made.size());
        assertEquals("admin", made.get(0)[1]);
        assertEquals(true, made.get(0)[2], "its password must be changed at the first sign-in");
        assertTrue(((String) made.get(0)[3]).startsWith("$argon2id$"), "stored as an Argon2id hash");
        Api.as("org-admin", Roles.ORG_ADMIN).queryParam("accountId", made.get(0)[0].toString()).get("/v1/grants").then()
                .statusCode(200).body("items[0].grantedBy", equalTo("system:first-start"))
                .body("items[0].unitId", equalTo(null));
    }


    private static JwtClaimsBuilder claims(UUID account, String issuer, String audience, Instant issued) {
        return Jwt.issuer(issuer).audience(audience).subject(account.toString()).claim("sid", account.toString())
                .issuedAt(issued).expiresAt(issued.plusSeconds(600));
    }

    private static String sign(JwtClaimsBuilder claims, SigningKeys.Signing key) {
        return claims.jws().keyId(key.kid()).algorithm(SignatureAlgorithm.RS256).sign(key.key());
    }

    private static String unsigned(UUID account) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        long now = TestTime.now().getEpochSecond();
        String header = url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = url.encodeToString(("{\"iss\":\"https://zhibu.cn\",\"aud\":\"zhibu\",\"sub\":\"" + account
                + "\",\"sid\":\"" + account + "\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + body + ".";
    }

    private static String otherKey(UUID account, String kid) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return claims(account, "https://zhibu.cn", "zhibu", TestTime.now()).jws().keyId(kid)
                .algorithm(SignatureAlgorithm.RS256).sign(generator.generateKeyPair().getPrivate());
    }

    private String hmacWithPublicKey(UUID account, String kid) throws Exception {
        byte[] published = Base64.getUrlDecoder().decode(Api.anonymous().get("/v1/jwks").<String>path("keys[0].n"));
        assertNotEquals(0, published.length);
        return claims(account, "https://zhibu.cn", "zhibu", TestTime.now()).jws().keyId(kid)
                .algorithm(SignatureAlgorithm.HS256).sign(new SecretKeySpec(published, "HmacSHA256"));
    }
}
