package cn.zhibu.platform.problem;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import static cn.zhibu.testing.ProblemAssertions.problem;

import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestDates;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every kind of error comes back as application/problem+json with the documented fields. */
@QuarkusTest
class ProblemDetailsTest {

    private static final String DAYS = "/v1/calendar-days";

    private static Map<String, Object> day(Object date, Object kind, Object name) {
        java.util.HashMap<String, Object> body = new java.util.HashMap<>();
        body.put("date", date);
        body.put("kind", kind);
        body.put("name", name);
        return body;
    }

    @Test
    void fieldErrorsNameEachInvalidField() {
        problem(Api.as("admin-p1", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(day(null, "HOLIDAY", " ")).post(DAYS).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", hasItem("date"))
                .body("errors.code", hasItem("NOT_NULL"))
                .body("errors.field", hasItem("name"))
                .body("errors.code", hasItem("NOT_BLANK"));
    }

    @Test
    void malformedJsonIsA400() {
        problem(Api.as("admin-p2", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"date\": \"2026-10-01\", ").post(DAYS).then(), 400, "MALFORMED_JSON");
    }

    @Test
    void wrongTypeUnknownEnumAndUnknownFieldNameTheField() {
        problem(Api.as("admin-p3", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(day("2026-13-45", "HOLIDAY", "x")).post(DAYS).then(), 400, "VALIDATION_FAILED")
                .body("errors[0].field", equalTo("date"))
                .body("errors[0].code", equalTo("INVALID_VALUE"));
        problem(Api.as("admin-p3", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(day("2026-10-01", "FESTIVAL", "x")).post(DAYS).then(), 400, "VALIDATION_FAILED")
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].code", equalTo("INVALID_ENUM"))
                .body("errors[0].message", allOf(containsString("HOLIDAY"), containsString("WORKDAY")));
        Map<String, Object> extra = day("2026-10-01", "HOLIDAY", "x");
        extra.put("colour", "red");
        problem(Api.as("admin-p3", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(extra).post(DAYS).then(), 400, "VALIDATION_FAILED")
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].code", equalTo("UNKNOWN_FIELD"));
    }

    @Test
    void badQueryParameterIsA400NotA404() {
        problem(Api.as("member-p4", Roles.MEMBER).queryParam("from", "yesterday").get(DAYS).then(),
                400, "INVALID_PARAMETER").body("detail", containsString("from"));
    }

    @Test
    void missingOrInvalidTokenIsA401WithChallenge() {
        problem(Api.anonymous().get(DAYS).then(), 401, "UNAUTHENTICATED").header("WWW-Authenticate", "Bearer");
        problem(Api.anonymous().auth().oauth2("not.a.token").get(DAYS).then(), 401, "UNAUTHENTICATED");
        String forged = Api.token("admin-p5", Roles.ORG_ADMIN);
        forged = forged.substring(0, forged.length() - 4) + "AAAA";
        problem(Api.anonymous().auth().oauth2(forged).get(DAYS).then(), 401, "UNAUTHENTICATED");
        String otherAudience = Jwt.issuer("https://zhibu.cn").audience("someone-else").subject("admin-p5")
                .groups(Roles.ORG_ADMIN).expiresIn(600).sign();
        problem(Api.anonymous().auth().oauth2(otherAudience).get(DAYS).then(), 401, "UNAUTHENTICATED");
        String expired = Jwt.issuer("https://zhibu.cn").audience("zhibu").subject("admin-p5")
                .groups(Roles.ORG_ADMIN).issuedAt(TestTime.now().minusSeconds(3600))
                .expiresAt(TestTime.now().minusSeconds(600)).sign();
        problem(Api.anonymous().auth().oauth2(expired).get(DAYS).then(), 401, "UNAUTHENTICATED");
        String tooOld = Jwt.issuer("https://zhibu.cn").audience("zhibu").subject("admin-p5")
                .groups(Roles.ORG_ADMIN).issuedAt(TestTime.now().minusSeconds(3 * 3600))
                .expiresAt(TestTime.now().plusSeconds(600)).sign();
        problem(Api.anonymous().auth().oauth2(tooOld).get(DAYS).then(), 401, "UNAUTHENTICATED");
        Api.anonymous().auth().oauth2(Api.token("admin-p5", Roles.ORG_ADMIN)).get(DAYS).then().statusCode(200);
    }

    @Test
    void wrongRoleIsA403() {
        problem(Api.as("member-p6", Roles.MEMBER).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(day(TestDates.unique().toString(), "HOLIDAY", "x")).post(DAYS).then(), 403, "FORBIDDEN");
    }

    @Test
    void unknownResourceAndUnknownPathAre404() {
        problem(Api.as("member-p7", Roles.MEMBER).get(DAYS + "/" + UUID.randomUUID()).then(), 404, "NOT_FOUND");
        problem(Api.anonymous().get("/v1/nothing-here").then(), 404, "NOT_FOUND");
    }

    @Test
    void wrongMethodIsA405() {
        problem(Api.anonymous().delete("/v1/meta").then(), 405, "METHOD_NOT_ALLOWED")
                .body("detail", containsString("DELETE"));
    }

    @Test
    void unsupportedAcceptIsA406() {
        problem(Api.anonymous().accept("text/csv").get("/v1/meta").then(), 406, "NOT_ACCEPTABLE");
    }

    @Test
    void bodyOverOneMebibyteIsA413() {
        String big = "{\"name\": \"" + "x".repeat(RequestLimits.MAX_BODY_BYTES) + "\"}";
        problem(Api.as("admin-p9", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(big).post(DAYS).then(), 413, "PAYLOAD_TOO_LARGE")
                .header("RateLimit-Limit", not(equalTo(null)))
                .header("RateLimit-Remaining", not(equalTo(null)));
    }

    @Test
    void chunkedBodyOverOneMebibyteIsA413() throws Exception {
        byte[] big = ("{\"name\": \"" + "x".repeat(RequestLimits.MAX_BODY_BYTES + 10) + "\"}").getBytes();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + DAYS))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + Api.token("admin-p11", Roles.ORG_ADMIN))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals(Problem.MEDIA_TYPE,
                response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"code\":\"PAYLOAD_TOO_LARGE\""));
    }

    @Test
    void nonJsonBodyIsA415() {
        problem(Api.as("admin-p10", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.TEXT).body("2026-10-01 holiday").post(DAYS).then(),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void unexpectedFailureIsA500WithAReferenceAndNoInternals() {
        problem(Api.anonymous().get("/v1/test-only/failure").then(), 500, "INTERNAL_ERROR")
                .body(not(containsString("SELECT")))
                .body(not(containsString("IllegalStateException")))
                .body("detail", containsString("-"));
    }

    @Test
    void languageFollowsAcceptLanguage() {
        problem(Api.anonymous().header("Accept-Language", "en-GB,en;q=0.9").get("/v1/nothing-here").then(),
                404, "NOT_FOUND")
                .header("Content-Language", "en")
                .body("title", equalTo("Not found"));
        problem(Api.anonymous().get("/v1/nothing-here").then(), 404, "NOT_FOUND")
                .header("Content-Language", "zh-CN")
                .body("title", equalTo("资源不存在"));
        problem(Api.anonymous().header("Accept-Language", "fr-FR").get("/v1/nothing-here").then(),
                404, "NOT_FOUND")
                .header("Content-Language", "zh-CN");
    }
}
