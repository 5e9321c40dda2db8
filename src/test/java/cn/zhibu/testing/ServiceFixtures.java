package cn.zhibu.testing;

import static cn.zhibu.testing.ServiceProcess.ADMIN_PASSWORD;
import static cn.zhibu.testing.ServiceProcess.NEW_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;

/**
 * The first admin, members with accounts, and things made through the API, on a service running as a process of its
 * own ({@link ServiceProcess}). Where a step names two services, each is taken on one of them (replicas of one
 * database); the same service twice is a single one.
 */
public final class ServiceFixtures {

    private ServiceFixtures() {
    }

    /** A member: person, user name, and the tokens of their current session. */
    public record Member(String personId, String username, String accessToken, String refreshToken) {
    }

    /**
     * Signs in as the first admin on {@code one}, changes the one-time password on {@code other}, and signs in
     * again there; the admin's access token.
     */
    public static String signInAdmin(ServiceProcess one, ServiceProcess other) {
        String once = one.api().body(Map.of("username", "admin", "password", ADMIN_PASSWORD))
                .post("/v1/sessions/password").then().statusCode(200).extract().path("accessToken");
        other.api(once).body(Map.of("currentPassword", ADMIN_PASSWORD, "newPassword", NEW_PASSWORD))
                .post("/v1/me/password").then().statusCode(204);
        return other.api().body(Map.of("username", "admin", "password", NEW_PASSWORD)).post("/v1/sessions/password")
                .then().statusCode(200).extract().path("accessToken");
    }

    /**
     * Member {@code i} of the branch ({@code member<i>}) with an account: made on {@code one}, signed in on
     * {@code other}, the one-time password changed on {@code one}, signed in again on {@code other}.
     */
    public static Member member(ServiceProcess one, ServiceProcess other, String admin, String branch, int i) {
        String personId = create(one, admin, "/v1/people",
                OrgFixtures.personBody("党员" + (char) ('甲' + i), branch));
        String username = "member" + i;
        String oneTime = one.api(admin).body(Map.of("username", username, "personId", personId)).post("/v1/accounts")
                .then().statusCode(201).extract().path("oneTimePassword");
        String first = other.api().body(Map.of("username", username, "password", oneTime))
                .post("/v1/sessions/password").then().statusCode(200).extract().path("accessToken");
        one.api(first).body(Map.of("currentPassword", oneTime, "newPassword", NEW_PASSWORD)).post("/v1/me/password")
                .then().statusCode(204);
        Response session = other.api().body(Map.of("username", username, "password", NEW_PASSWORD))
                .post("/v1/sessions/password");
        session.then().statusCode(200);
        return new Member(personId, username, session.path("accessToken"), session.path("refreshToken"));
    }

    /** The committee at the top of the tree the tests build; its id. */
    public static String committee(ServiceProcess service, String admin) {
        return create(service, admin, "/v1/org-units", Map.of("kind", "COMMITTEE", "name", "示范区委组织部",
                "shortName", "区委组织部"));
    }

    /** A branch of the committee; its id. */
    public static String branch(ServiceProcess service, String admin, String committee) {
        return create(service, admin, "/v1/org-units", Map.of("kind", "BRANCH", "name", "机关党支部",
                "shortName", "机关党支部", "parentId", committee));
    }

    /** Posts {@code body} with a fresh Idempotency-Key, expects 201; the id made. */
    public static String create(ServiceProcess service, String token, String path, Map<String, Object> body) {
        String id = service.api(token).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(path)
                .then().statusCode(201).extract().path("id");
        assertNotNull(id, path);
        return id;
    }
}
