package cn.zhibu.study.checkin;

import static cn.zhibu.study.StudyFixtures.material;
import static cn.zhibu.study.StudyFixtures.materialBody;
import static cn.zhibu.study.StudyFixtures.member;
import static cn.zhibu.study.StudyFixtures.rule;
import static cn.zhibu.testing.OrgFixtures.unit;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.notice.Notice;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.NoticeRows;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestTime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notices of study: a member hears when their flagged check-in or make-up is decided (CHECK_IN_REVIEWED), reviewers
 * get a daily digest of what waits for them (REVIEWS_WAITING).
 */
@io.quarkus.test.junit.QuarkusTest
class CheckInNoticesApiTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String REVIEWED = "CHECK_IN_REVIEWED";

    @Inject
    TestClock clock;

    @Inject
    ReviewsWaitingDigest digest;

    LocalDate today;
    String committee;
    String branch;
    String otherBranch;

    @BeforeEach
    void tree() {
        today = TestTime.today().minusMonths(1).withDayOfMonth(15);
        clock.set(today.atTime(12, 0).atZone(SHANGHAI).toInstant());
        committee = unit("COMMITTEE", null);
        branch = unit("BRANCH", committee);
        otherBranch = unit("BRANCH", committee);
        rule(branch, "CHECK_IN", 2, null, null);
        rule(branch, "MAKE_UP_CHECK_IN", 1, null, null);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    RequestSpecification secretary() {
        return Api.as("notice-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    /** A check-in on a material the member never opened: flagged NOT_OPENED. */
    String flagged(Member member, String material) {
        clock.advance(Duration.ofSeconds(1));
        return member.api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("materialId", material)).post("/v1/check-ins").then().statusCode(201)
                .body("checkIn.status", equalTo("FLAGGED")).extract().path("checkIn.id");
    }

    String makeUp(Member member, LocalDate day) {
        clock.advance(Duration.ofSeconds(1));
        Map<String, Object> body = new HashMap<>(Map.of("businessDate", day.toString(), "reason", "当天外出调研",
                "note", "学习党章"));
        return member.api().header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/v1/check-ins/make-ups").then().statusCode(201).extract().path("id");
    }

    static Set<UUID> only(String personId) {
        return Set.of(UUID.fromString(personId));
    }

    @Test
    void aMemberHearsOnceThatTheirFlaggedCheckInWasClearedOrRejected() {
        Map<String, Object> body = materialBody(branch);
        String title = (String) body.get("title");
        String material = material(body);
        Member cleared = member(branch);
        Member rejected = member(branch);
        String first = flagged(cleared, material);
        String second = flagged(rejected, material);
        String firstSubject = "check-in:" + first + ":reviewed";
        String secondSubject = "check-in:" + second + ":reviewed";

        // refused reviews (the member themself, a secretary out of sight, no reason) tell nobody anything
        problem(cleared.api().post("/v1/check-ins/" + first + "/clear").then(), 403, "FORBIDDEN");
        problem(Api.as("notice-outsider", Roles.SECRETARY, UUID.fromString(otherBranch))
                .post("/v1/check-ins/" + first + "/clear").then(), 404, "NOT_FOUND");
        problem(secretary().body(Map.of()).post("/v1/check-ins/" + second + "/reject").then(), 400,
                "VALIDATION_FAILED");
        assertEquals(0, NoticeRows.count(REVIEWED, firstSubject));
        assertEquals(0, NoticeRows.count(REVIEWED, secondSubject));

        clock.advance(Duration.ofHours(2));
        Instant clearedAt = TestTime.now();
        secretary().post("/v1/check-ins/" + first + "/clear").then().statusCode(200);
        List<NoticeRows.Row> rows = NoticeRows.of(REVIEWED, firstSubject);
        assertEquals(1, rows.size());
        assertEquals(UUID.fromString(cleared.personId()), rows.get(0).personId());
        assertEquals(clearedAt, rows.get(0).dueAt(), "due at once");
        assertEquals(Map.of("title", title, "time", today.toString(), "state", "已通过"), rows.get(0).fields());
        assertEquals("/v1/check-ins/" + first, rows.get(0).link());

        secretary().body(Map.of("reason", "未打开资料")).post("/v1/check-ins/" + second + "/reject").then()
                .statusCode(200);
        assertEquals(only(rejected.personId()), NoticeRows.recipients(REVIEWED, secondSubject));
        assertEquals(Map.of("title", title, "time", today.toString(), "state", "未通过"),
                NoticeRows.of(REVIEWED, secondSubject).get(0).fields(), "never the reviewer's reason");

        // decided already: 409, and no second notice
        problem(secretary().post("/v1/check-ins/" + first + "/clear").then(), 409, "CHECK_IN_NOT_FLAGGED");
        problem(secretary().body(Map.of("reason", "再次")).post("/v1/check-ins/" + second + "/reject").then(), 409,
                "CHECK_IN_NOT_FLAGGED");
        assertEquals(1, NoticeRows.count(REVIEWED, firstSubject));
        assertEquals(1, NoticeRows.count(REVIEWED, secondSubject));
    }

    @Test
    void aMemberHearsThatTheirMakeUpWasApprovedOrRejected() {
        Member member = member(branch);
        String approved = makeUp(member, today.minusDays(1));
        String rejected = makeUp(member, today.minusDays(2));

        problem(member.api().post("/v1/check-ins/make-ups/" + approved + "/approve").then(), 403, "FORBIDDEN");
        assertEquals(0, NoticeRows.count(REVIEWED, "make-up:" + approved + ":%"));

        secretary().post("/v1/check-ins/make-ups/" + approved + "/approve").then().statusCode(200);
        secretary().body(Map.of("reason", "不符合")).post("/v1/check-ins/make-ups/" + rejected + "/reject").then()
                .statusCode(200);
        problem(secretary().post("/v1/check-ins/make-ups/" + approved + "/approve").then(), 409,
                "MAKE_UP_ALREADY_DECIDED");

        List<NoticeRows.Row> yes = NoticeRows.of(REVIEWED, "make-up:" + approved + ":reviewed");
        assertEquals(1, yes.size());
        assertEquals(UUID.fromString(member.personId()), yes.get(0).personId());
        assertEquals(Map.of("title", "学习打卡", "time", today.minusDays(1).toString(), "state", "已通过"),
                yes.get(0).fields());
        assertEquals("/v1/check-ins/make-ups/" + approved, yes.get(0).link());
        List<NoticeRows.Row> no = NoticeRows.of(REVIEWED, "make-up:" + rejected + ":reviewed");
        assertEquals(1, no.size());
        assertEquals(Map.of("title", "学习打卡", "time", today.minusDays(2).toString(), "state", "未通过"),
                no.get(0).fields());
    }

    @Test
    void reviewersGetADailyCountOfWhatWaitsForThem() {
        String material = material(branch);
        Member secretaryMember = member(branch);
        StudyFixtures.grant(secretaryMember, Roles.SECRETARY, branch);
        Member committeeAdmin = member(otherBranch);
        StudyFixtures.grant(committeeAdmin, Roles.ORG_ADMIN, committee);
        Member idleSecretary = member(otherBranch);
        StudyFixtures.grant(idleSecretary, Roles.SECRETARY, otherBranch);
        Member groupLeader = member(branch);
        StudyFixtures.grant(groupLeader, Roles.GROUP_LEADER, branch);

        String one = flagged(member(branch), material);
        flagged(member(branch), material);
        makeUp(member(branch), today.minusDays(1));
        flagged(secretaryMember, material); // their own: they may not review it
        String credited = member(branch).api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("note", "学习党章")).post("/v1/check-ins").then().statusCode(201)
                .body("checkIn.status", equalTo("CREDITED")).extract().path("checkIn.id");
        assertTrue(credited != null);

        Instant now = TestTime.now();
        Map<UUID, Notice> notices = collect(now);
        assertCount(notices, secretaryMember, 3, now);
        assertCount(notices, committeeAdmin, 4, now);
        assertTrue(!notices.containsKey(UUID.fromString(idleSecretary.personId())), "nothing waits in their branch");
        assertTrue(!notices.containsKey(UUID.fromString(groupLeader.personId())), "a group leader reviews nothing");

        // later the same day: fewer waiting, the same subject (one notice per person and day)
        secretary().post("/v1/check-ins/" + one + "/clear").then().statusCode(200);
        clock.advance(Duration.ofHours(3));
        Map<UUID, Notice> later = collect(TestTime.now());
        assertCount(later, secretaryMember, 2, TestTime.now());
        assertEquals(notices.get(UUID.fromString(secretaryMember.personId())).subject(),
                later.get(UUID.fromString(secretaryMember.personId())).subject());
    }

    Map<UUID, Notice> collect(Instant now) {
        List<Notice> notices = QuarkusTransaction.requiringNew().call(() -> digest.collect(now));
        Map<UUID, List<Notice>> byPerson = notices.stream()
                .collect(Collectors.groupingBy(n -> n.recipients().iterator().next()));
        byPerson.forEach((person, list) -> assertEquals(1, list.size(), "one notice per person"));
        notices.forEach(n -> assertEquals(1, n.recipients().size()));
        return notices.stream().collect(Collectors.toMap(n -> n.recipients().iterator().next(), n -> n));
    }

    void assertCount(Map<UUID, Notice> notices, Member reviewer, int count, Instant now) {
        Notice notice = notices.get(UUID.fromString(reviewer.personId()));
        assertTrue(notice != null, "a notice for the reviewer");
        assertEquals("REVIEWS_WAITING", notice.kind().name());
        assertEquals("reviews-waiting:" + reviewer.personId() + ":" + today, notice.subject());
        assertEquals(now, notice.dueAt());
        assertEquals(Map.of("count", Integer.toString(count), "title", "待审核的打卡与补卡"), notice.fields());
    }
}
