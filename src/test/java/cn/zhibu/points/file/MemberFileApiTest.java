package cn.zhibu.points.file;

import static cn.zhibu.points.PointsFixtures.rule;
import static cn.zhibu.testing.OrgFixtures.unit;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.platform.time.IsoWeek;
import cn.zhibu.points.ActivityType;
import cn.zhibu.points.PointsFixtures;
import cn.zhibu.points.PointsLedger;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestAccounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The member file over HTTP: totals, the rating band, the timeline page by page, the ETag, and who may read it. */
@QuarkusTest
class MemberFileApiTest {

    static final int YEAR = 2103;

    @Inject
    PointsLedger ledger;
    @Inject
    AgroalDataSource dataSource;

    String committee;
    String branch;
    String person;

    @BeforeEach
    void tree() {
        committee = unit("COMMITTEE", null);
        branch = unit("BRANCH", committee);
        person = PointsFixtures.person("档案" + UUID.randomUUID().toString().substring(0, 4),
                "F-" + UUID.randomUUID().toString().substring(0, 8), branch);
        rule(branch, ActivityType.MANUAL_AWARD, LocalDate.of(YEAR - 1, 1, 1), 1, null, null);
        rule(branch, ActivityType.CHECK_IN, LocalDate.of(YEAR, 1, 1), 1, 2, null);
        rule(branch, ActivityType.QUIZ, LocalDate.of(YEAR, 1, 1), 2, null, null);
    }

    String credit(ActivityType type, LocalDate date, Integer points) {
        return ledger.credit(new PointsLedger.Credit(UUID.fromString(person), UUID.fromString(branch), type, "TEST",
                UUID.randomUUID().toString(), date, points, "测试", "test")).id().toString();
    }

    RequestSpecification leader() {
        return Api.as("file-leader", Roles.GROUP_LEADER, UUID.fromString(branch));
    }

    Response file(RequestSpecification as, Object... query) {
        RequestSpecification request = as.queryParam("year", YEAR);
        for (int i = 0; i < query.length; i += 2) {
            request.queryParam((String) query[i], query[i + 1]);
        }
        return request.get("/v1/people/" + person + "/file");
    }

    @Test
    void theFileSumsTheYearsEntriesAndPagesItsTimeline() throws Exception {
        LocalDate january = LocalDate.of(YEAR, 1, 5);
        LocalDate march = LocalDate.of(YEAR, 3, 10);
        LocalDate last = LocalDate.of(YEAR, 12, 31);
        String fifty = credit(ActivityType.MANUAL_AWARD, january, 50);
        String forty = credit(ActivityType.MANUAL_AWARD, march, 40);
        String checkIn = credit(ActivityType.CHECK_IN, march, null);
        String quiz = credit(ActivityType.QUIZ, last, null);
        credit(ActivityType.MANUAL_AWARD, LocalDate.of(YEAR - 1, 12, 31), 7);
        String reversal = ledger.reverse(UUID.fromString(forty), "重复", "test").id().toString();

        Response read = file(leader(), "limit", 2);
        read.then().statusCode(200)
                .header("ETag", notNullValue())
                .body("personId", equalTo(person)).body("branchId", equalTo(branch)).body("year", equalTo(YEAR))
                .body("total", equalTo(53))
                .body("byActivity.activityType", contains("CHECK_IN", "MANUAL_AWARD", "QUIZ"))
                .body("byActivity.points", contains(1, 50, 2))
                .body("byWeek.isoWeek", contains(IsoWeek.of(january).toString(), IsoWeek.of(march).toString(),
                        IsoWeek.of(last).toString()))
                .body("byWeek.points", contains(50, 1, 2))
                .body("byMonth.month", contains(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12))
                .body("byMonth.points", contains(50, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2))
                .body("rating.name", equalTo("合格")).body("rating.label", equalTo("参考"))
                .body("rating.minPoints", equalTo(0))
                .body("rating.source", equalTo("DEFAULT")).body("rating.sourceUnitId", nullValue())
                .body("streak.current", equalTo(0)).body("streak.longest", equalTo(0))
                .body("streak.lastDay", nullValue())
                .body("timeline.items.id", contains(quiz, reversal))
                .body("timeline.items[1].reverses", equalTo(forty))
                .body("timeline.items[1].sourceType", equalTo("TEST"));
        MemberFileChecks.assertTotalsMatchLedger(dataSource, person, YEAR, read.as(Map.class));
        String next = read.path("timeline.nextCursor");
        Response second = leader().queryParam("year", YEAR).queryParam("limit", 2).queryParam("cursor", next)
                .get("/v1/people/" + person + "/file/timeline");
        second.then().statusCode(200).body("items.id", contains(checkIn, forty));
        String third = second.path("nextCursor");
        leader().queryParam("year", YEAR).queryParam("limit", 2).queryParam("cursor", third)
                .get("/v1/people/" + person + "/file/timeline").then().statusCode(200)
                .body("items.id", contains(fifty)).body("nextCursor", nullValue());
        problem(leader().queryParam("year", YEAR - 1).queryParam("cursor", next)
                .get("/v1/people/" + person + "/file/timeline").then(), 400, "INVALID_CURSOR");

        // the ETag: unchanged, 304; after a credit, another file and another tag
        String tag = read.header("ETag");
        file(leader(), "limit", 2).then().statusCode(200).header("ETag", equalTo(tag));
        file(leader().header("If-None-Match", tag), "limit", 2).then().statusCode(304);
        credit(ActivityType.MANUAL_AWARD, march, 30);
        Response changed = file(leader().header("If-None-Match", tag), "limit", 2);
        changed.then().statusCode(200).body("total", equalTo(83)).body("rating.name", equalTo("优秀"));
        assertNotEquals(tag, changed.header("ETag"));
        // another year: nothing but last year's one entry
        leader().queryParam("year", YEAR - 1).get("/v1/people/" + person + "/file").then().statusCode(200)
                .body("total", equalTo(7)).body("byWeek", hasSize(1)).body("timeline.items", hasSize(1));
    }

