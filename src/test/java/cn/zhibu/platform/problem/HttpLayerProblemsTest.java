package cn.zhibu.platform.problem;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the HTTP layer refuses before any operation runs is answered with problem+json too. */
@QuarkusTest
class HttpLayerProblemsTest {

    private static final String NOTE = "{\"refreshToken\":\"abc\"}";

    @Test
    void aBodyWithoutContentTypeIsA415() throws Exception {
        String answer = raw("POST /v1/sessions/refresh HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Length: " + NOTE.length() + "\r\n\r\n" + NOTE);
        assertTrue(answer.startsWith("HTTP/1.1 415"), answer);
        assertTrue(answer.contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\""), answer);
    }

    @Test
    void jsonThatIsNotUtf8IsA415() {
        byte[] utf16 = NOTE.getBytes(StandardCharsets.UTF_16LE);
        problem(Api.anonymous().contentType("application/json").body(utf16).post("/v1/sessions/refresh").then(),
                415, "UNSUPPORTED_MEDIA_TYPE");
        problem(Api.anonymous().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("application/json; charset=UTF-16").body(NOTE.getBytes(StandardCharsets.UTF_16))
                .post("/v1/sessions/refresh").then(), 415, "UNSUPPORTED_MEDIA_TYPE");
        problem(Api.anonymous().contentType("application/json").body(new byte[] {'{', '"', (byte) 0xC3, '"', '}'})
                .post("/v1/sessions/refresh").then(), 415, "UNSUPPORTED_MEDIA_TYPE");
        // UTF-8 is read as before (the token is refused for what it is, not for its encoding)
        problem(Api.anonymous().contentType("application/json; charset=utf-8").body(NOTE.getBytes(StandardCharsets.UTF_8))
                .post("/v1/sessions/refresh").then(), 400, "VALIDATION_FAILED")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("refreshToken"));
    }

    @Test
    void multipartIsA415() {
        problem(Api.as("layer-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("multipart/form-data; boundary=x").body("--x--\r\n".getBytes(StandardCharsets.US_ASCII))
                .post("/v1/calendar-days").then(),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aLongUriIsA414AndLargeHeadersA431() {
        // (RestAssured.given(): the contract knows no parameter q)
        problem(RestAssured.given().queryParam("q", "a".repeat(9000)).get("/v1/org-units").then(), 414, "URI_TOO_LONG")
                .header("RateLimit-Limit", org.hamcrest.Matchers.notNullValue());
        problem(RestAssured.given().header("X-Padding", "a".repeat(21_000)).get("/v1/org-units").then(),
                431, "HEADERS_TOO_LARGE");
        // under the limits a request is answered as usual
        problem(RestAssured.given().queryParam("q", "a".repeat(7000)).get("/v1/org-units").then(),
                401, "UNAUTHENTICATED");
    }

    @Test
    void aUriBeyondTheServersOwnLimitIsStillRefused() throws Exception {
        String answer = raw("GET /v1/org-units?q=" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        // the server's own refusal (no body): documented as the one answer that is not problem+json
        assertEquals("HTTP/1.0 414", answer.substring(0, 12), answer);
    }

    @Test
    void controlCharactersInTheUriNameTheParameter() throws Exception {
        String token = Api.token("layer-uri-admin", Roles.ORG_ADMIN);
        problem(RestAssured.given().auth().oauth2(token).urlEncodingEnabled(false).get("/v1/people?q=a%00b&limit=2")
                .then(), 400, "VALIDATION_FAILED").body("errors[0].field", org.hamcrest.Matchers.equalTo("q"))
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("CONTROL_CHARACTER"));
        problem(RestAssured.given().auth().oauth2(token).urlEncodingEnabled(false).get("/v1/people/a%1Fb").then(),
                400, "VALIDATION_FAILED").body("errors[0].field", org.hamcrest.Matchers.equalTo("path"));
        String broken = raw("GET /v1/people?q=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(broken.startsWith("HTTP/1.1 400") && broken.contains("\"code\":\"INVALID_PARAMETER\""), broken);
        problem(RestAssured.given().auth().oauth2(token).urlEncodingEnabled(false).get("/v1/people?q=%C3%28").then(),
                400, "INVALID_PARAMETER");
    }

    @Test
    void rawUtf8InAQueryIsReadAsIfEncoded() throws Exception {
        String token = Api.token("layer-raw-admin", Roles.ORG_ADMIN);
        String encoded = RestAssured.given().auth().oauth2(token).urlEncodingEnabled(false)
                .get("/v1/people?q=%E5%BC%A0%7C&limit=5").then().statusCode(200).extract().asString();
        String answer = raw("GET /v1/people?q=张|&limit=5 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.endsWith(encoded), answer);
    }

    @Test
    void aClientStillSendingATooLargeBodyGetsTheAnswer() throws Exception {
        // the answer goes at once; the rest of the body is read and dropped before the connection closes, so the
        // client's writes do not fail with a reset and lose the answer
        byte[] body = new byte[24 * RequestLimits.MAX_BODY_BYTES];
        java.util.Arrays.fill(body, (byte) 'x');
        try (Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /v1/sessions/refresh HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"code\":\"PAYLOAD_TOO_LARGE\""), answer);
        }
    }

    @Test
    void rawUtf8IsMeasuredAsSentAndAnAbsoluteTargetIsReadForItsPath() throws Exception {
        String token = Api.token("layer-absolute-admin", Roles.ORG_ADMIN);
        // 3,000 bytes as sent (9,000 once escaped): under the 8 KiB limit
        String padded = raw("GET /v1/people?limit=1&pad=" + "张".repeat(1000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nAuthorization: Bearer " + token + "\r\n\r\n");
        assertTrue(padded.startsWith("HTTP/1.1 200"), padded);
        String absolute = raw("GET http://localhost/v1/people?q=张&limit=1 HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nAuthorization: Bearer " + token + "\r\n\r\n");
        assertTrue(absolute.startsWith("HTTP/1.1 200"), absolute);
        // a target that is no path at all is refused by the router before any route (a bare 404), never a 500
        String nonsense = raw("GET é HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(nonsense.startsWith("HTTP/1.1 404"), nonsense);
    }

    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
