package cn.zhibu.points.imports;

import static cn.zhibu.points.PointsFixtures.clientToken;
import static cn.zhibu.points.PointsFixtures.rule;
import static cn.zhibu.points.PointsFixtures.today;
import static cn.zhibu.testing.OrgFixtures.unit;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.points.PointsFixtures;
import cn.zhibu.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Imports of points earned elsewhere over HTTP: JSON and CSV (UTF-8 and GB18030), credited once per
 * external id whatever is sent again, all or nothing, and who may (under contention: PointsImportConcurrencyTest).
 */
@QuarkusTest
class PointsImportsApiTest extends PointsImportTests {

    @Test
    void jsonRecordsAreCreditedOnceWhateverIsSentAgain() throws Exception {
        LocalDate day = today().minusDays(3);
        List<Map<String, Object>> items = List.of(item("x-" + tag + "-1", "personId", zhang, 5, day),
                item("x-" + tag + "-2", "personExternalId", "HR-" + tag + "-1", 3, day.minusDays(1)),
                item("x-" + tag + "-3", "personExternalId", "HR-" + tag + "-2", 4, today()));
        Response first = json(secretary(), items);
        first.then().statusCode(200)
                .body("dryRun", equalTo(false)).body("credited", equalTo(3)).body("unchanged", equalTo(0))
                .body("pointsCredited", equalTo(12))
                .body("lines.line", contains(1, 2, 3))
                .body("lines.status", everyItem(equalTo("CREDITED")))
                .body("lines.personId", contains(zhang, zhang, li))
                .body("lines.entryId", everyItem(notNullValue()));
        assertEquals(8, sum(zhang));
        assertEquals(4, sum(li));
        secretary().queryParam("personId", zhang).get("/v1/points/entries").then().statusCode(200)
                .body("items.activityType", everyItem(equalTo("EXTERNAL_IMPORT")))
                .body("items.sourceType", everyItem(equalTo("EXTERNAL_IMPORT")))
                .body("items.sourceId", contains("x-" + tag + "-2", "x-" + tag + "-1"))
                .body("items.businessDate", contains(day.minusDays(1).toString(), day.toString()))
                .body("items.reason", everyItem(equalTo("学习强国积分")));

        // again, with another key (and in another order): nothing more is credited
        String one = first.path("lines[0].entryId");
        String two = first.path("lines[1].entryId");
        String three = first.path("lines[2].entryId");
        Response again = json(secretary(), List.of(items.get(2), items.get(0), items.get(1)));
        again.then().statusCode(200).body("credited", equalTo(0)).body("unchanged", equalTo(3))
                .body("pointsCredited", equalTo(0))
                .body("lines.status", everyItem(equalTo("ALREADY_IMPORTED")))
                .body("lines.entryId", contains(three, one, two))
                .body("lines.points", contains(4, 5, 3));
        // one new record among known ones: only it is credited
        List<Map<String, Object>> more = new ArrayList<>(items);
        more.add(item("x-" + tag + "-4", "personId", li, 2, day));
        json(secretary(), more).then().statusCode(200).body("credited", equalTo(1)).body("unchanged", equalTo(3))
                .body("pointsCredited", equalTo(2));
        assertEquals(8, sum(zhang));
        assertEquals(6, sum(li));
        assertEquals(4, imported("x-" + tag));

        // the same key and body: the first answer, replayed
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("items", List.of(item("x-" + tag + "-5", "personId", li, 1, day)));
        secretary().header("Idempotency-Key", key).body(body).post(IMPORTS).then().statusCode(200)
                .body("credited", equalTo(1));
        secretary().header("Idempotency-Key", key).body(body).post(IMPORTS).then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("credited", equalTo(1));
        assertEquals(7, sum(li));
    }

