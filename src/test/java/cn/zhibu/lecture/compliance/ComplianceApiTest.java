package cn.zhibu.lecture.compliance;

import static cn.zhibu.lecture.compliance.OrgLifeFixtures.attendance;
import static cn.zhibu.lecture.compliance.OrgLifeFixtures.session;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The yearly compliance view over a year, on 15 May 2030: periods held, missed, due and upcoming per kind, party
 * group meetings per group, attendance rates, the branch's requirements, and a committee's branches side by side.
 */
@QuarkusTest
class ComplianceApiTest {

    private static final LocalDate TODAY = LocalDate.of(2030, 5, 15);

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void onTheFifteenthOfMay() {
        clock.set(OffsetDateTime.parse("2030-05-15T12:00:00+08:00").toInstant());
    }

    static RequestSpecification secretary(String branch) {
        return Api.as("org-life-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    private static JsonPath kind(JsonPath report, String kind) {
        return new JsonPath(report.prettify()).setRoot("kinds.find { it.kind == '" + kind + "' }");
    }

    @Test
    void aBranchsYearShowsWhatWasHeldMissedAndIsDue() {
        String committee = OrgFixtures.unit("COMMITTEE", null);
        String branch = OrgFixtures.unit("BRANCH", committee);
        String first = OrgFixtures.unit("PARTY_GROUP", branch);
        String second = OrgFixtures.unit("PARTY_GROUP", branch);
        String present = OrgFixtures.person("出席" + UUID.randomUUID().toString().substring(0, 4), branch);
        String onLeave = OrgFixtures.person("请假" + UUID.randomUUID().toString().substring(0, 4), branch);
        onTheFifteenthOfMay();
        // branch committee: January, February and April held, March missed, May planned (due), June planned
        String january = session(branch, "BRANCH_COMMITTEE", LocalDate.of(2030, 1, 10), "HELD", null, null);
        session(branch, "BRANCH_COMMITTEE", LocalDate.of(2030, 2, 10), "HELD", null, null);
        session(branch, "BRANCH_COMMITTEE", LocalDate.of(2030, 4, 10), "HELD", null, null);
        session(branch, "BRANCH_COMMITTEE", LocalDate.of(2030, 5, 20), "PLANNED", null, null);
        session(branch, "BRANCH_COMMITTEE", LocalDate.of(2030, 6, 10), "PLANNED", null, null);
        attendance(january, present, "PRESENT");
        attendance(january, onLeave, "LEAVE");
        // a cancelled themed party day does not count; a confirmed party lecture that has started does
        session(branch, "THEMED_PARTY_DAY", LocalDate.of(2030, 1, 20), "CANCELLED", null, null);
        session(branch, "PARTY_LECTURE", LocalDate.of(2030, 4, 20), "CONFIRMED", null, null);
        session(branch, "PARTY_GROUP_MEETING", LocalDate.of(2030, 2, 5), "HELD", first, null);
        session(branch, "INTEGRITY_EDUCATION", LocalDate.of(2030, 3, 5), "HELD", null, null);

        JsonPath report = secretary(branch).queryParam("unitId", branch).queryParam("year", 2030)
                .get("/v1/org-life/compliance").then().statusCode(200).body("asOf", equalTo(TODAY.toString()))
                .body("unitKind", equalTo("BRANCH")).body("kinds", hasSize(10)).body("branches", hasSize(1))
                .extract().jsonPath();
        JsonPath committeeMeetings = kind(report, "BRANCH_COMMITTEE");
        assertEquals(List.of("MONTHLY", 12, 3, 1, 1, 7, 3), List.of(committeeMeetings.getString("frequency"),
                committeeMeetings.getInt("required"), committeeMeetings.getInt("held"),
                committeeMeetings.getInt("missed"), committeeMeetings.getInt("due"),
                committeeMeetings.getInt("upcoming"), committeeMeetings.getInt("sessionsHeld")));
        assertEquals(List.of("HELD", "HELD", "MISSED", "HELD", "DUE", "UPCOMING"),
                committeeMeetings.getList("periods.state").subList(0, 6));
        assertEquals(List.of("PLANNED"), committeeMeetings.getList("periods[4].sessions.counted"));
        // January's attendance: one present of the two members expected
        assertEquals(List.of(1, 2, 0.5f), List.of(committeeMeetings.getInt("periods[0].sessions[0].present"),
                committeeMeetings.getInt("periods[0].sessions[0].expected"),
                committeeMeetings.getFloat("periods[0].sessions[0].attendanceRate")));
        assertEquals(null, (Object) committeeMeetings.get("periods[4].sessions[0].attendanceRate"));

        JsonPath themed = kind(report, "THEMED_PARTY_DAY");
        assertEquals(List.of(0, 4, 1, 7), List.of(themed.getInt("held"), themed.getInt("missed"), themed.getInt("due"),
                themed.getInt("upcoming")));
        JsonPath lectures = kind(report, "PARTY_LECTURE");
        assertEquals(List.of("MISSED", "HELD", "UPCOMING", "UPCOMING"), lectures.getList("periods.state"));
        assertEquals(List.of("CONFIRMED"), lectures.getList("periods[1].sessions.state"));
        JsonPath integrity = kind(report, "INTEGRITY_EDUCATION");
        assertEquals(List.of("NONE", 0, 1), List.of(integrity.getString("frequency"), integrity.getInt("required"),
                integrity.getInt("sessionsHeld")));
        // party group meetings: one row per group, each held to its own months
        List<Map<String, Object>> groups = report.getList("kinds.findAll { it.kind == 'PARTY_GROUP_MEETING' }");
        assertEquals(2, groups.size());
        Map<String, Object> firstGroup = groups.stream().filter(g -> first.equals(g.get("partyGroupId"))).findFirst()
                .orElseThrow();
        Map<String, Object> secondGroup = groups.stream().filter(g -> second.equals(g.get("partyGroupId")))
                .findFirst().orElseThrow();
        assertEquals(List.of(1, 3), List.of(firstGroup.get("held"), firstGroup.get("missed")));
        assertEquals(List.of(0, 4), List.of(secondGroup.get("held"), secondGroup.get("missed")));
        // the branch's row sums the groups
        String groupTotals = "branches[0].kinds.find { it.kind == 'PARTY_GROUP_MEETING' }";
        assertEquals(List.of(24, 1, 7, 2), List.of(report.getInt(groupTotals + ".required"),
                report.getInt(groupTotals + ".held"), report.getInt(groupTotals + ".missed"),
                report.getInt(groupTotals + ".due")));
        // nobody attended enough: both members are below 32 hours, the one present with 2 hours
        assertEquals(List.of(2, 2), List.of(report.getInt("studyHours.members"),
                report.getInt("studyHours.membersBelow")));
        assertEquals(List.of(onLeave, present), report.getList("studyHours.below.personId"));
        assertEquals(List.of(0.0f, 2.0f), report.getList("studyHours.below.earned", Float.class));
        assertEquals(2, report.getInt("branches[0].membersBelowStudyHours"));

        // the committee's org admin sees the branch side by side with the committee's other branches
        String other = OrgFixtures.unit("BRANCH", committee);
        JsonPath overview = Api.as("org-life-committee-admin", Roles.ORG_ADMIN, UUID.fromString(committee))
                .queryParam("unitId", committee).queryParam("year", 2030).get("/v1/org-life/compliance").then()
                .statusCode(200).body("unitKind", equalTo("COMMITTEE")).body("kinds", hasSize(0))
                .body("studyHours", equalTo(null)).body("branches", hasSize(2)).extract().jsonPath();
        assertEquals(List.of(3, 1), committeeMeetings(overview, branch));
        assertEquals(List.of(0, 4), committeeMeetings(overview, other));
    }

    @Test
    void aBranchsChoicesOverrideTheDefaultsUnderIfMatch() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String group = OrgFixtures.unit("PARTY_GROUP", branch);
        secretary(branch).get("/v1/org-units/" + branch + "/org-life-requirements").then().statusCode(200)
                .header("ETag", "\"0\"").body("version", equalTo(0)).body("requirements", hasSize(9))
                .body("requirements.find { it.kind == 'MEMBER_ASSEMBLY' }.frequency", equalTo("QUARTERLY"))
                .body("requirements.find { it.kind == 'ORG_LIFE_MEETING' }.frequency", equalTo("YEARLY"))
                .body("requirements.find { it.kind == 'STUDY_SESSION' }.frequency", equalTo("NONE"))
                .body("requirements.chosen.unique()", equalTo(List.of(false)));
        Map<String, Object> monthlyLectures = Map.of("requirements", List.of(Map.of("kind", "PARTY_LECTURE",
                "frequency", "MONTHLY"), Map.of("kind", "STUDY_SESSION", "frequency", "HALF_YEARLY")));
        secretary(branch).body(monthlyLectures).put("/v1/org-units/" + branch + "/org-life-requirements").then()
                .statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1))
                .body("updatedBy", equalTo(secretaryAccount(branch)))
                .body("requirements.find { it.kind == 'PARTY_LECTURE' }.frequency", equalTo("MONTHLY"))
                .body("requirements.find { it.kind == 'PARTY_LECTURE' }.defaultFrequency", equalTo("QUARTERLY"))
                .body("requirements.find { it.kind == 'PARTY_LECTURE' }.chosen", equalTo(true));
        // later choices name the version last read
        String path = "/v1/org-units/" + branch + "/org-life-requirements";
        Map<String, Object> none = Map.of("requirements", List.of());
        problem(secretary(branch).body(none).put(path).then(), 428, "PRECONDITION_REQUIRED");
        problem(secretary(branch).header("If-Match", "\"0\"").body(none).put(path).then(), 412, "PRECONDITION_FAILED");
        problem(secretary(branch).header("If-Match", "\"1\"").body(Map.of("requirements", List.of(
                Map.of("kind", "PARTY_LECTURE", "frequency", "MONTHLY"),
                Map.of("kind", "PARTY_LECTURE", "frequency", "YEARLY")))).put(path).then(), 422,
                "ORG_LIFE_KIND_REPEATED");
        problem(secretary(branch).header("If-Match", "\"1\"").body(Map.of("requirements", List.of(
                Map.of("kind", "PARTY_LECTURE", "frequency", "WEEKLY")))).put(path).then(), 400, "VALIDATION_FAILED");
        problem(secretary(branch).header("If-Match", "\"1\"").body(Map.of("requirements", List.of(
                Map.of("kind", "PARTY_LECTURE")))).put(path).then(), 400, "VALIDATION_FAILED");
        problem(secretary(branch).body(none).put("/v1/org-units/" + group + "/org-life-requirements").then(), 422,
                "ORG_LIFE_UNIT_NOT_SUPPORTED");
        problem(Api.as("org-life-member", Roles.MEMBER, UUID.fromString(branch)).header("If-Match", "\"1\"")
                .body(none).put(path).then(), 403, "FORBIDDEN");
        assertEquals(2, Sql.count("select count(*) from org_life_requirement where branch_id = ?1", branch));
        assertEquals(1, Sql.count("select version from org_life_requirement_set where branch_id = ?1", branch));

        // the view counts twelve party lectures now
        secretary(branch).queryParam("unitId", branch).get("/v1/org-life/compliance").then().statusCode(200)
                .body("kinds.find { it.kind == 'PARTY_LECTURE' }.required", equalTo(12))
                .body("kinds.find { it.kind == 'STUDY_SESSION' }.required", equalTo(2));
        // back to the defaults
        secretary(branch).header("If-Match", "\"1\"").body(none).put(path).then().statusCode(200)
                .body("version", equalTo(2)).body("requirements.chosen.unique()", equalTo(List.of(false)));
        assertEquals(0, Sql.count("select count(*) from org_life_requirement where branch_id = ?1", branch));
    }

    @Test
    void groupMeetingsExpectTheGroupAndCommitteeMeetingsTheCommittee() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String group = OrgFixtures.unit("PARTY_GROUP", branch);
        String inGroup = cn.zhibu.study.StudyFixtures.member(branch, group).personId();
        String other = OrgFixtures.person("支委" + UUID.randomUUID().toString().substring(0, 4), branch);
        OrgFixtures.person("党员" + UUID.randomUUID().toString().substring(0, 4), branch);
        onTheFifteenthOfMay();
        attendance(session(branch, "PARTY_GROUP_MEETING", LocalDate.of(2030, 1, 8), "HELD", group, null), inGroup,
                "PRESENT");
        String committee = session(branch, "BRANCH_COMMITTEE", LocalDate.of(2030, 1, 9), "HELD", null, null);
        attendance(committee, other, "PRESENT");
        attendance(committee, inGroup, "ABSENT");
        Sql.execute("insert into branch_committee_member (branch_id, person_id, post, position, since) values "
                + "(?1, ?2, 'SECRETARY', 1, date '2029-01-01')", branch, other);
        JsonPath report = secretary(branch).queryParam("unitId", branch).queryParam("year", 2030)
                .get("/v1/org-life/compliance").then().statusCode(200).extract().jsonPath();
        // one of the group's one member; the roster's one member and the absent one with a record
        assertEquals(List.of(1, 1), List.of(
                report.getInt("kinds.find { it.kind == 'PARTY_GROUP_MEETING' }.periods[0].sessions[0].present"),
                report.getInt("kinds.find { it.kind == 'PARTY_GROUP_MEETING' }.periods[0].sessions[0].expected")));
        assertEquals(List.of(1, 2), List.of(
                report.getInt("kinds.find { it.kind == 'BRANCH_COMMITTEE' }.periods[0].sessions[0].present"),
                report.getInt("kinds.find { it.kind == 'BRANCH_COMMITTEE' }.periods[0].sessions[0].expected")));
        // the branch's other sessions expect its three members
        attendance(session(branch, "THEMED_PARTY_DAY", LocalDate.of(2030, 1, 10), "HELD", null, null), other,
                "PRESENT");
        secretary(branch).queryParam("unitId", branch).queryParam("year", 2030).get("/v1/org-life/compliance")
                .then().statusCode(200)
                .body("kinds.find { it.kind == 'THEMED_PARTY_DAY' }.periods[0].sessions[0].expected", equalTo(3));
    }

    @Test
    void parallelChoicesNamingTheSameVersionApplyOnce() throws Exception {
        String branch = OrgFixtures.unit("BRANCH", null);
        String path = "/v1/org-units/" + branch + "/org-life-requirements";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (String frequency : List.of("MONTHLY", "QUARTERLY", "HALF_YEARLY", "YEARLY", "NONE", "MONTHLY")) {
                RequestSpecification request = secretary(branch).header("If-Match", "\"0\"").body(Map.of(
                        "requirements", List.of(Map.of("kind", "FIELD_TEACHING", "frequency", frequency))));
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.put(path).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Sql.count("select version from org_life_requirement_set where branch_id = ?1", branch));
        assertEquals(1, Sql.count("select count(*) from org_life_requirement where branch_id = ?1", branch));
    }

    @Test
    void onlyTheUnitsSecretaryAndOrgAdminsAboveReadIt() {
        String committee = OrgFixtures.unit("COMMITTEE", null);
        String branch = OrgFixtures.unit("BRANCH", committee);
        String group = OrgFixtures.unit("PARTY_GROUP", branch);
        String path = "/v1/org-life/compliance";
        problem(Api.as("org-life-member", Roles.MEMBER, UUID.fromString(branch)).queryParam("unitId", branch).get(path)
                .then(), 403, "FORBIDDEN");
        problem(Api.as("org-life-leader", Roles.GROUP_LEADER, UUID.fromString(group)).queryParam("unitId", group)
                .get(path).then(), 403, "FORBIDDEN");
        problem(Api.as("org-life-other", Roles.SECRETARY, UUID.fromString(OrgFixtures.unit("BRANCH", committee)))
                .queryParam("unitId", branch).get(path).then(), 404, "NOT_FOUND");
        // a branch's secretary does not read the committee's view
        int committeeStatus = secretary(branch).queryParam("unitId", committee).get(path).statusCode();
        assertEquals(true, committeeStatus == 403 || committeeStatus == 404, "status " + committeeStatus);
        problem(Api.as("org-admin", Roles.ORG_ADMIN).queryParam("unitId", group).get(path).then(), 422,
                "ORG_LIFE_UNIT_NOT_SUPPORTED");
        problem(secretary(branch).queryParam("unitId", branch).queryParam("year", "1999").get(path).then(), 400,
                "INVALID_PARAMETER");
        problem(secretary(branch).get(path).then(), 400, "INVALID_PARAMETER");
        problem(Api.anonymous().queryParam("unitId", branch).get(path).then(), 401, "UNAUTHENTICATED");
    }

    /** Held and missed branch committee meetings in a branch's row. */
    private static List<Integer> committeeMeetings(JsonPath overview, String branch) {
        String row = "branches.find { it.branchId == '" + branch + "' }.kinds.find { it.kind == 'BRANCH_COMMITTEE' }";
        return List.of(overview.getInt(row + ".held"), overview.getInt(row + ".missed"));
    }

    private static String secretaryAccount(String branch) {
        return secretary(branch).get("/v1/me").then().statusCode(200).extract().path("id");
    }
}
