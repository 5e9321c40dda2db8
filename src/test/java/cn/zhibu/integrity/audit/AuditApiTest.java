package cn.zhibu.integrity.audit;

import cn.zhibu.testing.Sql;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.integrity.IntegrityFixtures;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The access audit searched and exported over HTTP, within the caller's reach; both audited themselves. */
@QuarkusTest
class AuditApiTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static RequestSpecification globalAdmin() {
        return Api.as("org-admin", Roles.ORG_ADMIN);
    }

    @Test
    void anOrgAdminSearchesAFilesAuditNewestFirstAPageAtATime() {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        String profile = IntegrityFixtures.append(branch, file, IntegrityFixtures.profile("李建国"));
        String discipline = IntegrityFixtures.append(branch, file, IntegrityFixtures.discipline());
        IntegrityFixtures.officer(branch).get("/v1/integrity-files/" + file).then().statusCode(400);
        assertEquals(4, IntegrityFixtures.auditRows(file));
        long searches = Sql.count("select count(*) from integrity_audit where action = 'SEARCH_AUDIT' and "
                + "outcome = 'ALLOWED'");

        ExtractableResponse<Response> first = globalAdmin().queryParam("fileId", file).queryParam("limit", 3)
                .get("/v1/integrity-audit").then().statusCode(200).header("Cache-Control", "no-store")
                .body("items", hasSize(3)).body("nextCursor", notNullValue())
                .body("items.action", contains("READ_FILE", "APPEND_ENTRY", "APPEND_ENTRY"))
                .body("items.outcome", contains("REFUSED", "ALLOWED", "ALLOWED"))
                .body("items[0].reason", equalTo("INTEGRITY_PURPOSE_REQUIRED"))
                .body("items[0].status", equalTo(400))
                .body("items[0].request", equalTo("GET /v1/integrity-files/" + file))
                .body("items[1].entryIds", contains(discipline))
                .body("items[2].entryIds", contains(profile))
                .body("items.unitId", everyItem(equalTo(branch)))
                .body("items.actorKind", everyItem(equalTo("ACCOUNT")))
                .body("items[0].clientAddress", notNullValue())
                .extract();
        globalAdmin().queryParam("fileId", file).queryParam("limit", 3)
                .queryParam("cursor", first.path("nextCursor").toString()).get("/v1/integrity-audit").then()
                .statusCode(200).body("items.action", contains("OPEN_FILE")).body("nextCursor", nullValue());
        // a cursor belongs to its filters
        globalAdmin().queryParam("fileId", file).queryParam("action", "OPEN_FILE").queryParam("limit", 3)
                .queryParam("cursor", first.path("nextCursor").toString()).get("/v1/integrity-audit").then()
                .statusCode(400).body("code", equalTo("INVALID_CURSOR"));
        assertEquals(searches + 2, Sql.count("select count(*) from integrity_audit where action = "
                + "'SEARCH_AUDIT' and outcome = 'ALLOWED'"));
    }

    @Test
    void filtersNarrowTheSearch() {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        IntegrityFixtures.append(branch, file, IntegrityFixtures.profile("李建国"));
        IntegrityFixtures.officer(branch).get("/v1/integrity-files/" + file).then().statusCode(400);
        LocalDate today = TestTime.today();

        globalAdmin().queryParam("fileId", file).queryParam("action", "APPEND_ENTRY").get("/v1/integrity-audit")
                .then().statusCode(200).body("items.action", contains("APPEND_ENTRY"));
        globalAdmin().queryParam("fileId", file).queryParam("outcome", "REFUSED").get("/v1/integrity-audit")
                .then().statusCode(200).body("items.action", contains("READ_FILE"));
        globalAdmin().queryParam("fileId", file).queryParam("from", today.minusDays(1).toString())
                .queryParam("to", today.plusDays(1).toString()).get("/v1/integrity-audit").then().statusCode(200)
                .body("items", hasSize(3));
        globalAdmin().queryParam("fileId", file).queryParam("to", today.minusDays(2).toString())
                .get("/v1/integrity-audit").then().statusCode(200).body("items", hasSize(0));
        globalAdmin().queryParam("fileId", file).queryParam("from", today.plusDays(2).toString())
                .get("/v1/integrity-audit").then().statusCode(200).body("items", hasSize(0));
        String actor = globalAdmin().queryParam("fileId", file).queryParam("action", "OPEN_FILE")
                .get("/v1/integrity-audit").then().statusCode(200).extract().path("items[0].actorId");
        globalAdmin().queryParam("actorId", actor).queryParam("fileId", file).get("/v1/integrity-audit").then()
                .statusCode(200).body("items", hasSize(3)).body("items.actorId", everyItem(equalTo(actor)));
        globalAdmin().queryParam("actorId", UUID.randomUUID().toString()).get("/v1/integrity-audit").then()
                .statusCode(200).body("items", hasSize(0));

        for (String[] bad : new String[][] {{"action", "DELETE_FILE"}, {"outcome", "MAYBE"}, {"fileId", "12"},
                {"from", "2026-13-01"}, {"limit", "101"}}) {
            globalAdmin().queryParam(bad[0], bad[1]).get("/v1/integrity-audit").then().statusCode(400)
                    .body("code", equalTo("INVALID_PARAMETER"));
        }
        globalAdmin().queryParam("from", today.toString()).queryParam("to", today.minusDays(1).toString())
                .get("/v1/integrity-audit").then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));
    }

    @Test
    void anOrgAdminOfABranchSeesOnlyItsFilesAndOthersAreRefused() {
        String parent = cn.zhibu.testing.OrgFixtures.unit("COMMITTEE", null);
        String branch = cn.zhibu.testing.OrgFixtures.unit("BRANCH", parent);
        String other = IntegrityFixtures.branch();
        String mine = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        String theirs = IntegrityFixtures.file(other, IntegrityFixtures.cadre(other));
        RequestSpecification committeeAdmin = Api.as("audit-admin-" + parent, Roles.ORG_ADMIN, UUID.fromString(parent));

        List<String> units = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = Api.as("audit-admin-" + parent, Roles.ORG_ADMIN, UUID.fromString(parent))
                    .queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page = request.get("/v1/integrity-audit").then().statusCode(200).extract();
            units.addAll(page.path("items.unitId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertTrue(units.contains(branch));
        assertTrue(units.stream().allMatch(branch::equals), "only rows of the committee's branch: " + units);
        committeeAdmin.queryParam("fileId", mine).get("/v1/integrity-audit").then().statusCode(200)
                .body("items", hasSize(1));
        Api.as("audit-admin-" + parent, Roles.ORG_ADMIN, UUID.fromString(parent)).queryParam("fileId", theirs)
                .get("/v1/integrity-audit").then().statusCode(200).body("items", hasSize(0));
        // rows of no file (this admin's own searches among them) are for those whose reach is everywhere
        assertTrue(Sql.count("select count(*) from integrity_audit where unit_id is null") > 0);

        long refused = Sql.count("select count(*) from integrity_audit where action = 'SEARCH_AUDIT' and "
                + "outcome = 'REFUSED'");
        IntegrityFixtures.officer(branch).get("/v1/integrity-audit").then().statusCode(403);
        StudyFixtures.member(branch).api().get("/v1/integrity-audit").then().statusCode(403);
        Api.anonymous().get("/v1/integrity-audit").then().statusCode(401);
        assertEquals(refused + 3, Sql.count("select count(*) from integrity_audit where action = "
                + "'SEARCH_AUDIT' and outcome = 'REFUSED'"));
    }

    @Test
    void theExportIsACsvOfTheSameFilters() {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        String entry = IntegrityFixtures.append(branch, file, IntegrityFixtures.profile("李建国"));
        IntegrityFixtures.officer(branch).queryParam("purpose", "AUDIT").queryParam("purposeDetail", "档案检查，第一季度")
                .get("/v1/integrity-files/" + file).then().statusCode(200);
        long exports = Sql.count("select count(*) from integrity_audit where action = 'EXPORT_AUDIT' and "
                + "outcome = 'ALLOWED'");
        long before = IntegrityFixtures.lastAuditId();

        byte[] body = globalAdmin().accept("text/csv").queryParam("fileId", file).get("/v1/integrity-audit/export")
                .then().statusCode(200).contentType("text/csv; charset=UTF-8").header("Cache-Control", "no-store")
                .extract().asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "a byte order mark for Excel");
        String[] lines = text.substring(1).split("\r\n");
        assertEquals(4, lines.length, text);
        assertEquals("at,actorKind,actorId,actorPersonId,action,fileId,unitId,entryIds,declarationId,purpose,"
                + "purposeDetail,outcome,status,reason,clientAddress,request", lines[0]);
        assertTrue(lines[1].contains(",READ_FILE," + file + "," + branch + "," + entry + ",,AUDIT,档案检查，第一季度,"
                + "ALLOWED,200,,"), lines[1]);
        assertTrue(lines[3].contains(",OPEN_FILE," + file + ","), lines[3]);
        assertEquals(exports + 1, Sql.count("select count(*) from integrity_audit where action = "
                + "'EXPORT_AUDIT' and outcome = 'ALLOWED'"));

        globalAdmin().accept("text/csv").queryParam("fileId", file).queryParam("action", "OPEN_FILE")
                .get("/v1/integrity-audit/export").then().statusCode(200);
        IntegrityFixtures.officer(branch).accept("text/csv").get("/v1/integrity-audit/export").then().statusCode(403);
        globalAdmin().accept("text/csv").queryParam("outcome", "NO").get("/v1/integrity-audit/export").then()
                .statusCode(400);
        assertEquals(4, Sql.count("select count(*) from integrity_audit where action = 'EXPORT_AUDIT' "
                + "and id > ?1", before));
    }
}
