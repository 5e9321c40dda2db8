package cn.zhibu.org.people;

import static cn.zhibu.testing.OrgFixtures.unit;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestTime;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** People over HTTP: details, the phone kept secret, memberships over time, search, political birthdays. */
@QuarkusTest
class PeopleApiTest {

    static final String PEOPLE = "/v1/people";

    @Inject
    AgroalDataSource dataSource;

    String committee;
    String branch;
    String group;
    String otherBranch;

    @BeforeEach
    void tree() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        committee = unit("COMMITTEE", "党委" + tag, null);
        branch = unit("BRANCH", "支部" + tag, committee);
        group = unit("PARTY_GROUP", "一组", branch);
        otherBranch = unit("BRANCH", "另一支部" + tag, committee);
    }


    Map<String, Object> person(String name, String status, String joined) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("gender", "FEMALE");
        body.put("birthDate", "1985-03-08");
        body.put("politicalStatus", status);
        body.put("partyJoinDate", joined);
        body.put("jobTitle", "科员");
        body.put("leadingCadre", false);
        body.put("phone", "13800138000");
        body.put("branchId", branch);
        body.put("groupIds", List.of(group));
        body.put("since", "2020-01-01");
        return body;
    }

    static Response create(Map<String, Object> body) {
        return Api.as("org-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post(PEOPLE);
    }

    static String created(Map<String, Object> body) {
        return create(body).then().statusCode(201).extract().path("id");
    }

    static Response read(String id) {
        return Api.as("org-admin", Roles.ORG_ADMIN).get(PEOPLE + "/" + id);
    }

    @Test
    void aPersonBelongsToABranchAndItsGroupsAndThePhoneStaysSecret() throws Exception {
        String id = created(person("王芳", "FULL", "2010-07-01"));
        read(id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("branchId", equalTo(branch))
                .body("groupIds", contains(group))
                .body("phone", equalTo("13800138000"))
                .body("active", equalTo(true));
        Api.as("secretary", Roles.SECRETARY, UUID.fromString(branch)).get(PEOPLE + "/" + id).then().statusCode(200)
                .body("phone", equalTo("138****8000"));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select phone_cipher from person where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                byte[] stored = r.getBytes(1);
                assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("13800138000"));
                assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("8000"));
            }
        }
    }

    @Test
    void detailsAreChecked() {
        Map<String, Object> badPhone = person("甲", "FULL", "2010-07-01");
        badPhone.put("phone", "12345");
        problem(create(badPhone).then(), 400, "VALIDATION_FAILED").body("errors[0].field", equalTo("phone"));
        problem(create(person("乙", "NON_MEMBER", "2010-07-01")).then(), 422, "PERSON_DATES_INCONSISTENT");
        problem(create(person("丙", "FULL", null)).then(), 422, "PERSON_DATES_INCONSISTENT");
        problem(create(person("丁", "FULL", "1995-01-01")).then(), 422, "PERSON_DATES_INCONSISTENT");
        Map<String, Object> groupAsBranch = person("戊", "ACTIVIST", null);
        groupAsBranch.put("branchId", group);
        problem(create(groupAsBranch).then(), 422, "PERSON_UNIT_KIND_WRONG");
        Map<String, Object> foreignGroup = person("己", "ACTIVIST", null);
        foreignGroup.put("branchId", otherBranch);
        problem(create(foreignGroup).then(), 422, "PERSON_UNIT_KIND_WRONG");
        Map<String, Object> nowhere = person("庚", "ACTIVIST", null);
        nowhere.put("branchId", UUID.randomUUID().toString());
        problem(create(nowhere).then(), 422, "PERSON_UNIT_NOT_FOUND");
        Map<String, Object> imported = person("辛", "ACTIVIST", null);
        imported.put("externalId", "HR-" + UUID.randomUUID().toString().substring(0, 8));
        create(imported).then().statusCode(201);
        problem(create(imported).then(), 409, "PERSON_EXTERNAL_ID_TAKEN");
    }

    @Test
    void transfersKeepHistory() {
        String id = created(person("李雷", "PROBATIONARY", "2025-06-01"));
        Map<String, Object> transfer = Map.of("branchId", otherBranch, "groupIds", List.of(), "date", "2026-03-01");
        Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"").body(transfer)
                .post(PEOPLE + "/" + id + "/transfer").then().statusCode(200)
                .body("branchId", equalTo(otherBranch)).body("groupIds.size()", equalTo(0)).header("ETag", "\"1\"");
        Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"").body(transfer)
                .post(PEOPLE + "/" + id + "/transfer").then().statusCode(412);
        problem(Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", "\"1\"")
                .body(Map.of("branchId", branch, "date", "2026-03-01")).post(PEOPLE + "/" + id + "/transfer").then(),
                422, "PERSON_DATE_TOO_EARLY");
        Response history = Api.as("reader", Roles.ORG_ADMIN).get(PEOPLE + "/" + id + "/memberships");
        history.then().statusCode(200).body("items.size()", equalTo(3));
        List<Map<String, String>> items = history.path("items");
        assertEquals(List.of("2020-01-01", "2020-01-01", "2026-03-01"),
                items.stream().map(m -> m.get("startDate")).toList());
        assertEquals(List.of("2026-02-28", "2026-02-28"),
                items.stream().map(m -> m.get("endDate")).filter(e -> e != null).toList());
    }

    @Test
    void leavingEndsMembershipsAndHidesThePersonFromSearch() {
        String name = "韩梅梅" + UUID.randomUUID().toString().substring(0, 4);
        String id = created(person(name, "FULL", "2010-07-01"));
        Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"").body(Map.of("date", "2026-06-30"))
                .post(PEOPLE + "/" + id + "/leave").then().statusCode(200)
                .body("active", equalTo(false)).body("branchId", nullValue()).body("leftOn", equalTo("2026-06-30"));
        assertEquals(List.of(), Api.as("reader", Roles.ORG_ADMIN).queryParam("q", name).get(PEOPLE).path("items.id"));
        assertEquals(List.of(id), Api.as("reader", Roles.ORG_ADMIN).queryParam("q", name).queryParam("includeLeft", true)
                .get(PEOPLE).path("items.id"));
        problem(Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", "\"1\"")
                .body(Map.of("branchId", branch, "date", "2026-08-01")).post(PEOPLE + "/" + id + "/transfer").then(),
                409, "PERSON_HAS_LEFT");
    }

    @Test
    void searchByNameAndUnitSubtreePageByPage() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        java.util.TreeMap<String, String> made = new java.util.TreeMap<>(); // by name, as the list orders
        for (String name : List.of("赵", "钱", "孙", "李", "周")) {
            made.put(name + tag, created(person(name + tag, "ACTIVIST", null)));
        }
        Map<String, Object> elsewhere = person("吴" + tag, "ACTIVIST", null);
        elsewhere.put("branchId", otherBranch);
        elsewhere.put("groupIds", List.of());
        String outside = created(elsewhere);

        List<String> inGroup = new ArrayList<>();
        String cursor = null;
        do {
            var request = Api.as("reader", Roles.ORG_ADMIN).queryParam("unitId", group).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(PEOPLE);
            inGroup.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(List.copyOf(made.values()), inGroup);
        List<String> inCommittee = Api.as("reader", Roles.ORG_ADMIN).queryParam("unitId", committee)
                .queryParam("limit", 100).get(PEOPLE).path("items.id");
        assertEquals(6, inCommittee.size());
        assertEquals(List.of(outside), Api.as("reader", Roles.ORG_ADMIN).queryParam("q", "吴" + tag).get(PEOPLE)
                .path("items.id"));
        assertEquals(List.of(), Api.as("reader", Roles.ORG_ADMIN).queryParam("q", "%").queryParam("unitId", group)
                .get(PEOPLE).path("items.id"));
    }

    @Test
    void politicalBirthdaysAcrossTheYearEndAndOnLeapDays() {
        String a = created(person("元旦入党", "FULL", "2005-01-01"));
        String b = created(person("岁末入党", "FULL", "2015-12-30"));
        String leap = created(person("闰日入党", "FULL", "2008-02-29"));
        created(person("积极分子", "ACTIVIST", null));
        Response december = Api.as("reader", Roles.ORG_ADMIN).queryParam("unitId", branch)
                .queryParam("from", "2026-12-15").queryParam("to", "2027-01-15").get(PEOPLE + "/political-birthdays");
        december.then().statusCode(200)
                .body("items.personId", contains(b, a))
                .body("items.anniversary", contains("2026-12-30", "2027-01-01"))
                .body("items.years", contains(11, 22));
        Api.as("reader", Roles.ORG_ADMIN).queryParam("unitId", committee)
                .queryParam("from", "2027-02-01").queryParam("to", "2027-02-28").get(PEOPLE + "/political-birthdays")
                .then().statusCode(200)
                .body("items.personId", contains(leap))
                .body("items.anniversary", contains("2027-02-28"));
        Api.as("reader", Roles.ORG_ADMIN).queryParam("unitId", branch).queryParam("from", "2026-01-02")
                .queryParam("to", "2027-01-02").get(PEOPLE + "/political-birthdays").then().statusCode(200) // 366 days
                .body("items.personId", contains(leap, b, a));
        problem(Api.as("reader", Roles.ORG_ADMIN).queryParam("unitId", branch).queryParam("from", "2026-01-02")
                .queryParam("to", "2027-01-03").get(PEOPLE + "/political-birthdays").then(), 400, "DATE_RANGE_TOO_LONG");
        problem(Api.as("reader", Roles.ORG_ADMIN).queryParam("unitId", branch).queryParam("from", "2026-02-01")
                .queryParam("to", "2026-01-01").get(PEOPLE + "/political-birthdays").then(), 400, "INVALID_PARAMETER");
        Api.as("reader", Roles.ORG_ADMIN).queryParam("unitId", committee).queryParam("from", "2028-02-28")
                .queryParam("to", "2028-03-01").get(PEOPLE + "/political-birthdays").then().statusCode(200)
                .body("items.anniversary", contains("2028-02-29")).body("items.years", contains(20));
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = Api.as("reader", Roles.ORG_ADMIN).queryParam("unitId", branch).queryParam("from", "2026-12-15")
                    .queryParam("to", "2027-03-15").queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(PEOPLE + "/political-birthdays");
            paged.addAll(page.path("items.personId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(List.of(b, a, leap), paged);
        problem(Api.as("reader", Roles.ORG_ADMIN).queryParam("unitId", branch).queryParam("from", "2026-01-01")
                .get(PEOPLE + "/political-birthdays").then(), 400, "INVALID_PARAMETER");
    }

    @Test
    void membershipChangesAreRecordedWhenTheyHappenNotAhead() {
        String id = created(person("未来", "ACTIVIST", null));
        String tomorrow = TestTime.today().plusDays(2).toString();
        problem(Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"")
                .body(Map.of("branchId", otherBranch, "date", tomorrow)).post(PEOPLE + "/" + id + "/transfer").then(),
                422, "PERSON_DATE_IN_FUTURE");
        problem(Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"").body(Map.of("date", tomorrow))
                .post(PEOPLE + "/" + id + "/leave").then(), 422, "PERSON_DATE_IN_FUTURE");
        Map<String, Object> ahead = person("提前", "ACTIVIST", null);
        ahead.put("since", tomorrow);
        problem(create(ahead).then(), 422, "PERSON_DATE_IN_FUTURE");
    }

    @Test
    void aGroupWithMembersStaysInItsBranch() {
        created(person("组员", "ACTIVIST", null));
        String etag = Api.as("reader", Roles.ORG_ADMIN).get("/v1/org-units/" + group).header("ETag");
        problem(Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", etag)
                .body(Map.of("parentId", otherBranch)).post("/v1/org-units/" + group + "/move").then(),
                409, "ORG_UNIT_NOT_EMPTY");
    }

    @Test
    void aUnitWithCurrentMembersCannotBeArchived() {
        String id = created(person("留守", "ACTIVIST", null));
        problem(Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"").post("/v1/org-units/" + group
                + "/archive").then(), 409, "ORG_UNIT_NOT_EMPTY");
        Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"")
                .body(Map.of("branchId", branch, "groupIds", List.of(), "date", "2026-05-01"))
                .post(PEOPLE + "/" + id + "/transfer").then().statusCode(200);
        Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"").post("/v1/org-units/" + group + "/archive")
                .then().statusCode(200);
    }

    @Test
    void onlySecretariesAndAdminsRecordPeopleAndOnlySignedInCallersReadThem() {
        String id = created(person("某人", "ACTIVIST", null));
        UUID inBranch = UUID.fromString(branch);
        for (String role : List.of(Roles.MEMBER, Roles.GROUP_LEADER, Roles.INTEGRITY_OFFICER)) {
            problem(Api.as("someone", role, inBranch).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(person("x", "ACTIVIST", null)).post(PEOPLE).then(), 403, "FORBIDDEN");
            problem(Api.as("someone", role, inBranch).header("If-Match", "\"0\"").body(Map.of("date", "2026-12-31"))
                    .post(PEOPLE + "/" + id + "/leave").then(), 403, "FORBIDDEN");
            Api.as("someone", role, inBranch).get(PEOPLE + "/" + id).then().statusCode(200);
        }
        // a secretary of the branch records people in it
        Api.as("someone", Roles.SECRETARY, inBranch).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(person("y", "ACTIVIST", null)).post(PEOPLE).then().statusCode(201);
        problem(Api.anonymous().get(PEOPLE + "/" + id).then(), 401, "UNAUTHENTICATED");
        problem(Api.anonymous().get(PEOPLE).then(), 401, "UNAUTHENTICATED");
        problem(Api.as("reader", Roles.ORG_ADMIN).get(PEOPLE + "/" + UUID.randomUUID()).then(), 404, "NOT_FOUND");
    }
}
