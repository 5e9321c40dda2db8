package cn.zhibu.notify;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A member's choices for WeChat (kinds wanted, templates accepted), a branch's quiet hours, and the operators' list of
 * deliveries (the test profile sets templates for SESSION_COMING and, shared, SWAP_ASKED and SWAP_ANSWERED).
 */
@QuarkusTest
class MemberChoicesApiTest {

    private static final String PREFERENCES = "/v1/me/notification-preferences";
    private static final String SUBSCRIPTIONS = "/v1/me/wechat-subscriptions";

    @Inject
    TestClock clock;

    @Test
    void everyKindIsOnUntilTurnedOffAndOnlyTheListedKindsChange() {
        Member member = StudyFixtures.member(OrgFixtures.unit("BRANCH", null));
        String etag = member.api().get(PREFERENCES).then().statusCode(200)
                .body("items", hasSize(NoticeKind.values().length)).body("items.wechat", everyItem(equalTo(true)))
                .extract().header("ETag");
        member.api().header("If-None-Match", etag).get(PREFERENCES).then().statusCode(304);
        member.api().body(Map.of("items", List.of(Map.of("kind", "SWAP_ASKED", "wechat", false),
                Map.of("kind", "SESSION_COMING", "wechat", false)))).put(PREFERENCES).then().statusCode(200);
        member.api().header("If-None-Match", etag).get(PREFERENCES).then().statusCode(200);
        member.api().body(Map.of("items", List.of(Map.of("kind", "SESSION_COMING", "wechat", true))))
                .put(PREFERENCES).then().statusCode(200)
                .body("items.find { it.kind == 'SWAP_ASKED' }.wechat", equalTo(false))
                .body("items.find { it.kind == 'SESSION_COMING' }.wechat", equalTo(true))
                .body("items.find { it.kind == 'LECTURE_SLOT_COMING' }.wechat", equalTo(true));

        problem(member.api().body(Map.of("items", List.of())).put(PREFERENCES).then(), 400, "VALIDATION_FAILED");
        problem(member.api().body(Map.of("items", List.of(Map.of("kind", "YOU_HAVE_NOT_CHECKED_IN", "wechat", true))))
                .put(PREFERENCES).then(), 400, "VALIDATION_FAILED");
        problem(member.api().body(Map.of("items", List.of(Map.of("kind", "SWAP_ASKED")))).put(PREFERENCES).then(),
                400, "VALIDATION_FAILED");
        assertEquals(2, Sql.count("select count(*) from notification_preference where person_id = ?1",
                UUID.fromString(member.personId())));
    }

    @Test
    void eachAcceptanceIsACreditABanDropsThemAndAnUnknownTemplateRecordsNothing() {
        Member member = StudyFixtures.member(OrgFixtures.unit("BRANCH", null));
        member.api().get(SUBSCRIPTIONS).then().statusCode(200).body("sending", equalTo(true))
                .body("templates.templateId", contains("tmpl-session-coming", "tmpl-swap"))
                .body("templates[1].kinds", contains("SWAP_ASKED", "SWAP_ANSWERED"))
                .body("templates.credits", contains(0, 0));
        member.api().body(Map.of("results", Map.of("tmpl-swap", "accept", "tmpl-session-coming", "reject")))
                .post(SUBSCRIPTIONS).then().statusCode(200).body("templates.credits", contains(0, 1));
        member.api().body(Map.of("results", Map.of("tmpl-swap", "accept", "tmpl-session-coming", "accept")))
                .post(SUBSCRIPTIONS).then().statusCode(200).body("templates.credits", contains(1, 2));

        problem(member.api().body(Map.of("results", Map.of("tmpl-swap", "accept", "tmpl-unknown", "accept")))
                .post(SUBSCRIPTIONS).then(), 422, "WECHAT_TEMPLATE_UNKNOWN");
        problem(member.api().body(Map.of("results", Map.of("tmpl-swap", "maybe"))).post(SUBSCRIPTIONS).then(), 400,
                "VALIDATION_FAILED");
        problem(member.api().body(Map.of("results", Map.of())).post(SUBSCRIPTIONS).then(), 400, "VALIDATION_FAILED");
        member.api().get(SUBSCRIPTIONS).then().statusCode(200).body("templates.credits", contains(1, 2));

        member.api().body(Map.of("results", Map.of("tmpl-swap", "ban"))).post(SUBSCRIPTIONS).then().statusCode(200)
                .body("templates.credits", contains(1, 0));
        assertEquals(3, Sql.count("select sum(accepted) from wechat_subscription where person_id = ?1",
                UUID.fromString(member.personId())));
    }