    @Test
    void csvFilesInUtf8AndGb18030WithEnglishOrChineseHeaders() throws Exception {
        LocalDate day = today().minusDays(10);
        byte[] utf8 = bytes(StandardCharsets.UTF_8, true, "externalId,personExternalId,points,date,reason",
                "c-" + tag + "-1,HR-" + tag + "-1,6," + day + ",学习强国 三月",
                "c-" + tag + "-2,HR-" + tag + "-2,2," + day.getYear() + "/" + day.getMonthValue() + "/"
                        + day.getDayOfMonth() + ",");
        csv(secretary(), utf8, "text/csv").then().statusCode(200).body("credited", equalTo(2))
                .body("pointsCredited", equalTo(8)).body("lines.line", contains(2, 3));
        byte[] gb = bytes(GB18030, false, "事由,积分,日期,记录编号,人员ID", "网上党校 课程,7," + day + ",c-" + tag + "-3," + li);
        csv(secretary(), gb, "text/csv; charset=GB18030").then().statusCode(200).body("credited", equalTo(1))
                .body("lines[0].personId", equalTo(li));
        // without a charset the service tells GB18030 from UTF-8; sent again, it is known
        csv(secretary(), gb, "text/csv").then().statusCode(200).body("credited", equalTo(0))
                .body("unchanged", equalTo(1));
        assertEquals(6, sum(zhang));
        assertEquals(9, sum(li));
        secretary().queryParam("personId", li).get("/v1/points/entries").then().statusCode(200)
                .body("items.reason", contains("网上党校 课程", null));
    }

    @Test
    void aKnownRecordWithAnotherPersonPointsOrDateIsAConflictAndNothingIsCredited() throws Exception {
        LocalDate day = today().minusDays(2);
        json(secretary(), List.of(item("k-" + tag, "personId", zhang, 5, day))).then().statusCode(200);
        for (Map<String, Object> changed : List.of(item("k-" + tag, "personId", li, 5, day),
                item("k-" + tag, "personId", zhang, 6, day), item("k-" + tag, "personId", zhang, 5, day.minusDays(1)))) {
            problem(json(secretary(), List.of(item("k-" + tag + "-new", "personId", li, 1, day), changed)).then(),
                    422, "POINTS_IMPORT_INVALID")
                    .body("errors", hasSize(1))
                    .body("errors[0].line", equalTo(2))
                    .body("errors[0].field", equalTo("externalId"))
                    .body("errors[0].code", equalTo("POINTS_IMPORT_CONFLICT"));
        }
        assertEquals(5, sum(zhang));
        assertEquals(0, sum(li), "all or nothing: the good record was not credited either");
        assertEquals(1, imported("k-" + tag));
    }

    @Test
    void theRulesCapsApplyAndADryRunWritesNothing() throws Exception {
        LocalDate monday = today().minusWeeks(2).with(java.time.DayOfWeek.MONDAY);
        List<Map<String, Object>> items = List.of(item("w-" + tag + "-1", "personId", zhang, 20, monday),
                item("w-" + tag + "-2", "personId", zhang, 20, monday.plusDays(1)));
        Response dry = zhangImport(items, "true");
        dry.then().statusCode(200).body("dryRun", equalTo(true)).body("credited", equalTo(2))
                .body("pointsCredited", equalTo(40)).body("lines.entryId", everyItem(nullValue()));
        assertEquals(0, sum(zhang));
        zhangImport(items, "false").then().statusCode(200).body("credited", equalTo(2))
                .body("lines.points", contains(20, 10)).body("pointsCredited", equalTo(30));
        assertEquals(30, sum(zhang), "the weekly cap of 30 holds");
        zhangImport(items, "true").then().statusCode(200).body("unchanged", equalTo(2))
                .body("lines.points", contains(20, 10));
        problem(zhangImport(items, "maybe").then(), 400, "INVALID_PARAMETER");
    }

    private Response zhangImport(List<Map<String, Object>> items, String dryRun) {
        return secretary().header("Idempotency-Key", UUID.randomUUID().toString()).queryParam("dryRun", dryRun)
                .body(Map.of("items", items)).post(IMPORTS);
    }

