package cn.zhibu.identity;

import cn.zhibu.testing.Sql;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Staff accounts for people: the account a person signs in with already is never changed by making one. */
@QuarkusTest
class StaffAccountsApiTest {

    private static String name() {
        return "staff-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The person's account, made by granting them a role on the unit; its id. */
    private static String granted(String person, String role, String unit) {
        return Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("personId", person, "role", role, "unitId", unit))
                .post("/v1/grants").then().statusCode(201).extract().path("accountId");
    }

    private static Response createFor(String username, String person) {
        return Api.as("org-admin", Roles.ORG_ADMIN).header("Accept-Language", "en")
                .body(Map.of("username", username, "personId", person)).post("/v1/accounts");
    }

    @Test
    void aPersonWhoSignsInAlreadyKeepsTheirAccountAndSessions() {
        String branch = OrgFixtures.unit("BRANCH", OrgFixtures.unit("COMMITTEE", null));
        String person = OrgFixtures.person("王在用", branch);
        String account = granted(person, Roles.SECRETARY, branch);
        String session = TestAccounts.tokenForExisting(UUID.fromString(account)); // the person is signed in
        Api.bearer(session).get("/v1/org-units").then().statusCode(200).body("items.id", hasItem(branch));

        String username = name();
        problem(createFor(username, person).then(), 409, "ACCOUNT_EXISTS")
                .body("title", equalTo("Person signs in already"));

        // nothing changed: the session goes on as before, the account has no name nor password, the name is free
        Api.bearer(session).get("/v1/org-units").then().statusCode(200).body("items.id", hasItem(branch));
        Api.bearer(session).get("/v1/me").then().statusCode(200).body("passwordChangeRequired", equalTo(false));
        assertEquals(1, Sql.count("select count(*) from account where id = ?1 and username is null and "
                + "password_hash is null and not password_one_time", account));
        assertEquals(0, Sql.count("select count(*) from account where username = ?1", username));
        problem(Api.anonymous().body(Map.of("username", username, "password", "anything-at-all"))
                .post("/v1/sessions/password").then(), 401, "SIGN_IN_FAILED");
    }

    @Test
    void aPersonWhoOnlyHoldsRolesGetsTheStaffAccountWithThem() {
        String branch = OrgFixtures.unit("BRANCH", OrgFixtures.unit("COMMITTEE", null));
        String person = OrgFixtures.person("李待设", branch);
        String account = granted(person, Roles.SECRETARY, branch);
        String username = name();

        Response made = createFor(username, person);
        made.then().statusCode(201).body("id", equalTo(account)).body("personId", equalTo(person))
                .body("username", equalTo(username));
        Response signedIn = Api.anonymous().body(Map.of("username", username, "password",
                made.path("oneTimePassword"))).post("/v1/sessions/password");
        signedIn.then().statusCode(200).body("accountId", equalTo(account)).body("passwordChangeRequired", equalTo(true));

        // a second account for the same person: the staff account it has now
        problem(createFor(name(), person).then(), 409, "PERSON_HAS_ACCOUNT");
    }
}
