package cn.zhibu.stats;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestClock;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** What the figures' API tests share: the clock on 15 June 2031, an org admin, and every answer's body kept. */
abstract class StatsApiBase {

    @Inject
    TestClock clock;

    @Inject
    StatsService stats;

    /** Every answer's body, for the scan for people's ids and names. */
    final List<String> bodies = new ArrayList<>();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void onTheFifteenthOfJune() {
        clock.set(OffsetDateTime.parse("2031-06-15T12:00:00+08:00").toInstant());
    }

    static RequestSpecification admin() {
        return Api.as("stats-admin", Roles.ORG_ADMIN);
    }

    JsonPath figures(RequestSpecification caller, String unit, String area, boolean children) {
        return StatsChecks.figures(caller, unit, area, children, bodies);
    }

    static Map<String, String> flat(Object figures) {
        return StatsChecks.flat(figures);
    }
}