    @Test
    void everyBadRecordIsReportedByLineAndNothingIsCredited() throws Exception {
        LocalDate day = today().minusDays(1);
        Map<String, Object> both = item("v-" + tag + "-5", "personId", zhang, 1, day);
        both.put("personExternalId", "HR-" + tag + "-1");
        Map<String, Object> neither = item("v-" + tag + "-6", "personId", null, 1, day);
        neither.remove("personId");
        problem(json(secretary(), List.of(item("v-" + tag + "-1", "personId", zhang, 1, day),
                item("v-" + tag + "-2", "personId", zhang, 1, today().plusDays(1)),
                item("v-" + tag + "-3", "personId", zhang, 1, today().minusYears(1).minusDays(1)),
                item("v-" + tag + "-1", "personId", li, 1, day),
                both, neither,
                item("v-" + tag + "-7", "personExternalId", "HR-nobody-" + tag, 1, day),
                item("v-" + tag + "-8", "personId", stranger, 1, day),
                item("v-" + tag + "-9", "personId", UUID.randomUUID().toString(), 1, day))).then(),
                422, "POINTS_IMPORT_INVALID")
                .body("detail", org.hamcrest.Matchers.containsString("8"))
                .body("errors.line", contains(2, 3, 4, 5, 6, 7, 8, 9))
                .body("errors.field", contains("date", "date", "externalId", "personId", "personId",
                        "personExternalId", "personId", "personId"))
                .body("errors.code", contains("POINTS_IMPORT_DATE_IN_FUTURE", "POINTS_IMPORT_DATE_TOO_OLD",
                        "POINTS_IMPORT_EXTERNAL_ID_REPEATED", "POINTS_IMPORT_PERSON_REQUIRED",
                        "POINTS_IMPORT_PERSON_REQUIRED", "POINTS_IMPORT_PERSON_NOT_FOUND",
                        "POINTS_IMPORT_PERSON_NOT_FOUND", "POINTS_IMPORT_PERSON_NOT_FOUND"));
        assertEquals(0, sum(zhang));
        assertEquals(0, imported("v-" + tag));
        // someone of another branch reads as someone who does not exist
        Response outside = json(secretary(), List.of(item("v-" + tag + "-8", "personId", stranger, 1, day)));
        Response unknown = json(secretary(), List.of(item("v-" + tag + "-8", "personId", stranger.substring(0, 30)
                + "000000", 1, day)));
        assertEquals(outside.<String>path("errors[0].message").replace(stranger, "?"),
                unknown.<String>path("errors[0].message").replaceAll("[0-9a-f-]{36}", "?"));
        // a branch without an EXTERNAL_IMPORT rule
        String bare = unit("BRANCH", unit("COMMITTEE", null));
        String newcomer = PointsFixtures.person("赵六", "HR-" + tag + "-7", bare);
        problem(Api.as("org-admin", Roles.ORG_ADMIN).header("Accept-Language", "en").header("Idempotency-Key",
                UUID.randomUUID().toString()).body(Map.of("items", List.of(item("v-" + tag + "-10", "personId",
                newcomer, 1, day)))).post(IMPORTS).then(), 422, "POINTS_IMPORT_INVALID")
                .body("errors[0].code", equalTo("POINTS_NO_RULE"))
                .body("errors[0].message", equalTo("No scoring rule holds for EXTERNAL_IMPORT on " + day
                        + ": nothing can be credited."));
    }

