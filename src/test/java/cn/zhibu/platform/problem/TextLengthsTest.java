package cn.zhibu.platform.problem;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Lengths count characters on both sides: a person's name of 32 emoji (64 UTF-16 units) fits the contract's
 * {@code maxLength: 32} and the service's {@code @Size(max = 32)} alike; 33 do not. Text with a control character or a
 * leading ideographic space does not match the contract's text pattern, nor the service's.
 */
@QuarkusTest
class TextLengthsTest {

    private static final String SMILE = new String(Character.toChars(0x1F600));

    @Test
    void aNameOf32EmojiFitsAndOf33DoesNot() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String id = create(OrgFixtures.personBody(SMILE.repeat(32), branch)).then().statusCode(201)
                .body("name", equalTo(SMILE.repeat(32))).extract().path("id");
        Api.as("lengths-admin", Roles.ORG_ADMIN).get("/v1/people/" + id).then().statusCode(200)
                .body("name", equalTo(SMILE.repeat(32)));
        problem(create(OrgFixtures.personBody(SMILE.repeat(33), branch)).then(), 400, "VALIDATION_FAILED")
                .body("errors[0].field", equalTo("name")).body("errors[0].code", equalTo("SIZE"));
    }

    @Test
    void textPatternsRefuseControlsAndLeadingSpaces() {
        String branch = OrgFixtures.unit("BRANCH", null);
        problem(create(OrgFixtures.personBody("\u3000张三", branch)).then(), 400, "VALIDATION_FAILED")
                .body("errors[0].field", equalTo("name")).body("errors[0].code", equalTo("PATTERN"));
        problem(create(OrgFixtures.personBody("张\u007F三", branch)).then(), 400, "VALIDATION_FAILED")
                .body("errors[0].field", equalTo("name")).body("errors[0].code", equalTo("PATTERN"));
        problem(create(OrgFixtures.personBody("张\u0000三", branch)).then(), 400, "VALIDATION_FAILED")
                .body("errors[0].field", equalTo("name")).body("errors[0].code", equalTo("CONTROL_CHARACTER"));
    }

    private static io.restassured.response.Response create(Map<String, Object> body) {
        return Api.as("lengths-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/v1/people");
    }
}