    @Test
    void everyReadAddsUpWhileCreditsArrive() throws Exception {
        int credits = 120;
        java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.Future<?> writing = writer.submit(() -> {
            for (int i = 0; i < credits; i++) {
                credit(ActivityType.MANUAL_AWARD, LocalDate.of(YEAR, 1, 1).plusDays(i * 3L % 365), 1 + i % 5);
            }
        });
        int reads = 0;
        try {
            while (!writing.isDone() || reads == 0) {
                Map<?, ?> file = file(leader(), "limit", 1).then().statusCode(200).extract().as(Map.class);
                long total = ((Number) file.get("total")).longValue();
                for (String part : List.of("byActivity", "byWeek", "byMonth")) {
                    long sum = ((List<?>) file.get(part)).stream()
                            .mapToLong(row -> ((Number) ((Map<?, ?>) row).get("points")).longValue()).sum();
                    org.junit.jupiter.api.Assertions.assertEquals(total, sum, part + " of read " + reads);
                }
                reads++;
            }
            writing.get();
        } finally {
            writer.shutdownNow();
        }
        System.out.printf("Member file: %d reads while %d credits arrived, each adding up%n", reads, credits);
        MemberFileChecks.assertTotalsMatchLedger(dataSource, person, YEAR, file(leader()).as(Map.class));
    }

