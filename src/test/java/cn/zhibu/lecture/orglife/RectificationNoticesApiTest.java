package cn.zhibu.lecture.orglife;

import static cn.zhibu.lecture.orglife.OrgLifeFixtures.etag;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.evidence;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.item;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.itemBody;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.meeting;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.secretary;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.lecture.NoticeRows;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A rectification item's owner is reminded the day before it is due, at 09:00; the reminder follows the item. */
@QuarkusTest
class RectificationNoticesApiTest {

    @Inject
    TestClock clock;

    Instant now;

    @BeforeEach
    void fixTheClock() {
        now = TestTime.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Instant nineTheDayBefore(LocalDate due) {
        return due.minusDays(1).atTime(LocalTime.of(9, 0)).atZone(TestTime.calendar().zone()).toInstant();
    }

    static NoticeRows rows(String item) {
        return NoticeRows.of("RECTIFICATION_DUE", "rectification:" + item + ":due");
    }

    @Test
    void theOwnerIsRemindedAndTheReminderFollowsOwnerDueDateAndState() {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member owner = StudyFixtures.member(branch);
        StudyFixtures.Member next = StudyFixtures.member(branch);
        String day = meeting(branch);
        LocalDate today = TestTime.calendar().dateOf(now);
        LocalDate due = today.plusDays(30);
        String id = item(day, owner.personId(), due).extract().path("id");
        String path = "/v1/party-days/" + day + "/rectifications/" + id;

        NoticeRows rows = rows(id);
        assertEquals(Set.of(owner.personId()), rows.standing());
        NoticeRows.Row row = rows.of(owner.personId());
        assertEquals(nineTheDayBefore(due), row.dueAt());
        assertEquals(Map.of("title", "制定个人学习计划，每月精读一篇重要讲话", "time", due.toString()), row.fields());
        assertEquals(path, row.link());

        // a stale change (412) changes nothing; a change of owner and due date moves the reminder to the new owner
        LocalDate later = today.plusDays(60);
        problem(secretary(branch).header("If-Match", etag(5)).body(itemBody(next.personId(), later)).put(path)
                .then(), 412, "PRECONDITION_FAILED");
        assertEquals(Set.of(owner.personId()), rows(id).standing());
        secretary(branch).header("If-Match", etag(0)).body(itemBody(next.personId(), later)).put(path).then()
                .statusCode(200);
        rows = rows(id);
        assertEquals(Set.of(next.personId()), rows.standing());
        assertEquals(now, rows.of(owner.personId()).withdrawnAt());
        assertEquals(nineTheDayBefore(later), rows.of(next.personId()).dueAt());
        assertEquals(later.toString(), rows.of(next.personId()).fields().get("time"));
        // the same change again: no second row
        secretary(branch).header("If-Match", etag(1)).body(itemBody(next.personId(), later)).put(path).then()
                .statusCode(200);
        assertEquals(2, rows(id).size());
        // (nothing changed on the stopped clock: still version 1)

        // done: taken back; reopened: raised again
        next.api().header("If-Match", etag(1)).body(evidence()).post(path + "/close").then().statusCode(200);
        assertEquals(Set.of(), rows(id).standing());
        secretary(branch).header("If-Match", etag(2)).post(path + "/reopen").then().statusCode(200);
        assertEquals(Set.of(next.personId()), rows(id).standing());
        assertEquals(nineTheDayBefore(later), rows(id).of(next.personId()).dueAt());
    }

    @Test
    void anItemDueSoonIsRemindedAtOnceAndAnOverdueOneNotAtAll() {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member owner = StudyFixtures.member(branch);
        String day = meeting(branch);
        LocalDate heldOn = OrgLifeFixtures.heldOn(day);
        String soon = item(day, owner.personId(), heldOn).extract().path("id");
        assertEquals(now, rows(soon).of(owner.personId()).dueAt());

        String earlier = OrgLifeFixtures.session(branch, "ORG_LIFE_MEETING", Duration.ofDays(-3)).extract()
                .path("id");
        LocalDate overdue = OrgLifeFixtures.heldOn(earlier);
        String late = item(earlier, owner.personId(), overdue).extract().path("id");
        assertEquals(0, rows(late).size());
    }
}
