package cn.zhibu.identity.clients;

import static cn.zhibu.testing.OrgFixtures.person;
import static cn.zhibu.testing.OrgFixtures.personBody;
import static cn.zhibu.testing.OrgFixtures.unit;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API clients over HTTP: who may manage them, the secret shown once, the client-credentials token
 * endpoint (form fields and HTTP Basic), what a token reaches (scopes on the client's subtree),
 * rotation, revocation taking effect at once, and listing a unit's clients page by page.
 */
@QuarkusTest
class ApiClientsApiTest {

    static final String CLIENTS = "/v1/api-clients";
    static final String TOKEN = "/v1/oauth2/token";

    @Inject
    AgroalDataSource dataSource;

    String tag;
    String committee;
    String branch;
    String group;
    String otherBranch;

    @BeforeEach
    void tree() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        committee = unit("COMMITTEE", "党委" + tag, null);
        branch = unit("BRANCH", "支部" + tag, committee);
        group = unit("PARTY_GROUP", "一组" + tag, branch);
        otherBranch = unit("BRANCH", "另一支部" + tag, committee);
    }

    // ---- managing clients ----

    @Test
    void anOrgAdminOfTheUnitCreatesAClientAndSeesTheSecretOnce() throws Exception {
        Response created = create(admin(branch), "看板" + tag, List.of("people:read", "org:read", "people:read"), branch);
        created.then().statusCode(201)
                .header("Location", endsWith(CLIENTS + "/" + created.path("client.id")))
                .body("client.clientId", matchesPattern("^zc_[a-z2-9]{20}$"))
                .body("client.name", equalTo("看板" + tag))
                .body("client.scopes", contains("people:read", "org:read"))
                .body("client.unitId", equalTo(branch))
                .body("client.revokedAt", nullValue())
                .body("client.version", equalTo(0))
                .body("clientSecret", matchesPattern("^zs_[A-Za-z0-9_-]{43}$"));
        String id = created.path("client.id");
        String secret = created.path("clientSecret");

        Response read = admin(branch).get(CLIENTS + "/" + id);
        read.then().statusCode(200)
                .body("id", equalTo(id))
                .body("clientId", equalTo(created.path("client.clientId")))
                .body("scopes", contains("people:read", "org:read"))
                .body("$", not(hasKey("clientSecret")))
                .body("createdBy", equalTo(created.path("client.createdBy")));
        assertFalse(read.asString().contains(secret));
        Api.as("org-admin", Roles.ORG_ADMIN).get(CLIENTS + "/" + id).then().statusCode(200); // an admin above
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select c::text, secret_hash from api_client c where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertFalse(r.getString(1).contains(secret), "the secret is kept only as a hash");
                assertEquals(32, r.getBytes(2).length);
            }
        }
    }

    @Test
    void creatingIsValidatedAndAuthorised() {
        problem(create(admin(branch), "坏范围", List.of("people:delete"), branch).then(), 400, "VALIDATION_FAILED")
                .body("errors[0].field", startsWith("scopes"));
        problem(create(admin(branch), "无范围", List.of(), branch).then(), 400, "VALIDATION_FAILED")
                .body("errors[0].field", equalTo("scopes"));
        problem(create(admin(branch), " ", List.of("org:read"), branch).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", hasItem("name"));
        problem(create(admin(branch), "x".repeat(65), List.of("org:read"), branch).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", hasItem("name"));
        problem(create(admin(branch), "七个范围", List.of("org:read", "people:read", "people:write", "points:write",
                "leaderboards:read", "stats:read", "org:read"), branch).then(), 400, "VALIDATION_FAILED");
        problem(create(admin(branch), "无单位", List.of("org:read"), null).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", hasItem("unitId"));

        problem(create(admin(branch), "别处", List.of("org:read"), otherBranch).then(), 404, "NOT_FOUND");
        problem(create(admin(branch), "上级", List.of("org:read"), committee).then(), 404, "NOT_FOUND");
        problem(create(admin(branch), "不存在", List.of("org:read"), UUID.randomUUID().toString()).then(), 404,
                "NOT_FOUND");
        problem(create(Api.as("secretary-" + branch, Roles.SECRETARY, UUID.fromString(branch)), "书记",
                List.of("org:read"), branch).then(), 403, "FORBIDDEN");
        problem(create(Api.anonymous(), "匿名", List.of("org:read"), branch).then(), 401, "UNAUTHENTICATED");
        create(admin(committee), "下级", List.of("org:read"), group).then().statusCode(201); // the subtree counts

        String elsewhere = create(Api.as("org-admin", Roles.ORG_ADMIN), "别处的" + tag, List.of("org:read"),
                otherBranch).then().statusCode(201).extract().path("client.id");
        problem(admin(branch).get(CLIENTS + "/" + elsewhere).then(), 404, "NOT_FOUND");
        problem(admin(branch).post(CLIENTS + "/" + elsewhere + "/rotate").then(), 404, "NOT_FOUND");
        problem(admin(branch).post(CLIENTS + "/" + elsewhere + "/revoke").then(), 404, "NOT_FOUND");
        problem(admin(branch).get(CLIENTS + "/" + UUID.randomUUID()).then(), 404, "NOT_FOUND");
        String own = create(admin(branch), "本支部" + tag, List.of("org:read"), branch).then().statusCode(201)
                .extract().path("client.id");
        problem(Api.as("secretary-" + branch, Roles.SECRETARY, UUID.fromString(branch)).get(CLIENTS + "/" + own)
                .then(), 403, "FORBIDDEN");
        problem(Api.anonymous().get(CLIENTS + "/" + own).then(), 401, "UNAUTHENTICATED");
        Api.as("org-admin", Roles.ORG_ADMIN).get(CLIENTS + "/" + elsewhere).then().statusCode(200)
                .body("revokedAt", nullValue());
    }

    // ---- the token endpoint and what a token reaches ----

    @Test
    void aTokenReadsPeopleInsideTheClientsSubtreeOnly() {
        String inside = person("内" + tag, branch);
        String outside = person("外" + tag, otherBranch);
        Map<String, Object> client = created(admin(branch), "读人员" + tag, List.of("people:read"), branch);
        String clientId = clientId(client);
        String secret = (String) client.get("clientSecret");

        Response byForm = token(form("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
        byForm.then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .header("Pragma", "no-cache")
                .body("token_type", equalTo("Bearer"))
                .body("scope", equalTo("people:read"))
                .body("expires_in", greaterThan(0))
                .body("access_token", notNullValue());
        Response byBasic = Api.anonymous().contentType(ContentType.URLENC).auth().preemptive().basic(clientId, secret)
                .formParam("grant_type", "client_credentials").post(TOKEN);
        byBasic.then().statusCode(200).body("scope", equalTo("people:read"));

        for (String token : List.of(byForm.<String>path("access_token"), byBasic.<String>path("access_token"))) {
            Api.bearer(token).queryParam("unitId", branch).get("/v1/people").then().statusCode(200)
                    .body("items.id", contains(inside));
            Api.bearer(token).queryParam("q", tag).get("/v1/people").then().statusCode(200)
                    .body("items.id", contains(inside));
            Api.bearer(token).get("/v1/people/" + inside).then().statusCode(200);
            problem(Api.bearer(token).queryParam("unitId", otherBranch).get("/v1/people").then(), 404, "NOT_FOUND");
            problem(Api.bearer(token).get("/v1/people/" + outside).then(), 404, "NOT_FOUND");
        }
        String token = byForm.path("access_token");
        problem(Api.bearer(token).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(personBody("写" + tag, branch)).post("/v1/people").then(), 403, "FORBIDDEN");
        Api.bearer(token).get("/v1/me").then().statusCode(200)
                .body("kind", equalTo("API_CLIENT"))
                .body("id", equalTo(((Map<?, ?>) client.get("client")).get("id")))
                .body("personId", nullValue())
                .body("roles.size()", equalTo(0))
                .body("scopes", contains("people:read"));
        // a client may not manage clients, whatever its scopes
        problem(Api.bearer(token).queryParam("unitId", branch).get(CLIENTS).then(), 403, "FORBIDDEN");
    }

    @Test
    void scopesLimitWhatATokenMayDo() {
        person("人" + tag, branch);
        // leaderboards:read allows nothing here yet: the client sees its unit but may not read its people
        Map<String, Object> boards = created(admin(branch), "榜单" + tag, List.of("leaderboards:read"), branch);
        String boardsToken = token(form("grant_type", "client_credentials", "client_id", clientId(boards),
                "client_secret", boards.get("clientSecret"))).then().statusCode(200)
                .body("scope", equalTo("leaderboards:read")).extract().path("access_token");
        problem(Api.bearer(boardsToken).queryParam("unitId", branch).get("/v1/people").then(), 403, "FORBIDDEN");
        Api.bearer(boardsToken).get("/v1/people").then().statusCode(200).body("items.size()", equalTo(0));

        // org:read sees the unit but may not read its people: 403
        Map<String, Object> both = created(admin(branch), "两项" + tag, List.of("org:read", "people:read"), branch);
        Response narrowed = token(form("grant_type", "client_credentials", "client_id", clientId(both),
                "client_secret", both.get("clientSecret"), "scope", "org:read"));
        narrowed.then().statusCode(200).body("scope", equalTo("org:read"));
        problem(Api.bearer(narrowed.path("access_token")).queryParam("unitId", branch).get("/v1/people").then(), 403,
                "FORBIDDEN");
        Api.bearer(narrowed.path("access_token")).get("/v1/org-units/" + branch).then().statusCode(200);
        token(form("grant_type", "client_credentials", "client_id", clientId(both), "client_secret",
                both.get("clientSecret"), "scope", "people:read org:read")).then().statusCode(200)
                .body("scope", equalTo("people:read org:read"));

        problem(token(form("grant_type", "client_credentials", "client_id", clientId(both), "client_secret",
                both.get("clientSecret"), "scope", "people:write")).then(), 400, "INVALID_PARAMETER");
        problem(token(form("grant_type", "client_credentials", "client_id", clientId(both), "client_secret",
                both.get("clientSecret"), "scope", "org:read stats:read")).then(), 400, "INVALID_PARAMETER");
    }

    @Test
    void theTokenEndpointRefusesBadCredentialsAndGrants() {
        Map<String, Object> client = created(admin(branch), "凭证" + tag, List.of("org:read"), branch);
        String clientId = clientId(client);
        String secret = (String) client.get("clientSecret");

        problem(token(form("grant_type", "client_credentials", "client_id", clientId, "client_secret",
                secret + "x")).then(), 401, "CLIENT_CREDENTIALS_INVALID");
        problem(token(form("grant_type", "client_credentials", "client_id", "zc_nosuchclient00000000",
                "client_secret", secret)).then(), 401, "CLIENT_CREDENTIALS_INVALID");
        problem(token(form("grant_type", "client_credentials", "client_id", clientId)).then(), 401,
                "CLIENT_CREDENTIALS_INVALID");
        problem(token(form("grant_type", "client_credentials")).then(), 401, "CLIENT_CREDENTIALS_INVALID");
        problem(Api.anonymous().contentType(ContentType.URLENC).auth().preemptive()
                .basic(clientId, "wrong").formParam("grant_type", "client_credentials").post(TOKEN).then(), 401,
                "CLIENT_CREDENTIALS_INVALID");
        problem(Api.anonymous().contentType(ContentType.URLENC)
                .header("Authorization", "Basic %%%not-base64%%%").formParam("grant_type", "client_credentials")
                .post(TOKEN).then(), 401, "CLIENT_CREDENTIALS_INVALID");

        problem(token(form("grant_type", "password", "client_id", clientId, "client_secret", secret)).then(),
                400, "UNSUPPORTED_GRANT_TYPE");
        problem(token(form("client_id", clientId, "client_secret", secret)).then(), 400,
                "UNSUPPORTED_GRANT_TYPE");
    }

    // ---- rotation and revocation ----

    @Test
    void rotationReplacesTheSecretAndRevocationRefusesEverythingAtOnce() {
        person("轮换" + tag, branch);
        Map<String, Object> client = created(admin(branch), "轮换" + tag, List.of("people:read"), branch);
        String id = (String) ((Map<?, ?>) client.get("client")).get("id");
        String clientId = clientId(client);
        String oldSecret = (String) client.get("clientSecret");
        String oldToken = token(form("grant_type", "client_credentials", "client_id", clientId, "client_secret",
                oldSecret)).then().statusCode(200).extract().path("access_token");

        problem(Api.as("secretary-" + branch, Roles.SECRETARY, UUID.fromString(branch)).post(CLIENTS + "/" + id
                + "/rotate").then(), 403, "FORBIDDEN");
        problem(Api.anonymous().post(CLIENTS + "/" + id + "/rotate").then(), 401, "UNAUTHENTICATED");
        Response rotated = admin(branch).post(CLIENTS + "/" + id + "/rotate");
        rotated.then().statusCode(200)
                .body("client.id", equalTo(id))
                .body("client.clientId", equalTo(clientId))
                .body("client.version", equalTo(1))
                .body("clientSecret", matchesPattern("^zs_[A-Za-z0-9_-]{43}$"));
        String newSecret = rotated.path("clientSecret");
        assertNotEquals(oldSecret, newSecret);
        problem(token(form("grant_type", "client_credentials", "client_id", clientId, "client_secret",
                oldSecret)).then(), 401, "CLIENT_CREDENTIALS_INVALID");
        String newToken = token(form("grant_type", "client_credentials", "client_id", clientId, "client_secret",
                newSecret)).then().statusCode(200).extract().path("access_token");
        // tokens got with the old secret stop at the rotation (after a leak, the thief's too)
        problem(Api.bearer(oldToken).queryParam("unitId", branch).get("/v1/people").then(), 401, "UNAUTHENTICATED");
        Api.bearer(newToken).queryParam("unitId", branch).get("/v1/people").then().statusCode(200);

        problem(Api.as("secretary-" + branch, Roles.SECRETARY, UUID.fromString(branch)).post(CLIENTS + "/" + id
                + "/revoke").then(), 403, "FORBIDDEN");
        problem(Api.anonymous().post(CLIENTS + "/" + id + "/revoke").then(), 401, "UNAUTHENTICATED");
        Response revoked = admin(branch).post(CLIENTS + "/" + id + "/revoke");
        revoked.then().statusCode(200).body("id", equalTo(id)).body("revokedAt", notNullValue());
        Instant revokedAt = Instant.parse(revoked.path("revokedAt"));
        problem(token(form("grant_type", "client_credentials", "client_id", clientId, "client_secret",
                newSecret)).then(), 401, "CLIENT_CREDENTIALS_INVALID");
        problem(Api.bearer(newToken).queryParam("unitId", branch).get("/v1/people").then(), 401, "UNAUTHENTICATED");
        problem(Api.bearer(oldToken).get("/v1/me").then(), 401, "UNAUTHENTICATED");

        Instant revokedAgain = Instant.parse(admin(branch).post(CLIENTS + "/" + id + "/revoke").then().statusCode(200)
                .extract().path("revokedAt")); // revoking twice changes nothing
        // the first answer carries the clock's nanoseconds, the database keeps (rounded) microseconds: see the report
        assertTrue(Duration.between(revokedAt, revokedAgain).abs().toNanos() <= 500, revokedAt + " vs " + revokedAgain);
        problem(admin(branch).post(CLIENTS + "/" + id + "/rotate").then(), 409, "API_CLIENT_REVOKED");
        assertEquals(revokedAgain, Instant.parse(admin(branch).get(CLIENTS + "/" + id).then().statusCode(200)
                .extract().path("revokedAt")));
        problem(token(form("grant_type", "client_credentials", "client_id", clientId, "client_secret",
                newSecret)).then(), 401, "CLIENT_CREDENTIALS_INVALID");
    }

    // ---- listing ----

    @Test
    void aUnitsClientsArePagedByNameWithACursor() {
        String e = idOf(created(admin(branch), "e-" + tag, List.of("org:read"), branch));
        String c = idOf(created(admin(branch), "c-" + tag, List.of("org:read"), branch));
        String a = idOf(created(admin(branch), "a-" + tag, List.of("org:read"), group));
        String b = idOf(created(admin(branch), "b-" + tag, List.of("people:read"), branch));
        String d = idOf(created(Api.as("org-admin", Roles.ORG_ADMIN), "d-" + tag, List.of("org:read"), otherBranch));

        List<String> paged = new ArrayList<>();
        List<String> nextCursors = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = admin(branch).queryParam("unitId", branch).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(CLIENTS);
            page.then().statusCode(200).body("items", not(hasItem(hasKey("clientSecret"))));
            paged.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            nextCursors.add(cursor);
        } while (cursor != null && nextCursors.size() < 10);
        assertEquals(List.of(a, b, c, e), paged, "the branch's and its group's clients, by name");
        assertEquals(2, nextCursors.size());
        admin(branch).queryParam("unitId", branch).queryParam("limit", 100).get(CLIENTS).then().statusCode(200)
                .body("items.id", contains(a, b, c, e)).body("items.name", contains("a-" + tag, "b-" + tag, "c-" + tag,
                        "e-" + tag)).body("nextCursor", nullValue());
        Api.as("org-admin", Roles.ORG_ADMIN).queryParam("unitId", committee).get(CLIENTS).then().statusCode(200)
                .body("items.id", contains(a, b, c, d, e));

        admin(branch).queryParam("unitId", group).get(CLIENTS).then().statusCode(200)
                .body("items.id", contains(a)).body("nextCursor", nullValue());
        String firstCursor = admin(branch).queryParam("unitId", branch).queryParam("limit", 1).get(CLIENTS)
                .then().statusCode(200).extract().path("nextCursor");
        assertNotNull(firstCursor);
        problem(admin(branch).queryParam("unitId", group).queryParam("cursor", firstCursor).get(CLIENTS).then(), 400,
                "INVALID_CURSOR");
        problem(admin(branch).queryParam("unitId", branch).queryParam("limit", 0).get(CLIENTS).then(), 400,
                "INVALID_PARAMETER");
        problem(admin(branch).queryParam("unitId", "not-a-uuid").get(CLIENTS).then(), 400, "INVALID_PARAMETER");

        problem(admin(branch).get(CLIENTS).then(), 403, "FORBIDDEN"); // every client: only for admins everywhere
        Api.as("org-admin", Roles.ORG_ADMIN).queryParam("limit", 100).get(CLIENTS).then().statusCode(200);
        problem(admin(branch).queryParam("unitId", otherBranch).get(CLIENTS).then(), 404, "NOT_FOUND");
        problem(admin(branch).queryParam("unitId", UUID.randomUUID().toString()).get(CLIENTS).then(), 404,
                "NOT_FOUND");
        problem(Api.as("secretary-" + branch, Roles.SECRETARY, UUID.fromString(branch)).queryParam("unitId", branch)
                .get(CLIENTS).then(), 403, "FORBIDDEN");
        problem(Api.anonymous().queryParam("unitId", branch).get(CLIENTS).then(), 401, "UNAUTHENTICATED");
    }

    // ---- helpers ----

    static RequestSpecification admin(String unit) {
        return Api.as("client-admin-" + unit, Roles.ORG_ADMIN, UUID.fromString(unit));
    }

    static Response create(RequestSpecification as, String name, List<String> scopes, String unitId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("scopes", scopes);
        body.put("unitId", unitId);
        return as.body(body).post(CLIENTS);
    }

    static Map<String, Object> created(RequestSpecification as, String name, List<String> scopes, String unitId) {
        return create(as, name, scopes, unitId).then().statusCode(201).extract().as(Map.class);
    }

    static String clientId(Map<String, Object> created) {
        return (String) ((Map<?, ?>) created.get("client")).get("clientId");
    }

    static String idOf(Map<String, Object> created) {
        return (String) ((Map<?, ?>) created.get("client")).get("id");
    }

    static Map<String, Object> form(Object... pairs) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put((String) pairs[i], pairs[i + 1]);
        }
        return form;
    }

    static Response token(Map<String, Object> form) {
        return Api.anonymous().contentType(ContentType.URLENC).formParams(form).post(TOKEN);
    }

}