    @Test
    void theRatingComesFromTheBranchOrAUnitAbove() {
        credit(ActivityType.MANUAL_AWARD, LocalDate.of(YEAR, 6, 1), 55);
        Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("bands", List.of(Map.of("name", "好", "minPoints", 50), Map.of("name", "中", "minPoints", 20))))
                .put("/v1/rating-bands/" + committee).then().statusCode(200);
        file(leader()).then().statusCode(200).body("rating.name", equalTo("好"))
                .body("rating.source", equalTo("INHERITED")).body("rating.sourceUnitId", equalTo(committee));
        Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("bands", List.of(Map.of("name", "甲", "minPoints", 90), Map.of("name", "乙", "minPoints", 60))))
                .put("/v1/rating-bands/" + branch).then().statusCode(200);
        file(leader()).then().statusCode(200).body("rating", nullValue());
    }

    @Test
    void aGroupLeaderReadsTheFilesAndLedgersOfTheirGroupsMembersOnly() {
        String group = unit("PARTY_GROUP", branch);
        String otherGroup = unit("PARTY_GROUP", branch);
        String member = memberOf(group);
        String stranger = memberOf(otherGroup);
        String entry = ledger.credit(new PointsLedger.Credit(UUID.fromString(member), UUID.fromString(branch),
                ActivityType.MANUAL_AWARD, "TEST", UUID.randomUUID().toString(), LocalDate.of(YEAR, 2, 1), 9, "小组",
                "test")).id().toString();
        String strangers = ledger.credit(new PointsLedger.Credit(UUID.fromString(stranger), UUID.fromString(branch),
                ActivityType.MANUAL_AWARD, "TEST", UUID.randomUUID().toString(), LocalDate.of(YEAR, 2, 1), 4, "小组",
                "test")).id().toString();
        RequestSpecification leader = Api.as("group-leader", Roles.GROUP_LEADER, UUID.fromString(group));
        leader.queryParam("year", YEAR).get("/v1/people/" + member + "/file").then().statusCode(200)
                .body("personId", equalTo(member)).body("branchId", equalTo(branch)).body("total", equalTo(9));
        Api.as("group-leader", Roles.GROUP_LEADER, UUID.fromString(group)).queryParam("year", YEAR)
                .get("/v1/people/" + member + "/file/timeline").then().statusCode(200).body("items.id", contains(entry));
        Api.as("group-leader", Roles.GROUP_LEADER, UUID.fromString(group)).queryParam("personId", member)
                .get("/v1/points/entries").then().statusCode(200).body("items.id", contains(entry));
        Api.as("group-leader", Roles.GROUP_LEADER, UUID.fromString(group)).get("/v1/points/entries/" + entry).then()
                .statusCode(200).body("points", equalTo(9));
        // a member of another group of the branch: neither that group nor the branch is within the leader's reach
        RequestSpecification again = Api.as("group-leader", Roles.GROUP_LEADER, UUID.fromString(group));
        problem(again.queryParam("year", YEAR).get("/v1/people/" + stranger + "/file").then(), 404, "NOT_FOUND");
        problem(Api.as("group-leader", Roles.GROUP_LEADER, UUID.fromString(group))
                .get("/v1/people/" + stranger + "/file/timeline").then(), 404, "NOT_FOUND");
        problem(Api.as("group-leader", Roles.GROUP_LEADER, UUID.fromString(group)).queryParam("personId", stranger)
                .get("/v1/points/entries").then(), 404, "NOT_FOUND");
        problem(Api.as("group-leader", Roles.GROUP_LEADER, UUID.fromString(group))
                .get("/v1/points/entries/" + strangers).then(), 404, "NOT_FOUND");
        // a member granted on the group sees the group but may not read points there: 403
        problem(Api.as("group-member", Roles.MEMBER, UUID.fromString(group)).queryParam("year", YEAR)
                .get("/v1/people/" + member + "/file").then(), 403, "FORBIDDEN");
    }

    /** A person of the branch who belongs to this party group of it. */
    private String memberOf(String group) {
        Map<String, Object> body = new java.util.HashMap<>(cn.zhibu.testing.OrgFixtures.personBody("组员"
                + UUID.randomUUID().toString().substring(0, 4), branch));
        body.put("groupIds", List.of(group));
        return Api.as("org-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/v1/people").then().statusCode(201).extract().path("id");
    }

    @Test
    void aMemberReadsTheirOwnFileAndOnlyThose() {
        String account = Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("personId", person, "role", "MEMBER",
                "unitId", branch)).post("/v1/grants").then().statusCode(201).extract().path("accountId");
        String own = TestAccounts.tokenForExisting(UUID.fromString(account));
        file(Api.bearer(own)).then().statusCode(200).body("personId", equalTo(person));
        Api.bearer(own).get("/v1/people/" + person + "/file/timeline").then().statusCode(200);
        String other = PointsFixtures.person("别人", "F-" + UUID.randomUUID().toString().substring(0, 8), branch);
        problem(Api.bearer(own).get("/v1/people/" + other + "/file").then(), 403, "FORBIDDEN");
        problem(file(Api.as("file-member", Roles.MEMBER, UUID.fromString(branch))).then(), 403, "FORBIDDEN");
        problem(file(Api.as("file-outsider", Roles.SECRETARY, UUID.fromString(unit("BRANCH", committee)))).then(), 404,
                "NOT_FOUND");
        problem(file(Api.anonymous()).then(), 401, "UNAUTHENTICATED");
        problem(leader().get("/v1/people/" + UUID.randomUUID() + "/file").then(), 404, "NOT_FOUND");
        problem(leader().queryParam("year", "20x6").get("/v1/people/" + person + "/file").then(), 400,
                "INVALID_PARAMETER");
        problem(leader().queryParam("year", "1999").get("/v1/people/" + person + "/file").then(), 400,
                "INVALID_PARAMETER");
        problem(leader().queryParam("limit", "0").get("/v1/people/" + person + "/file").then(), 400,
                "INVALID_PARAMETER");
        // without a year, this year's file
        leader().get("/v1/people/" + person + "/file").then().statusCode(200)
                .body("year", equalTo(PointsFixtures.today().getYear()));
    }
}
