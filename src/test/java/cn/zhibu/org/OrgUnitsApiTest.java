package cn.zhibu.org;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The organisation tree over HTTP: nesting, names, moves, archiving, listing and who may do what. */
@QuarkusTest
class OrgUnitsApiTest {

    static final String UNITS = "/v1/org-units";

    @Inject
    AgroalDataSource dataSource;

    /** Every unit's path is its parent's path and its own id; top units are their own path. */
    private void assertPathsWhole() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     select count(*) from org_unit u left join org_unit p on p.id = u.parent_id
                     where u.path <> coalesce(p.path, '/') || u.id || '/'""")) {
            r.next();
            assertEquals(0, r.getLong(1), "units whose path does not follow their parent");
        }
    }

    static Response create(String kind, String name, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("name", name);
        body.put("shortName", name.length() > 16 ? name.substring(0, 16) : name);
        body.put("parentId", parentId);
        return Api.as("org-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post(UNITS);
    }

    static String created(String kind, String name, String parentId) {
        return create(kind, name, parentId).then().statusCode(201).extract().path("id");
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response read(String id) {
        return Api.as("reader", Roles.ORG_ADMIN).get(UNITS + "/" + id);
    }

    private static Response move(String id, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("parentId", parentId);
        return Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", read(id).header("ETag")).body(body)
                .post(UNITS + "/" + id + "/move");
    }

    @Test
    void buildsATreeWithAncestors() {
        String committee = created("COMMITTEE", unique("区委组织部"), null);
        String branch = created("BRANCH", unique("机关党支部"), committee);
        Response group = create("PARTY_GROUP", "第一党小组", branch);
        group.then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("kind", equalTo("PARTY_GROUP"))
                .body("parentId", equalTo(branch))
                .body("ancestorIds", contains(committee, branch))
                .body("archived", equalTo(false));
        read(group.path("id")).then().statusCode(200).body("name", equalTo("第一党小组"));
    }

    @Test
    void unitsNestOnlyAsTheBranchDoes() {
        String committee = created("COMMITTEE", unique("党委"), null);
        String branch = created("BRANCH", unique("支部"), committee);
        String group = created("PARTY_GROUP", "小组", branch);
        problem(create("PARTY_GROUP", "顶层小组", null).then(), 422, "ORG_UNIT_NESTING_NOT_ALLOWED");
        problem(create("PARTY_GROUP", "党委下的小组", committee).then(), 422, "ORG_UNIT_NESTING_NOT_ALLOWED");
        problem(create("DEPARTMENT", "小组下的科室", group).then(), 422, "ORG_UNIT_NESTING_NOT_ALLOWED");
        problem(create("COMMITTEE", "支部下的党委", branch).then(), 422, "ORG_UNIT_NESTING_NOT_ALLOWED");
        problem(create("BRANCH", "无处可放", UUID.randomUUID().toString()).then(), 422,
                "ORG_UNIT_PARENT_NOT_FOUND");
        created("DEPARTMENT", "办公室", branch);
        created("BRANCH", unique("第二支部"), committee);
    }

    @Test
    void siblingNamesAreUniqueWhileActive() {
        String branch = created("BRANCH", unique("支部"), null);
        String first = created("PARTY_GROUP", "第一党小组", branch);
        problem(create("PARTY_GROUP", "第一党小组", branch).then(), 409, "ORG_UNIT_NAME_TAKEN");
        archive(first).then().statusCode(200).body("archived", equalTo(true));
        created("PARTY_GROUP", "第一党小组", branch);
    }

    @Test
    void renamingNeedsTheCurrentVersion() {
        String branch = created("BRANCH", unique("支部"), null);
        String group = created("PARTY_GROUP", "旧名", branch);
        Map<String, Object> change = Map.of("name", "新名", "shortName", "新", "sortOrder", 5);
        Api.as("org-admin", Roles.ORG_ADMIN).body(change).put(UNITS + "/" + group).then().statusCode(428);
        Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"").body(change).put(UNITS + "/" + group)
                .then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("新名"))
                .body("sortOrder", equalTo(5));
        Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"").body(change).put(UNITS + "/" + group)
                .then().statusCode(412);
        problem(Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", "\"1\"")
                .body(Map.of("name", " ", "shortName", "x".repeat(17), "sortOrder", -1)).put(UNITS + "/" + group)
                .then(), 400, "VALIDATION_FAILED");
    }

    @Test
    void movingCarriesTheSubtreeAndNeverMakesACycle() throws Exception {
        String committee = created("COMMITTEE", unique("党委"), null);
        String sub = created("COMMITTEE", unique("分党委"), committee);
        String branch = created("BRANCH", unique("支部"), sub);
        String group = created("PARTY_GROUP", "小组", branch);
        problem(move(committee, branch).then(), 422, "ORG_UNIT_CYCLE");
        problem(move(sub, sub).then(), 422, "ORG_UNIT_CYCLE");
        problem(move(branch, group).then(), 422, "ORG_UNIT_CYCLE");
        String otherBranch = created("BRANCH", unique("别的支部"), committee);
        problem(move(branch, otherBranch).then(), 422, "ORG_UNIT_NESTING_NOT_ALLOWED");

        String other = created("COMMITTEE", unique("另一党委"), null);
        move(branch, other).then().statusCode(200).body("parentId", equalTo(other))
                .body("ancestorIds", contains(other));
        read(group).then().body("ancestorIds", contains(other, branch)).header("ETag", "\"1\"");
        List<String> under = Api.as("reader", Roles.ORG_ADMIN).queryParam("under", committee).get(UNITS).path("items.id");
        assertEquals(2, under.size());
        assertEquals(java.util.Set.of(sub, otherBranch), java.util.Set.copyOf(under));
        move(branch, null).then().statusCode(200).body("parentId", nullValue()).body("ancestorIds.size()", equalTo(0));
        read(group).then().body("ancestorIds", contains(branch));
        assertPathsWhole();
    }

    @Test
    void concurrentCrossMovesNeverMakeACycle() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String root = created("COMMITTEE", unique("党委"), null);
                String a = created("COMMITTEE", unique("甲"), root);
                String b = created("COMMITTEE", unique("乙"), root);
                String aTag = read(a).header("ETag");
                String bTag = read(b).header("ETag");
                CyclicBarrier start = new CyclicBarrier(2);
                Callable<Integer> aUnderB = () -> {
                    start.await();
                    return moveWith(a, b, aTag).statusCode();
                };
                Callable<Integer> bUnderA = () -> {
                    start.await();
                    return moveWith(b, a, bTag).statusCode();
                };
                Future<Integer> first = pool.submit(aUnderB);
                Future<Integer> second = pool.submit(bUnderA);
                List<Integer> statuses = List.of(first.get(), second.get());
                assertTrue(statuses.contains(200), statuses.toString());
                assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 412 || s == 422), statuses.toString());
                List<String> aAncestors = read(a).path("ancestorIds");
                List<String> bAncestors = read(b).path("ancestorIds");
                assertTrue(!(aAncestors.contains(b) && bAncestors.contains(a)), aAncestors + " / " + bAncestors);
            }
        } finally {
            pool.shutdownNow();
        }
        assertPathsWhole();
    }

    private static Response moveWith(String id, String parentId, String etag) {
        return Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", etag).body(Map.of("parentId", parentId))
                .post(UNITS + "/" + id + "/move");
    }

    @Test
    void theTreeHasAtMostSixteenLevels() {
        String parent = created("COMMITTEE", unique("一级"), null);
        for (int level = 2; level <= 16; level++) {
            parent = created("COMMITTEE", "第" + level + "级", parent);
        }
        problem(create("COMMITTEE", "第17级", parent).then(), 422, "ORG_UNIT_TOO_DEEP");
        String small = created("COMMITTEE", unique("小树"), null);
        created("COMMITTEE", "小树的下级", small);
        problem(moveWith(small, parent, read(small).header("ETag")).then(), 422, "ORG_UNIT_TOO_DEEP");
    }

    @Test
    void archivingKeepsHistoryAndNeedsAnEmptyUnit() {
        String branch = created("BRANCH", unique("支部"), null);
        String group = created("PARTY_GROUP", "小组", branch);
        problem(archive(branch).then(), 409, "ORG_UNIT_NOT_EMPTY");
        archive(group).then().statusCode(200).body("archived", equalTo(true));
        problem(create("PARTY_GROUP", "新小组", group).then(), 409, "ORG_UNIT_ARCHIVED");
        String department = created("DEPARTMENT", "科室", branch);
        archive(department).then().statusCode(200);
        archive(branch).then().statusCode(200);
        problem(create("PARTY_GROUP", "归档后", branch).then(), 409, "ORG_UNIT_ARCHIVED");
        read(group).then().statusCode(200).body("archived", equalTo(true));
        List<String> active = Api.as("reader", Roles.ORG_ADMIN).queryParam("parentId", branch).get(UNITS).path("items.id");
        assertEquals(List.of(), active);
        List<String> all = Api.as("reader", Roles.ORG_ADMIN).queryParam("parentId", branch)
                .queryParam("includeArchived", true).get(UNITS).path("items.id");
        assertEquals(2, all.size());
    }

    @Test
    void childrenComeByPositionThenNamePageByPage() {
        String branch = created("BRANCH", unique("支部"), null);
        List<String> expected = new ArrayList<>();
        String[] names = {"丙", "甲", "乙", "丁", "戊"};
        int[] orders = {2, 1, 1, 3, 0};
        for (int i = 0; i < names.length; i++) {
            Map<String, Object> body = Map.of("kind", "PARTY_GROUP", "name", names[i], "shortName", names[i],
                    "parentId", branch, "sortOrder", orders[i]);
            Api.as("org-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                    .post(UNITS).then().statusCode(201);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = Api.as("reader", Roles.ORG_ADMIN).queryParam("parentId", branch).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(UNITS);
            seen.addAll(page.path("items.name"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        // by position, then by name (code point order of the database's collation)
        expected.add("戊");
        expected.addAll(List.of("乙", "甲").stream().sorted().toList());
        expected.add("丙");
        expected.add("丁");
        assertEquals(expected, seen);
        problem(Api.as("reader", Roles.ORG_ADMIN).queryParam("parentId", "not-a-uuid").get(UNITS).then(), 400,
                "INVALID_PARAMETER");
        problem(Api.as("reader", Roles.ORG_ADMIN).queryParam("parentId", branch).queryParam("under", branch).get(UNITS)
                .then(), 400, "INVALID_PARAMETER");
    }

    @Test
    void onlyAdminsChangeTheTreeAndOnlySignedInCallersReadIt() {
        String branch = created("BRANCH", unique("支部"), null);
        String other = created("BRANCH", unique("支部"), null);
        Map<String, Object> body = Map.of("kind", "PARTY_GROUP", "name", "x", "shortName", "x", "parentId", branch);
        for (String role : List.of(Roles.MEMBER, Roles.GROUP_LEADER, Roles.SECRETARY, Roles.INTEGRITY_OFFICER)) {
            // inside their subtree: seen, but not allowed
            problem(Api.as("someone", role, UUID.fromString(branch)).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(body).post(UNITS).then(), 403, "FORBIDDEN");
            problem(Api.as("someone", role, UUID.fromString(branch)).header("If-Match", "\"0\"")
                    .post(UNITS + "/" + branch + "/archive").then(), 403, "FORBIDDEN");
            Api.as("someone", role, UUID.fromString(branch)).get(UNITS + "/" + branch).then().statusCode(200);
            // outside it: not found
            problem(Api.as("someone-else", role, UUID.fromString(other)).get(UNITS + "/" + branch).then(), 404,
                    "NOT_FOUND");
            problem(Api.as("someone-else", role, UUID.fromString(other)).header("If-Match", "\"0\"")
                    .post(UNITS + "/" + branch + "/archive").then(), 404, "NOT_FOUND");
        }
        problem(Api.anonymous().get(UNITS + "/" + branch).then(), 401, "UNAUTHENTICATED");
        problem(Api.anonymous().get(UNITS).then(), 401, "UNAUTHENTICATED");
        problem(Api.as("reader", Roles.ORG_ADMIN).get(UNITS + "/" + UUID.randomUUID()).then(), 404, "NOT_FOUND");
    }

    private static Response archive(String id) {
        return Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", read(id).header("ETag"))
                .post(UNITS + "/" + id + "/archive");
    }
}
