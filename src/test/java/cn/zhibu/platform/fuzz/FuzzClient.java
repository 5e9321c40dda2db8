package cn.zhibu.platform.fuzz;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.TimeUnit;

/**
 * Sends fuzz requests over real HTTP with rest-assured, exactly as built: no URL encoding of its own, no content type
 * or charset added, a body only when the request has one, and a client timeout well under the server's own (a request
 * that takes longer is a violation anyway: nobody waits a minute for each).
 */
final class FuzzClient {

    static final int TIMEOUT_MILLIS = 3_000;

    /** What came back, or {@code status == -1} with the client's error (a timeout, a reset connection). */
    record Answer(int status, String contentType, String body, long millis, String error) {
    }

    /** Marks a request to be sent without Content-Type: taken off, with the header, by the HTTP client itself. */
    private static final String DROP_CONTENT_TYPE = "X-Fuzz-Without-Content-Type";

    private final RestAssuredConfig config = RestAssuredConfig.config()
            .httpClient(HttpClientConfig.httpClientConfig()
                    .httpClientFactory(FuzzClient::httpClient)
                    .setParam("http.connection.timeout", TIMEOUT_MILLIS)
                    .setParam("http.socket.timeout", TIMEOUT_MILLIS)
                    .setParam("http.connection-manager.timeout", (long) TIMEOUT_MILLIS))
            .encoderConfig(EncoderConfig.encoderConfig()
                    .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                    .encodeContentTypeAs("application/x-www-form-urlencoded", io.restassured.http.ContentType.TEXT)
                    .encodeContentTypeAs("text/csv", io.restassured.http.ContentType.TEXT));

    @SuppressWarnings("deprecation") // the client rest-assured itself is built on
    private static org.apache.http.client.HttpClient httpClient() {
        org.apache.http.impl.client.DefaultHttpClient client = new org.apache.http.impl.client.DefaultHttpClient();
        // runs after the client's own interceptors, which add a Content-Type for every body
        client.addRequestInterceptor((request, context) -> {
            if (request.containsHeader(DROP_CONTENT_TYPE)) {
                request.removeHeaders(DROP_CONTENT_TYPE);
                request.removeHeaders("Content-Type");
            }
        });
        return client;
    }

    /** Sends the request, with this bearer token ({@code null}: anonymously). */
    Answer send(FuzzRequest request, String token) {
        RequestSpecification spec = RestAssured.given().config(config).urlEncodingEnabled(false);
        request.headers().forEach(spec::header);
        if (token != null && !request.headers().containsKey("Authorization")) {
            spec.header("Authorization", "Bearer " + token);
        }
        if (request.contentType() == null) {
            spec.header(DROP_CONTENT_TYPE, "true"); // rest-assured always sends one: it is taken off on the wire
        } else {
            spec.contentType(request.contentType());
        }
        if (request.body() != null) {
            spec.body(request.body());
        }
        long start = System.nanoTime();
        try {
            Response response = spec.request(request.method(), request.uri());
            String body = response.asString();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return new Answer(response.statusCode(), response.contentType(), body, millis, null);
        } catch (Exception e) { // checked ones too: rest-assured throws the socket's own (a timeout)
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            return new Answer(-1, "", "", millis, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }
}
