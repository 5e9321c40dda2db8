package cn.zhibu.integrity.audit;

import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.integrity.IntegrityFixtures;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Requests to integrity paths that reach no operation (methods the API does not have, paths that do not exist,
 * bodies refused before anything reads them) leave an audit row each, as audited operations do.
 */
@QuarkusTest
class OtherRequestsAuditApiTest {

    /** The file's audit rows of requests that reached no operation, newest first, once all rows are written. */
    private static List<Map<String, Object>> otherRows(String file, int expected) throws InterruptedException {
        // the row of an answer sent early is written right after it: wait for the rows of the requests made so far
        assertTrue(io.quarkus.arc.Arc.container().instance(OtherRequestAudit.class).get()
                .awaitWritten(java.time.Duration.ofSeconds(30)), "the audit rows were written");
        JsonPath page = Api.as("org-admin", Roles.ORG_ADMIN).queryParam("fileId", file).queryParam("limit", 100)
                .get("/v1/integrity-audit").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.<Map<String, Object>>getList("items").stream()
                .filter(row -> "OTHER_REQUEST".equals(row.get("action"))).toList();
        assertTrue(items.size() >= expected, () -> "at least " + expected + " rows: " + items);
        return items;
    }

    @Test
    void methodsThePathsDoNotHaveAreAuditedWithTheCallerAndTheAnswer() throws InterruptedException {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        StudyFixtures.Member officer = IntegrityFixtures.personWithRole(branch, Roles.INTEGRITY_OFFICER, branch);
        long rowsOfFile = IntegrityFixtures.auditRows(file);

        problem(officer.api().body(Map.of("content", IntegrityFixtures.profile("改档案"))).put("/v1/integrity-files/"
                + file).then(), 405, "METHOD_NOT_ALLOWED");
        problem(Api.anonymous().delete("/v1/integrity-files/" + file).then(), 405, "METHOD_NOT_ALLOWED");
        problem(officer.api().body(Map.of("content", IntegrityFixtures.profile("改档案"))).patch("/v1/integrity-files/"
                + file + "/entries").then(), 405, "METHOD_NOT_ALLOWED");
        problem(officer.api().delete("/v1/integrity-files/" + file + "/entries/" + UUID.randomUUID()).then(), 404,
                "NOT_FOUND");

        List<Map<String, Object>> rows = otherRows(file, 4);
        assertEquals(4, rows.size(), rows::toString);
        assertEquals(List.of("DELETE /v1/integrity-files/" + file + "/entries/", "PATCH /v1/integrity-files/" + file
                + "/entries", "DELETE /v1/integrity-files/" + file, "PUT /v1/integrity-files/" + file),
                rows.stream().map(r -> ((String) r.get("request")).replaceAll("/entries/[0-9a-f-]{36}$", "/entries/"))
                        .toList());
        assertEquals(List.of(404, 405, 405, 405), rows.stream().map(r -> r.get("status")).toList());
        assertEquals(List.of("NOT_FOUND", "METHOD_NOT_ALLOWED", "METHOD_NOT_ALLOWED", "METHOD_NOT_ALLOWED"),
                rows.stream().map(r -> r.get("reason")).toList());
        assertEquals(List.of("ACCOUNT", "ACCOUNT", "ANONYMOUS", "ACCOUNT"),
                rows.stream().map(r -> r.get("actorKind")).toList());
        for (Map<String, Object> row : rows) {
            assertEquals("REFUSED", row.get("outcome"));
            assertEquals(branch, row.get("unitId"), "the file's unit, for org admins of its subtree");
            assertNotNull(row.get("clientAddress"));
            if ("ACCOUNT".equals(row.get("actorKind"))) {
                assertEquals(officer.accountId(), row.get("actorId"));
                assertEquals(officer.personId(), row.get("actorPersonId"));
            } else {
                assertNull(row.get("actorId"));
            }
        }
        assertEquals(rowsOfFile + 4, IntegrityFixtures.auditRows(file), "one row for each request");
        Api.as("org-admin", Roles.ORG_ADMIN).queryParam("fileId", file).queryParam("action", "OTHER_REQUEST")
                .get("/v1/integrity-audit").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.is(4));
    }

    @Test
    void aReadWithAControlCharacterIsRefusedAndAuditedAsSent() throws InterruptedException {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        // refused by the HTTP layer, before the REST layer; PostgreSQL could not store the NUL in the row as it is
        problem(IntegrityFixtures.officer(branch).urlEncodingEnabled(false).get("/v1/integrity-files/" + file
                + "?purpose=AUDIT&purposeDetail=a%00b").then(), 400, "VALIDATION_FAILED")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("purposeDetail"))
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("CONTROL_CHARACTER"));

        List<Map<String, Object>> rows = otherRows(file, 1);
        assertEquals(1, rows.size(), rows::toString);
        assertEquals(400, rows.get(0).get("status"));
        assertEquals("REFUSED", rows.get(0).get("outcome"));
        assertEquals("a\uFFFDb", rows.get(0).get("purposeDetail"));
    }

    @Test
    void refusalsBeforeAnyOperationAreAuditedAndOperationsStillOnce() throws InterruptedException {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        String declaration = UUID.randomUUID().toString();
        long before = IntegrityFixtures.lastAuditId();

        // a body over the limit is refused before the REST layer reads it, or anyone is signed in
        String large = "{\"content\":\"" + "x".repeat(1_100_000) + "\"}";
        IntegrityFixtures.officer(branch).body(large).post("/v1/integrity-files/" + file + "/entries").then()
                .statusCode(413);
        problem(IntegrityFixtures.officer(branch).patch("/v1/integrity-declarations/" + declaration).then(), 405,
                "METHOD_NOT_ALLOWED");
        // an audited operation refused: its own row, and no other
        problem(IntegrityFixtures.officer(branch).get("/v1/integrity-files/" + file).then(), 400,
                "INTEGRITY_PURPOSE_REQUIRED");

        List<Map<String, Object>> rows = otherRows(file, 1);
        assertEquals(1, rows.size(), rows::toString);
        assertEquals("POST /v1/integrity-files/" + file + "/entries", rows.get(0).get("request"));
        assertEquals(413, rows.get(0).get("status"));
        assertEquals("REFUSED", rows.get(0).get("outcome"));
        assertEquals("ANONYMOUS", rows.get(0).get("actorKind"), "refused before signing in");
        List<IntegrityFixtures.AuditRow> all = IntegrityFixtures.auditRowsAfter(before).stream()
                .filter(r -> !r.action().equals("SEARCH_AUDIT")).toList(); // the searches above are audited too
        assertEquals(List.of("OTHER_REQUEST", "OTHER_REQUEST", "READ_FILE"),
                all.stream().map(IntegrityFixtures.AuditRow::action).sorted().toList(), all::toString);
        IntegrityFixtures.AuditRow patch = all.stream().filter(r -> r.request().startsWith("PATCH")).findFirst()
                .orElseThrow();
        assertEquals(UUID.fromString(declaration), patch.declarationId());
        assertEquals("METHOD_NOT_ALLOWED", patch.reason());
    }
}
