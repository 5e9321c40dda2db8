package cn.zhibu.exports;

import static cn.zhibu.exports.ExportFixtures.at;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The inspection ledger's exports over HTTP with real tokens, the worker driven directly, each test's own job. */
@QuarkusTest
class ExportsApiTest {

    @Inject
    ExportWorker worker;

    @Inject
    TestClock clock;

    @Inject
    ExportJobs jobs;

    @Inject
    jakarta.persistence.EntityManagerFactory factory;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static RequestSpecification admin() {
        return Api.as("org-admin", Roles.ORG_ADMIN);
    }

    private static RequestSpecification secretary(String branch) {
        return Api.as("export-secretary-" + branch.substring(0, 8), Roles.SECRETARY, UUID.fromString(branch));
    }

    private static Map<String, Object> body(String unit, int year, List<String> sections) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unit);
        body.put("year", year);
        body.put("sections", sections);
        return body;
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    @Test
    void aBranchsYearIsExportedWithEverySheetItsAttachmentsAndAManifestOfHashes() throws Exception {
        int year = TestTime.today().getYear() - 1;
        String committee = OrgFixtures.unit("COMMITTEE", null);
        String branch = OrgFixtures.unit("BRANCH", committee);
        String a = OrgFixtures.person("导出甲", branch);
        String b = OrgFixtures.person("导出乙", branch);
        String c = OrgFixtures.person("导出丙", branch);
        LocalDate march = LocalDate.of(year, 3, 15);
        String day = ExportFixtures.session(branch, march, "THEMED_PARTY_DAY", 1);
        ExportFixtures.minutes(day, a, b, at(march, 17));
        ExportFixtures.attendance(day, a, "PRESENT", at(march, 14));
        ExportFixtures.attendance(day, b, "PRESENT", at(march, 14));
        ExportFixtures.attendance(day, c, "LEAVE", at(march, 14));
        String photoSha = ExportFixtures.attachment(day, at(march, 17));
        ExportFixtures.lecture(day, a, at(march, 15));
        ExportFixtures.session(branch, LocalDate.of(year, 6, 30), "MEMBER_ASSEMBLY", 0);
        ExportFixtures.session(branch, LocalDate.of(year - 1, 12, 30), "MEMBER_ASSEMBLY", 0); // the year before
        for (int i = 0; i < 5; i++) {
            ExportFixtures.checkIn(a, branch, march.plusDays(i), true);
        }
        ExportFixtures.checkIn(b, branch, march, false);
        ExportFixtures.entry(b, LocalDate.of(year, 7, 1), "MANUAL_AWARD", 5);
        ExportFixtures.entry(b, LocalDate.of(year - 1, 7, 1), "MANUAL_AWARD", 5); // the year before
        ExportFixtures.quizAttempt(branch, c, LocalDate.of(year, 9, 1));
        ExportFixtures.honour(a, year);
        // a sibling branch's year, none of which is the first branch's
        String sibling = OrgFixtures.unit("BRANCH", committee);
        String d = OrgFixtures.person("导出丁", sibling);
        String theirs = ExportFixtures.session(sibling, march, "THEMED_PARTY_DAY", 1);
        ExportFixtures.minutes(theirs, d, d, at(march, 17));
        ExportFixtures.attendance(theirs, d, "PRESENT", at(march, 14));
        ExportFixtures.attachment(theirs, at(march, 17));
        ExportFixtures.lecture(theirs, d, at(march, 15));
        ExportFixtures.checkIn(d, sibling, march, true);
        ExportFixtures.checkIn(d, sibling, march.plusDays(1), false);
        ExportFixtures.entry(d, LocalDate.of(year, 7, 1), "MANUAL_AWARD", 5);
        ExportFixtures.quizAttempt(sibling, d, LocalDate.of(year, 9, 1));
        ExportFixtures.honour(d, year);
        // a leaver erased: named 已离开成员 on every sheet, whatever the row still holds
        Sql.execute("update person set erased_at = ?1 where id = ?2", TestTime.now(), c);

        List<String> all = List.of("SESSIONS", "LECTURES", "CHECK_INS_AND_POINTS", "QUIZZES",
                "EVALUATIONS_AND_HONOURS", "INTEGRITY_COUNTS");
        var accepted = admin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body(branch, year, all)).post("/v1/exports").then().statusCode(202)
                .body("state", org.hamcrest.Matchers.equalTo("QUEUED")).extract();
        String id = accepted.path("id");
        assertEquals("/v1/exports/" + id, java.net.URI.create(accepted.header("Location")).getPath());
        assertTrue(worker.runOne(UUID.fromString(id)));
        var job = admin().get("/v1/exports/" + id).then().statusCode(200).extract();
        assertEquals("DONE", job.path("state"));
        assertEquals(100, (int) job.path("percent"));
        assertEquals("/v1/exports/" + id + "/download", job.path("downloadUrl"));

        var served = admin().accept("*/*").get("/v1/exports/" + id + "/download").then().statusCode(200)
                .contentType("application/zip").extract();
        byte[] zip = served.asByteArray();
        assertEquals("\"" + HexFormat.of().formatHex(sha256(zip)) + "\"", served.header("ETag"));
        assertEquals(job.path("sha256"), HexFormat.of().formatHex(sha256(zip)));
        assertTrue(served.header("Content-Disposition").startsWith("attachment; filename=\"ledger-" + year));

        // with the integrity figures, the branch's secretary (who does not read them) sees no such export
        problem(secretary(branch).get("/v1/exports/" + id).then(), 404, "NOT_FOUND");
        problem(secretary(branch).accept("*/*").get("/v1/exports/" + id + "/download").then(), 404, "NOT_FOUND");
        assertTrue(!secretary(branch).get("/v1/exports").then().statusCode(200).extract()
                .<List<String>>path("items.id").contains(id), "not listed to who does not read integrity figures");
        assertTrue(admin().get("/v1/exports").then().statusCode(200).extract().<List<String>>path("items.id")
                .contains(id), "listed to the org admin");

        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                files.put(e.getName(), out.toByteArray());
            }
        }
        JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json"));
        assertEquals(year, manifest.get("year").asInt());
        assertEquals(branch, manifest.get("unitId").asText());
        assertEquals(6, manifest.get("sections").size());
        assertNotNull(manifest.get("generatedAt").asText());
        assertEquals(files.size() - 1, manifest.get("files").size(), "every file but the manifest is listed");
        for (JsonNode f : manifest.get("files")) {
            byte[] content = files.get(f.get("path").asText());
            assertNotNull(content, f.get("path").asText());
            assertEquals(content.length, f.get("bytes").asLong());
            assertEquals(HexFormat.of().formatHex(sha256(content)), f.get("sha256").asText());
        }
        List<String> attachments = files.keySet().stream().filter(n -> n.startsWith("attachments/")).toList();
        assertEquals(1, attachments.size());
        assertEquals(photoSha, HexFormat.of().formatHex(sha256(files.get(attachments.get(0)))));

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(files.get("ledger.xlsx")))) {
            assertEquals(6, book.getNumberOfSheets());
            // the first branch's rows only: two sessions, one lecture, six check-ins with five entries and one
            // award, one quiz attempt, one honour (the sibling's are none of them)
            Map<String, Long> expected = Map.of("组织生活", 2L, "微型党课", 1L, "学习打卡与积分", 12L, "一学一测", 1L,
                    "评选与荣誉", 1L, "廉政统计", 7L);
            for (Map.Entry<String, Long> sheet : expected.entrySet()) {
                Sheet s = book.getSheet(sheet.getKey());
                assertNotNull(s, sheet.getKey());
                assertEquals(sheet.getValue(), (long) s.getLastRowNum(), sheet.getKey() + ": rows below the header");
                assertTrue(s.getPaneInformation() != null && s.getPaneInformation().isFreezePane()
                        && s.getPaneInformation().getHorizontalSplitPosition() == 1, sheet.getKey() + " frozen");
            }
            Sheet sessions = book.getSheet("组织生活");
            assertEquals("日期", sessions.getRow(0).getCell(0).getStringCellValue());
            Cell held = sessions.getRow(1).getCell(0);
            assertEquals(CellType.NUMERIC, held.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(held));
            assertEquals(march.atStartOfDay(), held.getLocalDateTimeCellValue());
            assertEquals(2.0, sessions.getRow(1).getCell(11).getNumericCellValue(), "present, as a number");
            assertEquals(1.0, sessions.getRow(1).getCell(15).getNumericCellValue(), "attachments");
            assertEquals("已离开成员", book.getSheet("一学一测").getRow(1).getCell(1).getStringCellValue());
        }
        assertEquals(1, Sql.count("select count(*) from export_audit where job_id = ?1 and action = 'REQUESTED' "
                + "and unit_id = ?2 and year = ?3 and cardinality(sections) = 6", id, branch, year));
        assertEquals(1, Sql.count("select count(*) from export_audit where job_id = ?1 and action = 'DOWNLOADED'", id));
    }

    @Test
    void anIdenticalExportWhileOneIsQueuedIsThatOneAndTheAuditKeepsBoth() {
        int year = TestTime.today().getYear() - 1;
        String branch = OrgFixtures.unit("BRANCH", OrgFixtures.unit("COMMITTEE", null));
        String first = secretary(branch).body(body(branch, year, List.of("SESSIONS", "LECTURES"))).post("/v1/exports")
                .then().statusCode(202).extract().path("id");
        String second = secretary(branch).body(body(branch, year, List.of("LECTURES", "SESSIONS", "LECTURES")))
                .post("/v1/exports").then().statusCode(202).extract().path("id");
        assertEquals(first, second);
        String other = secretary(branch).body(body(branch, year, List.of("SESSIONS"))).post("/v1/exports")
                .then().statusCode(202).extract().path("id");
        assertTrue(!other.equals(first), "other sections, another export");
        assertEquals(1, Sql.count("select count(*) from export_audit where job_id = ?1 and action = 'JOINED'", first));
        problem(secretary(branch).accept("*/*").get("/v1/exports/" + first + "/download").then(), 409,
                "EXPORT_NOT_READY");
        List<String> listed = secretary(branch).get("/v1/exports").then().statusCode(200).extract().path("items.id");
        assertTrue(listed.containsAll(List.of(first, other)) && listed.size() == 2, listed.toString());
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> Sql.execute("update export_job set year = year - 1 where id = ?1", other),
                "the unit, year and sections of an export never change");
    }

    @Test
    void anExpiredExportAnswers410AndItsFileIsGone() {
        int year = TestTime.today().getYear() - 1;
        String branch = OrgFixtures.unit("BRANCH", OrgFixtures.unit("COMMITTEE", null));
        String id = secretary(branch).body(body(branch, year, List.of("QUIZZES"))).post("/v1/exports").then()
                .statusCode(202).extract().path("id");
        assertTrue(worker.runOne(UUID.fromString(id)));
        secretary(branch).accept("*/*").get("/v1/exports/" + id + "/download").then().statusCode(200);
        clock.advance(Duration.ofDays(8));
        problem(secretary(branch).accept("*/*").get("/v1/exports/" + id + "/download").then(), 410, "EXPORT_EXPIRED");
        assertEquals(1, Sql.count("select count(*) from export_job where id = ?1 and state = 'DONE'", id),
                "past its time before any pass marked it");
        assertTrue(jobs.expire(TestTime.now()) >= 1);
        clock.reset();
        assertEquals("EXPIRED", secretary(branch).get("/v1/exports/" + id).then().statusCode(200).extract()
                .path("state"));
        problem(secretary(branch).accept("*/*").get("/v1/exports/" + id + "/download").then(), 410, "EXPORT_EXPIRED");
        assertEquals(0, Sql.count("select count(*) from export_file where job_id = ?1", id));
    }

    @Test
    void aJobLeftRunningByAStoppedReplicaRunsAgainAndAfterItsLastAttemptFailsVisibly() {
        int year = TestTime.today().getYear() - 2;
        String branch = OrgFixtures.unit("BRANCH", OrgFixtures.unit("COMMITTEE", null));
        String resumed = UUID.randomUUID().toString();
        String given = UUID.randomUUID().toString();
        for (String[] job : new String[][] {{resumed, "1", "LECTURES"}, {given, "3", "QUIZZES"}}) {
            Sql.execute("insert into export_job (id, unit_id, year, sections, requested_by, created_at, state, percent,"
                    + " current_section, attempts, claimed_by, lease_until, started_at, version) values (?1, ?2, ?3, "
                    + "array[cast(?4 as varchar)], 'test', ?6, 'RUNNING', 40, ?4, ?5, "
                    + "'gone-replica/1', ?7, ?6, 3)", job[0], branch, year, job[2], Integer.parseInt(job[1]),
                    TestTime.now().minus(Duration.ofHours(1)), TestTime.now().minus(Duration.ofMinutes(1)));
        }
        assertTrue(worker.runOne(UUID.fromString(resumed)), "taken again once its lease ran out");
        assertTrue(!worker.runOne(UUID.fromString(given)), "after its last attempt, failed rather than taken");
        var again = secretary(branch).get("/v1/exports/" + resumed).then().statusCode(200).extract();
        assertEquals("DONE", again.path("state"));
        assertEquals(2, (int) again.path("attempts"));
        var failed = secretary(branch).get("/v1/exports/" + given).then().statusCode(200).extract();
        assertEquals("FAILED", failed.path("state"));
        assertTrue(failed.<String>path("error").contains("stopped 3 times"), failed.<String>path("error"));
    }

    @Test
    void exportingAgainPlansNoQueryAgain() {
        int year = TestTime.today().getYear() - 1;
        String branch = OrgFixtures.unit("BRANCH", OrgFixtures.unit("COMMITTEE", null));
        exportOnce(branch, year);
        exportOnce(branch, year);
        int planned = plans();
        for (int i = 0; i < 3; i++) {
            exportOnce(branch, year);
        }
        assertEquals(planned, plans(), "query plans cached after the same export was asked for, run, listed again");
    }

    private void exportOnce(String branch, int year) {
        String id = secretary(branch).body(body(branch, year, List.of("SESSIONS", "CHECK_INS_AND_POINTS")))
                .post("/v1/exports").then().statusCode(202).extract().path("id");
        assertTrue(worker.runOne(UUID.fromString(id)));
        secretary(branch).get("/v1/exports").then().statusCode(200);
        secretary(branch).accept("*/*").get("/v1/exports/" + id + "/download").then().statusCode(200);
        jobs.expire(TestTime.now());
    }

    private int plans() {
        return factory.unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class).getQueryEngine()
                .getInterpretationCache().getNumberOfCachedQueryPlans();
    }

    @Test
    void badRequestsAndCallersAreRefused() {
        int year = TestTime.today().getYear() - 1;
        String committee = OrgFixtures.unit("COMMITTEE", null);
        String branch = OrgFixtures.unit("BRANCH", committee);
        String other = OrgFixtures.unit("BRANCH", committee);
        problem(secretary(branch).body(body(branch, year, List.of("SESSIONS", "MEETINGS"))).post("/v1/exports")
                .then(), 400, "VALIDATION_FAILED");
        problem(secretary(branch).body(body(branch, year, List.of())).post("/v1/exports").then(), 400,
                "VALIDATION_FAILED");
        problem(secretary(branch).body(body(branch, year + 2, List.of("SESSIONS"))).post("/v1/exports").then(), 400,
                "EXPORT_YEAR_OUT_OF_RANGE");
        problem(secretary(branch).body(body(branch, year - 11, List.of("SESSIONS"))).post("/v1/exports").then(), 400,
                "EXPORT_YEAR_OUT_OF_RANGE");
        problem(secretary(branch).body(body(branch, year, List.of("INTEGRITY_COUNTS"))).post("/v1/exports").then(),
                403, "EXPORT_INTEGRITY_FORBIDDEN");
        problem(Api.as("export-member", Roles.MEMBER, UUID.fromString(branch)).body(body(branch, year,
                List.of("SESSIONS"))).post("/v1/exports").then(), 403, "FORBIDDEN");
        problem(secretary(other).body(body(branch, year, List.of("SESSIONS"))).post("/v1/exports").then(), 404,
                "NOT_FOUND");
        problem(Api.anonymous().body(body(branch, year, List.of("SESSIONS"))).post("/v1/exports").then(), 401,
                "UNAUTHENTICATED");
        String id = secretary(branch).body(body(branch, year, List.of("SESSIONS"))).post("/v1/exports").then()
                .statusCode(202).extract().path("id");
        problem(secretary(other).get("/v1/exports/" + id).then(), 404, "NOT_FOUND");
        problem(secretary(other).accept("*/*").get("/v1/exports/" + id + "/download").then(), 404, "NOT_FOUND");
        assertTrue(!secretary(other).get("/v1/exports").then().statusCode(200).extract()
                .<List<String>>path("items.id").contains(id), "another subtree's exports are not listed");
    }
}
