package cn.zhibu.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.zhibu.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** Health, readiness with the database, Prometheus metrics (on the management interface only) and Swagger UI. */
@QuarkusTest
class OperationsTest {

    @Test
    void liveAndReadyWithTheDatabase() {
        Management.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Management.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void metricsInPrometheusFormat() {
        given().get("/v1/meta").then().statusCode(200);
        Management.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void metricsAndHealthAreNotOnTheApiPort() {
        assertNotEquals(RestAssured.port, Management.port(), "the management interface has a port of its own");
        for (String path : new String[] {"/q/metrics", "/q/health", "/q/health/ready", "/q/health/live"}) {
            given().get(path).then().statusCode(404);
        }
        // what the API's callers read stays where it was
        given().accept("application/yaml").get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
    }

    @Test
    void everyAnswerSaysNosniff() {
        given().get("/v1/meta").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        given().get("/v1/me").then().statusCode(401).header("X-Content-Type-Options", "nosniff");
        given().get("/v1/no-such-thing").then().statusCode(404).header("X-Content-Type-Options", "nosniff");
        Management.given().get("/q/health/ready").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        Management.given().get("/q/metrics").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
