package cn.zhibu.platform.http;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limiter really limits, per caller, and says so in its headers. */
@QuarkusTest
@TestProfile(RateLimitApiTest.FiveAMinute.class)
class RateLimitApiTest {

    public static class FiveAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zhibu.rate-limit.requests-per-minute", "5");
        }
    }

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aCallerOverTheLimitGets429WithRetryAfterWhileOthersGoOn() {
        // the whole test 15 s into one window, near the real time: the tokens are signed and checked on this clock
        clock.set(clock.instant().truncatedTo(ChronoUnit.MINUTES).plusSeconds(15));
        String token = Api.token("busy-member", Roles.MEMBER);
        for (int i = 0; i < 5; i++) {
            Api.anonymous().auth().oauth2(token).get("/v1/calendar-days").then().statusCode(200)
                    .header("RateLimit-Limit", "5")
                    .header("RateLimit-Remaining", String.valueOf(4 - i));
        }
        Response limited = Api.anonymous().auth().oauth2(token).get("/v1/calendar-days");
        limited.then().statusCode(429).body("code", equalTo("RATE_LIMITED")).header("RateLimit-Remaining", "0");
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertEquals(45, retryAfter);
        assertEquals(limited.header("RateLimit-Reset"), limited.header("Retry-After"));
        Api.as("another-member", Roles.MEMBER).get("/v1/calendar-days").then().statusCode(200)
                .header("RateLimit-Remaining", "4");
    }
}
