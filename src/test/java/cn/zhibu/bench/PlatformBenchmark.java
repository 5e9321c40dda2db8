package cn.zhibu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestDates;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What the platform's conventions cost per request, as ratios to a baseline measured in the same
 * run (the public {@code GET /v1/meta}). Prints figures, asserts no timings. Run it with
 * {@code ./mvnw test -Dtest=PlatformBenchmark -Dzhibu.bench=true -Dzhibu.rate-limit.requests-per-minute=1000000}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "zhibu.bench", matches = "true")
class PlatformBenchmark {

    private static final int REQUESTS = 2_000;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token = Api.token("bench-admin", Roles.ORG_ADMIN);

    @Test
    void costOfTheConventions() {
        String id = RestAssured.given().auth().oauth2(token).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(dayJson())
                .post("/v1/calendar-days").then().statusCode(201).extract().path("id");
        String replayKey = UUID.randomUUID().toString();
        String replayBody = dayJson();
        assertEquals(201, send("POST", "/v1/calendar-days", replayKey, null, replayBody));

        Map<String, Supplier<Integer>> cases = new LinkedHashMap<>();
        cases.put("GET /v1/meta (baseline)", () -> send("GET", "/v1/meta", null, null, null));
        cases.put("GET one calendar day (JWT, database, ETag)",
                () -> send("GET", "/v1/calendar-days/" + id, null, null, null));
        cases.put("GET it with If-None-Match (304)", () -> send("GET", "/v1/calendar-days/" + id, null, "\"0\"", null));
        cases.put("GET a page of 20 (signed cursor)", () -> send("GET", "/v1/calendar-days?limit=20", null, null, null));
        cases.put("POST with a new Idempotency-Key (creates)",
                () -> send("POST", "/v1/calendar-days", UUID.randomUUID().toString(), null, dayJson()));
        cases.put("POST with a used Idempotency-Key (replays)",
                () -> send("POST", "/v1/calendar-days", replayKey, null, replayBody));

        cases.values().forEach(PlatformBenchmark::micros); // first round warms the JIT and the pools
        Map<String, Double> results = new LinkedHashMap<>();
        cases.forEach((name, request) -> results.put(name, micros(request)));
        double baseline = results.values().iterator().next();
        System.out.printf("%nPlatform benchmark: %d sequential requests per case over loopback, after a warm-up"
                + " round%n", REQUESTS);
        results.forEach((name, micros) -> System.out.printf("  %-46s %7.0f µs  %5.2f x baseline%n", name, micros,
                micros / baseline));
    }

    private static double micros(Supplier<Integer> request) {
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            int status = request.get();
            if (status >= 400) {
                throw new IllegalStateException("a benchmark request failed with " + status);
            }
        }
        return (System.nanoTime() - start) / 1_000.0 / REQUESTS;
    }

    private int send(String method, String path, String idempotencyKey, String ifNoneMatch, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + path)).header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String dayJson() {
        return "{\"date\":\"" + TestDates.unique() + "\",\"kind\":\"HOLIDAY\",\"name\":\"bench\"}";
    }
}
