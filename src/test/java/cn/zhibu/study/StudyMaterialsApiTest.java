package cn.zhibu.study;

import static cn.zhibu.study.StudyFixtures.material;
import static cn.zhibu.study.StudyFixtures.materialBody;
import static cn.zhibu.study.StudyFixtures.member;
import static cn.zhibu.testing.OrgFixtures.unit;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestTime;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Study materials over HTTP: publishing, changing, withdrawing, who sees what, and what is open to whom. */
@QuarkusTest
class StudyMaterialsApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StudyMaterialService materials;

    String committee;
    String branch;
    String groupA;
    String groupB;
    String otherBranch;

    @BeforeEach
    void tree() {
        committee = unit("COMMITTEE", null);
        branch = unit("BRANCH", committee);
        groupA = unit("PARTY_GROUP", branch);
        groupB = unit("PARTY_GROUP", branch);
        otherBranch = unit("BRANCH", committee);
    }

    RequestSpecification secretary() {
        return Api.as("material-secretary", Roles.SECRETARY, UUID.fromString(branch));
    }

    static RequestSpecification keyed(RequestSpecification as) {
        return as.header("Idempotency-Key", UUID.randomUUID().toString());
    }

    @Test
    void aSecretaryPublishesChangesAndWithdrawsAMaterial() throws Exception {
        Map<String, Object> body = materialBody(branch);
        body.put("tags", List.of("党史", "理论", "党史"));
        body.put("minStudySeconds", 300);
        body.put("publishFrom", "2026-01-01T08:00:00+08:00");
        String key = UUID.randomUUID().toString();
        var created = secretary().header("Idempotency-Key", key).body(body).post("/v1/study-materials").then()
                .statusCode(201).header("ETag", "\"0\"").body("unitId", equalTo(branch))
                .body("tags", equalTo(List.of("党史", "理论"))).body("minStudySeconds", equalTo(300))
                .body("publishFrom", equalTo("2026-01-01T00:00:00Z")).body("publishUntil", nullValue())
                .body("withdrawnAt", nullValue()).body("version", equalTo(0)).extract();
        String id = created.path("id");
        assertEquals("/v1/study-materials/" + id, java.net.URI.create(created.header("Location")).getPath());
        secretary().header("Idempotency-Key", key).body(body).post("/v1/study-materials").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertEquals(1, count("select count(*) from study_material where org_unit_id = ?", branch));

        secretary().get("/v1/study-materials/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("title", equalTo(body.get("title")));
        secretary().header("If-None-Match", "\"0\"").get("/v1/study-materials/" + id).then().statusCode(304);

        Map<String, Object> change = new java.util.HashMap<>(body);
        change.remove("unitId");
        change.put("title", "改后的标题");
        change.put("publishUntil", "2099-01-01T00:00:00Z");
        problem(secretary().body(change).put("/v1/study-materials/" + id).then(), 428, "PRECONDITION_REQUIRED");
        secretary().header("If-Match", "\"0\"").body(change).put("/v1/study-materials/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("title", equalTo("改后的标题"))
                .body("publishUntil", equalTo("2099-01-01T00:00:00Z"));
        problem(secretary().header("If-Match", "\"0\"").body(change).put("/v1/study-materials/" + id).then(), 412,
                "PRECONDITION_FAILED");
        Map<String, Object> moved = new java.util.HashMap<>(change);
        moved.put("unitId", otherBranch);
        problem(secretary().header("If-Match", "\"1\"").body(moved).put("/v1/study-materials/" + id).then(), 400,
                "VALIDATION_FAILED").body("errors[0].code", equalTo("UNKNOWN_FIELD"));

        secretary().header("If-Match", "\"1\"").post("/v1/study-materials/" + id + "/withdraw").then().statusCode(200)
                .header("ETag", "\"2\"").body("withdrawnAt", org.hamcrest.Matchers.notNullValue());
        secretary().header("If-Match", "\"2\"").post("/v1/study-materials/" + id + "/withdraw").then().statusCode(200)
                .header("ETag", "\"2\"");
        problem(secretary().header("If-Match", "\"2\"").body(change).put("/v1/study-materials/" + id).then(), 409,
                "MATERIAL_WITHDRAWN");
        assertEquals(1, count("select count(*) from study_material where id = ? and withdrawn_at is not null "
                + "and title = '改后的标题'", id));
    }

    @Test
    void badMaterialsAreRefusedAndNothingIsStored() throws Exception {
        List<Map<String, Object>> bad = new ArrayList<>();
        for (String url : new String[] {"ftp://example.com/a", "javascript:alert(1)", "https://user@evil.example/x",
            "https://例子.中国/学习", "https://example.com/a b", "http:/example.com"}) {
            Map<String, Object> body = materialBody(branch);
            body.put("url", url);
            bad.add(body);
        }
        Map<String, Object> tags = materialBody(branch);
        tags.put("tags", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"));
        bad.add(tags);
        Map<String, Object> longTag = materialBody(branch);
        longTag.put("tags", List.of("有空格 的标签"));
        bad.add(longTag);
        Map<String, Object> slow = materialBody(branch);
        slow.put("minStudySeconds", 14401);
        bad.add(slow);
        Map<String, Object> blank = materialBody(branch);
        blank.put("title", " ");
        bad.add(blank);
        Map<String, Object> ideographic = materialBody(branch);
        ideographic.put("title", "\u3000");
        bad.add(ideographic);
        Map<String, Object> padded = materialBody(branch);
        padded.put("title", "\u3000学习资料");
        bad.add(padded);
        Map<String, Object> points = materialBody(branch);
        points.put("points", 5);
        bad.add(points);
        Map<String, Object> kind = materialBody(branch);
        kind.put("kind", "BOOK");
        bad.add(kind);
        for (Map<String, Object> body : bad) {
            problem(keyed(secretary()).body(body).post("/v1/study-materials").then(), 400, "VALIDATION_FAILED");
        }
        for (String[] window : new String[][] {{"+300000-01-01T00:00:00Z", null},
            {"2026-12-01T00:00:00+08:00", "+300000-01-01T00:00:00Z"}, {"1999-12-31T00:00:00Z", null},
            {"2026-12-01T00:00:00+08:00", "2101-01-02T00:00:00Z"}}) {
            Map<String, Object> far = materialBody(branch);
            far.put("publishFrom", window[0]);
            far.put("publishUntil", window[1]);
            problem(keyed(secretary()).body(far).post("/v1/study-materials").then(), 400, "VALIDATION_FAILED")
                    // a year of six digits is not in the contract's form at all; 1999 and 2101 are, but out of range
                    .body("errors[0].code", equalTo(String.join("", window[0], String.valueOf(window[1]))
                            .contains("+300000") ? "INVALID_VALUE" : "INSTANT_IN_RANGE"))
                    .body("errors[0].field", equalTo(window[1] == null ? "publishFrom" : "publishUntil"));
        }
        Map<String, Object> backwards = materialBody(branch);
        backwards.put("publishFrom", "2026-12-01T00:00:00+08:00");
        backwards.put("publishUntil", "2026-12-01T00:00:00+08:00");
        problem(keyed(secretary()).body(backwards).post("/v1/study-materials").then(), 422,
                "MATERIAL_DATES_INCONSISTENT");
        String unknown = UUID.randomUUID().toString();
        problem(keyed(Api.as("org-admin", Roles.ORG_ADMIN)).body(materialBody(unknown)).post("/v1/study-materials")
                .then(), 422, "MATERIAL_UNIT_NOT_FOUND");
        String archived = unit("PARTY_GROUP", branch);
        Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"").post("/v1/org-units/" + archived + "/archive")
                .then().statusCode(200);
        problem(keyed(secretary()).body(materialBody(archived)).post("/v1/study-materials").then(), 422,
                "MATERIAL_UNIT_ARCHIVED");
        problem(secretary().body(materialBody(branch)).post("/v1/study-materials").then(), 400,
                "IDEMPOTENCY_KEY_REQUIRED");
        assertEquals(0, count("select count(*) from study_material where org_unit_id = ?", branch));
        // the address is only stored: a plain http one with a port and a query is fine
        Map<String, Object> plain = materialBody(branch);
        plain.put("url", "http://intranet.zzb.local:8080/study?id=12&from=app#top");
        keyed(secretary()).body(plain).post("/v1/study-materials").then().statusCode(201);
    }

    @Test
    void onlyManagersOfTheAudiencePublishAndChange() {
        String id = material(branch);
        problem(keyed(Api.as("material-member", Roles.MEMBER, UUID.fromString(branch))).body(materialBody(branch))
                .post("/v1/study-materials").then(), 403, "FORBIDDEN");
        problem(keyed(Api.as("material-outsider", Roles.SECRETARY, UUID.fromString(otherBranch)))
                .body(materialBody(branch)).post("/v1/study-materials").then(), 422, "MATERIAL_UNIT_NOT_FOUND");
        problem(keyed(Api.anonymous()).body(materialBody(branch)).post("/v1/study-materials").then(), 401,
                "UNAUTHENTICATED");
        problem(Api.as("material-leader", Roles.GROUP_LEADER, UUID.fromString(branch)).header("If-Match", "\"0\"")
                .post("/v1/study-materials/" + id + "/withdraw").then(), 403, "FORBIDDEN");
        problem(Api.as("material-outsider", Roles.SECRETARY, UUID.fromString(otherBranch)).header("If-Match", "\"0\"")
                .post("/v1/study-materials/" + id + "/withdraw").then(), 404, "NOT_FOUND");
        // a secretary of the committee manages the materials of the branches below it
        Api.as("material-committee", Roles.SECRETARY, UUID.fromString(committee)).header("If-Match", "\"0\"")
                .post("/v1/study-materials/" + id + "/withdraw").then().statusCode(200);
    }

    @Test
    void membersSeeWhatIsForThemOnceOpenAndManagersSeeEverything() {
        StudyFixtures.Member inA = member(branch, groupA);
        StudyFixtures.Member elsewhere = member(otherBranch);
        String forBranch = material(branch);
        String forGroupA = material(groupA);
        String forGroupB = material(groupB);
        String forCommittee = material(committee);
        Map<String, Object> later = materialBody(branch);
        later.put("publishFrom", TestTime.now().plusSeconds(86400).toString());
        String scheduled = material(later);
        Map<String, Object> past = materialBody(branch);
        past.put("publishFrom", TestTime.now().minusSeconds(2 * 86400).toString());
        past.put("publishUntil", TestTime.now().minusSeconds(86400).toString());
        String closed = material(past);
        String withdrawn = material(branch);
        Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"").post("/v1/study-materials/" + withdrawn
                + "/withdraw").then().statusCode(200);

        List<String> open = inA.api().get("/v1/study-materials").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(forCommittee, forGroupA, forBranch).stream().sorted().toList(),
                open.stream().sorted().toList(), "open now, and for a unit the member is in");
        for (String readable : List.of(forBranch, forGroupA, forCommittee, closed)) {
            inA.api().get("/v1/study-materials/" + readable).then().statusCode(200);
        }
        for (String hidden : List.of(scheduled, withdrawn)) {
            problem(inA.api().get("/v1/study-materials/" + hidden).then(), 404, "NOT_FOUND");
        }
        // another group's material is within the branch the member's role reaches: readable, but not open to them
        inA.api().get("/v1/study-materials/" + forGroupB).then().statusCode(200);
        problem(elsewhere.api().get("/v1/study-materials/" + forBranch).then(), 404, "NOT_FOUND");
        elsewhere.api().get("/v1/study-materials/" + forCommittee).then().statusCode(200);
        List<String> none = Api.as("material-staff", Roles.GROUP_LEADER, UUID.fromString(branch))
                .get("/v1/study-materials").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(), none, "a caller who is not a person has nothing open to them");

        for (String any : List.of(scheduled, withdrawn, closed)) {
            secretary().get("/v1/study-materials/" + any).then().statusCode(200);
        }
        List<String> managed = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = secretary().queryParam("unitId", branch).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/v1/study-materials").then().statusCode(200).extract();
            managed.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(List.of(forBranch, forGroupA, forGroupB, scheduled, closed, withdrawn).stream().sorted().toList(),
                managed.stream().sorted().toList(), "every state, the unit's whole subtree, nothing above it");
        secretary().queryParam("unitId", branch).get("/v1/study-materials").then()
                .body("items[0].id", equalTo(scheduled));
        problem(inA.api().queryParam("unitId", branch).get("/v1/study-materials").then(), 403, "FORBIDDEN");
        problem(secretary().queryParam("unitId", otherBranch).get("/v1/study-materials").then(), 404, "NOT_FOUND");
        problem(secretary().queryParam("unitId", "nope").get("/v1/study-materials").then(), 400, "INVALID_PARAMETER");
        secretary().queryParam("unitId", branch).get("/v1/study-materials").then().body("items.id", hasItem(withdrawn));
    }

    @Test
    void othersAskWhetherAMaterialIsOpenToAPerson() {
        StudyFixtures.Member inA = member(branch, groupA);
        UUID person = UUID.fromString(inA.personId());
        UUID forGroupA = UUID.fromString(material(groupA));
        UUID forGroupB = UUID.fromString(material(groupB));
        Map<String, Object> past = materialBody(branch);
        past.put("publishFrom", TestTime.now().minusSeconds(2 * 86400).toString());
        past.put("publishUntil", TestTime.now().minusSeconds(86400).toString());
        UUID closed = UUID.fromString(material(past));
        Instant now = TestTime.now();
        assertTrue(materials.findOpen(person, forGroupA, now).isPresent());
        assertTrue(materials.findOpen(person, forGroupB, now).isEmpty());
        assertTrue(materials.findOpen(person, closed, now).isEmpty());
        assertTrue(materials.findOpen(person, closed, now.minusSeconds(36 * 3600)).isPresent());
        assertEquals(forGroupA, materials.requireOpen(person, forGroupA, now).id());
        assertEquals(ProblemCode.NOT_FOUND, assertThrows(ProblemException.class,
                () -> materials.requireOpen(person, forGroupB, now)).code());
        assertEquals(ProblemCode.NOT_FOUND, assertThrows(ProblemException.class,
                () -> materials.requireOpen(person, UUID.randomUUID(), now)).code());
        assertEquals(StudyProblem.MATERIAL_NOT_OPEN, assertThrows(ProblemException.class,
                () -> materials.requireOpen(person, closed, now)).code());
    }

    long count(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(parameter));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
