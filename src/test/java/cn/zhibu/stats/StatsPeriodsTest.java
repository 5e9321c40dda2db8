package cn.zhibu.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two periods must not give away what lies between them: a figure of the whole period is shown only when each of its
 * months is by no one or at least five people, and weeks cut by the period's ends are left out.
 */
@QuarkusTest
class StatsPeriodsTest {

    @Inject
    TestClock clock;

    @Inject
    StatsService stats;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static JsonPath study(String unit, String from, String to) {
        return Api.as("stats-admin", Roles.ORG_ADMIN).queryParam("from", from).queryParam("to", to)
                .get("/v1/stats/org-units/" + unit + "/study").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aMonthOfFewQuizzersIsNotHadBySubtractingTwoPeriods() {
        clock.set(OffsetDateTime.parse("2031-06-15T12:00:00+08:00").toInstant());
        String branch = OrgFixtures.unit("BRANCH", "P" + UUID.randomUUID().toString().substring(0, 8), null);
        StatsData d = new StatsData();
        List<StatsData.Person> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            StatsData.Person p = d.person();
            d.member(p, branch, LocalDate.of(2020, 1, 1), null);
            five.add(p);
            d.attempts.add(new StatsData.Attempt(p.id(), LocalDate.of(2031, 1, 10 + i), 8, false));
        }
        for (StatsData.Person p : five.subList(0, 3)) { // three quizzers in May
            d.attempts.add(new StatsData.Attempt(p.id(), LocalDate.of(2031, 5, 12), 2, false));
        }
        d.write();
        d.writeQuiz(branch);
        stats.clear();

        JsonPath toApril = study(branch, "2031-01-01", "2031-04-30");
        assertEquals("5", toApril.getString("figures.quizAttempts.value"), "five people, each month five or none");
        assertEquals("80", toApril.getString("figures.quizMeanScore.value"));
        JsonPath toJune = study(branch, "2031-01-01", "2031-06-30");
        assertNull(toJune.get("figures.quizAttempts.value"), "May's three would be June's answer less April's");
        assertEquals("FEWER_THAN_5", toJune.getString("figures.quizAttempts.suppressed"));
        assertNull(toJune.get("figures.quizMeanScore.value"), "and their scores with it");

        // weeks: only those wholly inside the period (January 2031 starts on a Wednesday, ends on a Friday)
        assertEquals(List.of("2031-W02", "2031-W03", "2031-W04"),
                study(branch, "2031-01-01", "2031-01-31").getList("figures.checkInsByWeek.period"));
        assertEquals(List.of("2031-W02", "2031-W03", "2031-W04"),
                study(branch, "2031-01-01", "2031-01-31").getList("figures.participationByWeek.period"));
        // up to today (a Wednesday), the week running to today is shown as far as it has come
        clock.set(OffsetDateTime.parse("2031-06-18T12:00:00+08:00").toInstant());
        assertEquals(List.of("2031-W23", "2031-W24", "2031-W25"),
                study(branch, "2031-06-01", "2031-06-18").getList("figures.checkInsByWeek.period"));
    }
}
