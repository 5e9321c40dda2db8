package cn.zhibu.platform.meta;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestDates;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetaResourceTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void tellsTheBusinessDateAndWeekInShanghai() {
        clock.set(Instant.parse("2026-11-29T16:30:00Z")); // Monday 00:30 in Shanghai
        given().when().get("/v1/meta")
                .then().statusCode(200)
                .body("timeZone", equalTo("Asia/Shanghai"))
                .body("businessDate", equalTo("2026-11-30"))
                .body("isoWeek", equalTo("2026-W49"))
                .body("weekStart", equalTo("2026-11-30T00:00:00+08:00"))
                .body("weekEnd", equalTo("2026-12-07T00:00:00+08:00"))
                .body("now", equalTo("2026-11-30T00:30:00+08:00"))
                .body("workday", equalTo(true));
    }

    @Test
    void aSundaySetAsWorkdayIsAWorkingDay() {
        LocalDate sunday = TestDates.unique();
        while (sunday.getDayOfWeek() != DayOfWeek.SUNDAY) {
            sunday = TestDates.unique();
        }
        clock.set(sunday.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        given().when().get("/v1/meta").then().statusCode(200).body("workday", equalTo(false));
        Api.as("meta-admin", Roles.ORG_ADMIN)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("date", sunday.toString(), "kind", "WORKDAY", "name", "调休上班"))
                .post("/v1/calendar-days").then().statusCode(201);
        given().when().get("/v1/meta").then().statusCode(200)
                .body("businessDate", equalTo(sunday.toString()))
                .body("workday", equalTo(true));
    }

    @Test
    void isPublicAndIgnoresTokens() {
        given().when().get("/v1/meta").then().statusCode(200).header("RateLimit-Limit", notNullValue());
        given().auth().oauth2("not.a.token").when().get("/v1/meta").then().statusCode(200);
    }
}