    @Test
    void aBranchChoosesItsQuietHoursWithIfMatch() {
        String committee = OrgFixtures.unit("COMMITTEE", null);
        String branch = OrgFixtures.unit("BRANCH", committee);
        String department = OrgFixtures.unit("DEPARTMENT", branch);
        String path = "/v1/org-units/" + branch + "/quiet-hours";
        var secretary = (java.util.function.Supplier<io.restassured.specification.RequestSpecification>) () ->
                Api.as("quiet-secretary", Roles.SECRETARY, UUID.fromString(branch));
        secretary.get().get(path).then().statusCode(200).header("ETag", "\"0\"").body("from", equalTo("22:00"))
                .body("until", equalTo("07:30")).body("chosen", equalTo(false));
        secretary.get().header("If-None-Match", "\"0\"").get(path).then().statusCode(304);
        secretary.get().body(Map.of("from", "21:00", "until", "08:00")).put(path).then().statusCode(200)
                .header("ETag", "\"1\"").body("chosen", equalTo(true)).body("from", equalTo("21:00"));
        problem(secretary.get().body(Map.of("from", "22:00", "until", "07:00")).put(path).then(), 428,
                "PRECONDITION_REQUIRED");
        problem(secretary.get().header("If-Match", "\"0\"").body(Map.of("from", "22:00", "until", "07:00")).put(path)
                .then(), 412, "PRECONDITION_FAILED");
        secretary.get().header("If-Match", "\"1\"").body(Map.of("from", "12:00", "until", "13:30")).put(path).then()
                .statusCode(200).body("until", equalTo("13:30")).body("version", equalTo(2));

        problem(secretary.get().header("If-Match", "\"2\"").body(Map.of("from", "24:00", "until", "07:00")).put(path)
                .then(), 400, "VALIDATION_FAILED");
        problem(secretary.get().body(Map.of("from", "22:00", "until", "07:00"))
                .put("/v1/org-units/" + department + "/quiet-hours").then(), 422, "QUIET_HOURS_NOT_A_BRANCH");
        problem(Api.as("quiet-member", Roles.MEMBER, UUID.fromString(branch)).header("If-Match", "\"2\"")
                .body(Map.of("from", "22:00", "until", "07:00")).put(path).then(), 403, "FORBIDDEN");
        String elsewhere = OrgFixtures.unit("BRANCH", null);
        problem(Api.as("quiet-elsewhere", Roles.SECRETARY, UUID.fromString(elsewhere)).get(path).then(), 404,
                "NOT_FOUND");
        assertEquals(1, Sql.count("select count(*) from notification_quiet_hours where unit_id = ?1 and version = 2 "
                + "and starts_at = '12:00' and ends_at = '13:30'", UUID.fromString(branch)));
    }

    @Test
    void orgAdminsListDeliveriesWithFilters() {
        String committee = OrgFixtures.unit("COMMITTEE", null);
        String branch = OrgFixtures.unit("BRANCH", committee);
        String other = OrgFixtures.unit("BRANCH", null);
        Member here = StudyFixtures.member(branch);
        Member there = StudyFixtures.member(other);
        String tag = UUID.randomUUID().toString();
        NoticeFixtures.raise(NoticeKind.SWAP_ASKED, "swap:" + tag, clock.instant(), Map.of("title", "调换"),
                here.personId(), there.personId());
        NoticeFixtures.raise(NoticeKind.SESSION_COMING, "session:" + tag, clock.instant(), Map.of("title", "党日"),
                here.personId());
        NoticeFixtures.raise(NoticeKind.PLAN_ITEM_DUE, "plan:" + tag, clock.instant(), Map.of("title", "计划"),
                here.personId());
        NoticeFixtures.raise(NoticeKind.DECLARATION_WAITING, "declaration:" + tag, clock.instant(), Map.of(),
                here.personId());
        cn.zhibu.testing.Sql.execute("insert into notification_delivery (notification_id, person_id, kind, due_at, "
                + "next_attempt_at, updated_at) select id, person_id, kind, due_at, due_at, due_at from notification "
                + "where subject = ?1", "declaration:" + tag);

        // an org admin does not see that a declaration waits (integrity files are not theirs); one who is also an
        // integrity officer there does
        var admin = Api.as("deliveries-admin", Roles.ORG_ADMIN, UUID.fromString(committee));
        admin.queryParam("unitId", committee).get("/v1/notification-deliveries").then().statusCode(200)
                .body("items", hasSize(2)).body("items.personId", everyItem(equalTo(here.personId())))
                .body("items.state", everyItem(equalTo("PENDING")));
        UUID both = cn.zhibu.testing.TestAccounts.account("deliveries-both", UUID.fromString(committee),
                Roles.ORG_ADMIN, Roles.INTEGRITY_OFFICER);
        Api.bearer(cn.zhibu.testing.TestAccounts.token(both)).queryParam("unitId", committee)
                .get("/v1/notification-deliveries").then().statusCode(200).body("items", hasSize(3));
        Api.as("deliveries-admin", Roles.ORG_ADMIN, UUID.fromString(committee)).queryParam("unitId", committee)
                .queryParam("kind", "SWAP_ASKED").get("/v1/notification-deliveries").then().statusCode(200)
                .body("items.kind", contains("SWAP_ASKED")).body("items[0].attempts", equalTo(0));
        Api.as("org-admin", Roles.ORG_ADMIN).queryParam("personId", there.personId())
                .get("/v1/notification-deliveries").then().statusCode(200).body("items", hasSize(1));
        Api.as("org-admin", Roles.ORG_ADMIN).queryParam("personId", there.personId()).queryParam("state", "SENT")
                .get("/v1/notification-deliveries").then().statusCode(200).body("items", hasSize(0));
        problem(Api.as("deliveries-admin", Roles.ORG_ADMIN, UUID.fromString(committee))
                .get("/v1/notification-deliveries").then(), 403, "FORBIDDEN");
        problem(Api.as("org-admin", Roles.ORG_ADMIN).queryParam("state", "LOST").get("/v1/notification-deliveries")
                .then(), 400, "INVALID_PARAMETER");
        problem(Api.as("deliveries-secretary", Roles.SECRETARY, UUID.fromString(branch)).queryParam("unitId", branch)
                .get("/v1/notification-deliveries").then(), 403, "FORBIDDEN");
    }
}