    @Test
    void badBodiesAndFiles() {
        LocalDate day = today().minusDays(1);
        problem(json(secretary(), List.of(item("b-" + tag, "personId", zhang, 0, day))).then(), 400,
                "VALIDATION_FAILED").body("errors[0].field", equalTo("items[0].points"));
        problem(json(secretary(), List.of(item("b " + tag, "personId", zhang, 1, day))).then(), 400,
                "VALIDATION_FAILED").body("errors[0].field", equalTo("items[0].externalId"));
        problem(json(secretary(), List.of()).then(), 400, "POINTS_IMPORT_EMPTY");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(item("m-" + tag + "-" + i, "personId", zhang, 1, day));
        }
        problem(json(secretary(), many).then(), 400, "VALIDATION_FAILED").body("errors[0].field", equalTo("items"));
        problem(secretary().header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"items\": [")
                .post(IMPORTS).then(), 400, "MALFORMED_JSON");
        problem(secretary().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("items", List.of(item("b-" + tag, "personId", zhang, 1, day)), "extra", 1))
                .post(IMPORTS).then(), 400, "VALIDATION_FAILED").body("errors[0].code", equalTo("UNKNOWN_FIELD"));
        problem(secretary().header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"items\": [{\"externalId\": "
                + "\"b\", \"personId\": \"" + zhang + "\", \"points\": 1, \"date\": \"2026-02-30\"}]}").post(IMPORTS)
                .then(), 400, "VALIDATION_FAILED").body("errors[0].field", equalTo("items[0].date"));
        problem(secretary().body(Map.of("items", List.of(item("b-" + tag, "personId", zhang, 1, day))))
                .post(IMPORTS).then(), 400, "IDEMPOTENCY_KEY_REQUIRED");

        // CSV: cells, columns, sizes and types
        problem(csv(secretary(), bytes(StandardCharsets.UTF_8, false, "externalId,personId,points,date,备注",
                "f-" + tag + "-1," + zhang + ",abc," + day + ",x",
                "f-" + tag + "-2,not-a-uuid,1,2026-13-01,y",
                ",,,,"), "text/csv").then(), 422, "POINTS_IMPORT_INVALID")
                .body("errors[0].line", equalTo(1))
                .body("errors[0].field", equalTo("备注"))
                .body("errors[0].code", equalTo("IMPORT_COLUMN_UNKNOWN"));
        problem(csv(secretary(), bytes(StandardCharsets.UTF_8, false, "externalId,personId,points,date",
                "f-" + tag + "-1," + zhang + ",abc," + day,
                "f-" + tag + "-2,not-a-uuid,1,2026-13-01",
                "," + zhang + ",5000," + day,
                "f-" + tag + "-4," + zhang + ",1"), "text/csv").then(), 422, "POINTS_IMPORT_INVALID")
                .body("errors.line", contains(2, 3, 3, 4, 4, 5))
                .body("errors.field", contains("points", "date", "personId", "externalId", "points", "line"))
                .body("errors.code", contains("IMPORT_VALUE_INVALID", "IMPORT_VALUE_INVALID", "IMPORT_VALUE_INVALID",
                        "IMPORT_VALUE_REQUIRED", "IMPORT_VALUE_INVALID", "IMPORT_FIELD_COUNT"))
                .body("errors[0].message", equalTo("值“abc”无效，应为：1 到 1000 的整数"));
        problem(csv(secretary(), bytes(StandardCharsets.UTF_8, false, "externalId,points,date", "a,1," + day),
                "text/csv").then(), 422, "POINTS_IMPORT_INVALID")
                .body("errors[0].code", equalTo("IMPORT_COLUMN_MISSING"));
        problem(csv(secretary(), bytes(StandardCharsets.UTF_8, false, "外部编号,人员编号,积分,日期", "a,b,1," + day),
                "text/csv").then(), 422, "POINTS_IMPORT_INVALID")
                .body("errors.code", contains("IMPORT_COLUMN_MISSING", "IMPORT_COLUMN_UNKNOWN"))
                .body("errors.field", contains("externalId", "外部编号"));
        List<String> lines = new ArrayList<>(List.of("externalId,personId,points,date"));
        for (int i = 0; i < 5001; i++) {
            lines.add("t-" + i + "," + zhang + ",1," + day);
        }
        problem(csv(secretary(), bytes(StandardCharsets.UTF_8, false, lines.toArray(String[]::new)), "text/csv")
                .then(), 422, "POINTS_IMPORT_TOO_MANY_LINES");
        problem(csv(secretary(), new byte[0], "text/csv").then(), 400, "IMPORT_FILE_EMPTY");
        problem(csv(secretary(), "a,b".getBytes(StandardCharsets.UTF_8), "text/csv; charset=latin1").then(), 415,
                "IMPORT_NOT_CSV");
        problem(csv(secretary(), "a,b".getBytes(StandardCharsets.UTF_8), "text/plain").then(), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        byte[] broken = bytes(StandardCharsets.UTF_8, true, "externalId,personId,points,date", "g,"
                + zhang + ",1," + day);
        broken[broken.length - 4] = (byte) 0xFF;
        problem(csv(secretary(), broken, "text/csv").then(), 422, "POINTS_IMPORT_INVALID")
                .body("errors[0].code", equalTo("IMPORT_ENCODING_INVALID")).body("errors[0].line", equalTo(2));
        // a header alone is nothing to import, as JSON without items is
        problem(csv(secretary(), bytes(StandardCharsets.UTF_8, false, "externalId,personId,points,date"), "text/csv")
                .then(), 400, "POINTS_IMPORT_EMPTY");
        problem(csv(secretary(), bytes(StandardCharsets.UTF_8, false, "externalId,personId,points,date", "", ",,,"),
                "text/csv").then(), 400, "POINTS_IMPORT_EMPTY");
        problem(csv(secretary(), bytes(StandardCharsets.UTF_8, false, "externalId,personId,points,date,备注"),
                "text/csv").then(), 422, "POINTS_IMPORT_INVALID").body("errors[0].code", equalTo("IMPORT_COLUMN_UNKNOWN"));
    }

    @Test
    void aFileWithThousandsOfProblemsShowsTheFirstHundredAndCountsThemAll() {
        List<String> lines = new ArrayList<>(List.of("externalId,personId,points,date"));
        for (int i = 0; i < 1200; i++) {
            lines.add("e-" + tag + "-" + i + ",not-a-uuid,abc,2026-13-01"); // three bad cells
        }
        for (int i = 0; i < 400; i++) {
            lines.add("e-" + tag + "-x" + i + "," + zhang + ",1"); // a cell short
        }
        problem(csv(secretary(), bytes(StandardCharsets.UTF_8, false, lines.toArray(String[]::new)), "text/csv")
                .then(), 422, "POINTS_IMPORT_INVALID")
                .body("detail", org.hamcrest.Matchers.containsString(" 4,000 "))
                .body("errors", hasSize(100))
                .body("errors[0].line", equalTo(2)).body("errors[98].line", equalTo(34))
                .body("errors[99].line", equalTo(35))
                .body("errors.field[0..2]", contains("date", "personId", "points"));
    }

    @Test
    void whoMayImport() throws Exception {
        LocalDate day = today().minusDays(1);
        problem(json(Api.as("import-member", Roles.MEMBER, UUID.fromString(branch)),
                List.of(item("a-" + tag + "-1", "personId", zhang, 1, day))).then(), 403, "FORBIDDEN");
        problem(json(Api.as("import-leader", Roles.GROUP_LEADER, UUID.fromString(branch)),
                List.of(item("a-" + tag + "-1", "personId", zhang, 1, day))).then(), 403, "FORBIDDEN");
        problem(json(Api.as("import-outsider", Roles.SECRETARY, UUID.fromString(otherBranch)),
                List.of(item("a-" + tag + "-1", "personId", zhang, 1, day))).then(), 422, "POINTS_IMPORT_INVALID")
                .body("errors[0].code", equalTo("POINTS_IMPORT_PERSON_NOT_FOUND"));
        problem(json(Api.anonymous(), List.of(item("a-" + tag + "-1", "personId", zhang, 1, day))).then(), 401,
                "UNAUTHENTICATED");
        // API clients: points:write on the branch imports; people:read sees the person but may not
        String writer = clientToken(branch, "points:write");
        json(Api.bearer(writer), List.of(item("a-" + tag + "-1", "personExternalId", "HR-" + tag + "-1", 2, day)))
                .then().statusCode(200).body("credited", equalTo(1));
        problem(json(Api.bearer(clientToken(branch, "people:read")), List.of(item("a-" + tag + "-2", "personId",
                zhang, 1, day))).then(), 403, "FORBIDDEN");
        problem(json(Api.bearer(clientToken(otherBranch, "points:write")), List.of(item("a-" + tag + "-2",
                "personId", zhang, 1, day))).then(), 422, "POINTS_IMPORT_INVALID");
        json(Api.bearer(clientToken(otherBranch, "points:write")), List.of(item("a-" + tag + "-3", "personId",
                stranger, 1, day))).then().statusCode(200).body("credited", equalTo(1));
        assertEquals(2, sum(zhang));
        assertEquals(1, sum(stranger));
    }

    @Test
    void callersWhoImportNowhereLearnNothingAboutTheLines() throws Exception {
        LocalDate day = today().minusDays(1);
        List<Map<String, Object>> nobody = List.of(item("n-" + tag, "personId", UUID.randomUUID().toString(), 1,
                today().plusDays(3)));
        problem(json(Api.as("import-member", Roles.MEMBER, UUID.fromString(branch)), nobody).then(), 403,
                "FORBIDDEN");
        problem(json(Api.as("import-leader", Roles.GROUP_LEADER, UUID.fromString(branch)), nobody).then(), 403,
                "FORBIDDEN");
        problem(json(Api.as("import-out-leader", Roles.GROUP_LEADER, UUID.fromString(otherBranch)),
                List.of(item("n-" + tag, "personId", zhang, 1, day))).then(), 403, "FORBIDDEN");
        problem(json(Api.bearer(clientToken(branch, "people:read")), nobody).then(), 403, "FORBIDDEN");
        problem(csv(Api.as("import-member", Roles.MEMBER, UUID.fromString(branch)), bytes(StandardCharsets.UTF_8,
                false, "externalId,personId,points,date", "n-" + tag + ",not-a-uuid,abc,2026-13-01"), "text/csv")
                .then(), 403, "FORBIDDEN");
        assertEquals(0, imported("n-" + tag));
    }

    @Test
    void aRecordImportedForSomeoneOutOfReachIsNeverDescribed() throws Exception {
        LocalDate day = today().minusDays(2);
        json(secretary(), List.of(item("h-" + tag, "personId", zhang, 17, day))).then().statusCode(200);
        RequestSpecification outsider = Api.as("import-outsider", Roles.SECRETARY, UUID.fromString(otherBranch))
                .header("Accept-Language", "en");
        // the id naming someone out of reach reads exactly as a fresh id would: no conflict, the dates checked
        Response known = json(outsider, List.of(item("h-" + tag, "personId", zhang, 18, today().plusDays(1))));
        Response fresh = json(Api.as("import-outsider", Roles.SECRETARY, UUID.fromString(otherBranch))
                .header("Accept-Language", "en"), List.of(item("h-" + tag + "-x", "personId", zhang, 18,
                today().plusDays(1))));
        problem(known.then(), 422, "POINTS_IMPORT_INVALID")
                .body("errors.code", contains("POINTS_IMPORT_DATE_IN_FUTURE", "POINTS_IMPORT_PERSON_NOT_FOUND"));
        assertEquals(fresh.<List<String>>path("errors.code"), known.<List<String>>path("errors.code"));
        assertEquals(fresh.<List<String>>path("errors.message"), known.<List<String>>path("errors.message"));
        // naming someone in reach: the id is taken, but by whom, when and for how much is not told
        problem(json(Api.as("import-outsider", Roles.SECRETARY, UUID.fromString(otherBranch))
                .header("Accept-Language", "en"), List.of(item("h-" + tag, "personId", stranger, 18, day))).then(),
                422, "POINTS_IMPORT_INVALID")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("externalId"))
                .body("errors[0].code", equalTo("POINTS_IMPORT_EXTERNAL_ID_TAKEN"))
                .body("errors[0].message", equalTo("The record h-" + tag + " was imported before for a person outside "
                        + "your units; a record is never credited twice."));
        // in the caller's own reach, a conflict still tells the earlier record
        problem(json(secretary().header("Accept-Language", "en"), List.of(item("h-" + tag, "personId", li, 18, day)))
                .then(), 422, "POINTS_IMPORT_INVALID")
                .body("errors[0].code", equalTo("POINTS_IMPORT_CONFLICT"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString(day + ", 17 points"));
        assertEquals(1, imported("h-" + tag));
        assertEquals(0, sum(stranger));
    }

    @Test
    void aBodyWithoutContentTypeIsA415() throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        RestAssured.baseURI + ":" + RestAssured.port + IMPORTS))
                .header("Authorization", "Bearer " + cn.zhibu.testing.TestAccounts.token(cn.zhibu.testing.TestAccounts
                        .account("import-secretary", UUID.fromString(branch), Roles.SECRETARY)))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("externalId,personId,points,date\r\nz-" + tag
                        + "," + zhang + ",1," + today() + "\r\n"))
                .build();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(415, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        org.junit.jupiter.api.Assertions.assertTrue(response.body().contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\""),
                response.body());
        assertEquals(0, imported("z-" + tag));
    }
}
