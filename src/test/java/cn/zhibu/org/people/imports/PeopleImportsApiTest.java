package cn.zhibu.org.people.imports;

import cn.zhibu.testing.Sql;
import static cn.zhibu.org.people.imports.ImportFiles.BOM;
import static cn.zhibu.org.people.imports.ImportFiles.GB18030;
import static cn.zhibu.org.people.imports.ImportFiles.HEADER;
import static cn.zhibu.org.people.imports.ImportFiles.csv;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Imports of people from CSV over HTTP: encodings, dry runs, bad lines, re-runs, transfers (requests and roles:
 * PeopleImportRequestsTest). */
@QuarkusTest
class PeopleImportsApiTest extends PeopleImportTests {

    @Test
    void utf8WithAndWithoutBomAndGb18030WithChineseHeadersAreImported() throws Exception {
        String withBom = csv(HEADER, List.of(
                id("1") + ",王芳,FEMALE,1985-03-08,FULL,2010-07-01,\"科员,兼组织委员\",false,13800138000," + branchName
                        + ",第一党小组;办公室",
                id("2") + ",\"李 雷\",MALE,1990/3/8,NON_MEMBER,,,true,," + branch + ","));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(BOM);
        bytes.write(withBom.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> first = run(bytes.toByteArray(), "text/csv", "false");
        assertEquals("SUCCEEDED", first.get("state"), first.toString());
        assertEquals("UTF-8", first.get("charset"));
        assertEquals(List.of(2, 2, 2, 0, 0, 0), List.of(first.get("total"), first.get("processed"),
                first.get("created"), first.get("updated"), first.get("unchanged"), first.get("errorCount")));
        Map<String, Object> wang = stored(id("1"));
        assertEquals("王芳", wang.get("name"));
        assertEquals("科员,兼组织委员", wang.get("jobTitle"));
        assertEquals(List.of(branch, group, department).stream().sorted().toList(),
                unitsOf((String) wang.get("id")).stream().sorted().toList()); // groups come in no set order
        admin().get("/v1/people/" + wang.get("id")).then().body("phone", equalTo("13800138000"));
        Map<String, Object> li = stored(id("2"));
        assertEquals("李 雷", li.get("name"));
        assertEquals(true, li.get("leadingCadre"));
        assertEquals(List.of(branch), unitsOf((String) li.get("id")));
        // a leading cadre imported gets an integrity file, opened on the day, in their branch
        assertEquals(1L, cn.zhibu.testing.Sql.count("select count(*) from integrity_file where person_id = ?1 "
                + "and opened_reason = 'APPOINTMENT' and unit_id = ?2", li.get("id"), branch));

        String withoutBom = "externalId,name,gender,birthDate,politicalStatus,branch\n"
                + id("3") + ",Ann Lee,female,1991-12-31,activist," + branchName + "\n";
        Map<String, Object> second = run(withoutBom.getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8", null);
        assertEquals("SUCCEEDED", second.get("state"), second.toString());
        assertEquals(false, second.get("dryRun"));
        assertEquals("ACTIVIST", stored(id("3")).get("politicalStatus"));

        String chinese = "姓名,外部编号,性别,出生日期,政治面貌,入党日期,领导干部,支部,党小组\r\n"
                + "张三," + id("4") + ",男,1980/1/2,中共党员,2005/7/1,是," + otherBranchName + ",第一党小组\r\n"
                + "赵四," + id("5") + ",女,1999-09-09,群众,,否," + otherBranchName + ",\r\n"
                + "钱五," + id("6") + ",女,1999-09-09,预备党员,2025-10-01,否," + otherBranchName + ",\r\n";
        Map<String, Object> third = run(chinese.getBytes(GB18030), "text/csv", "false");
        assertEquals("SUCCEEDED", third.get("state"), third.toString());
        assertEquals("GB18030", third.get("charset"));
        assertEquals(3, third.get("created"));
        Map<String, Object> zhang = stored(id("4"));
        assertEquals("张三", zhang.get("name"));
        assertEquals("MALE", zhang.get("gender"));
        assertEquals("FULL", zhang.get("politicalStatus"));
        assertEquals("2005-07-01", zhang.get("partyJoinDate"));
        assertEquals(List.of(otherBranch, otherGroup), unitsOf((String) zhang.get("id")));
        assertEquals("PROBATIONARY", stored(id("6")).get("politicalStatus"));

        String named = "外部编号,姓名,性别,出生日期,政治面貌,支部\n" + id("7") + ",孙七,女,1970-01-01,群众," + branchName + "\n";
        Map<String, Object> declared = run(named.getBytes(GB18030), "text/csv;charset=GBK", null);
        assertEquals("SUCCEEDED", declared.get("state"), declared.toString());
        assertEquals("孙七", stored(id("7")).get("name"));
    }

    @Test
    void aDryRunReportsEveryBadLineAndWritesNothing() throws Exception {
        String file = csv(HEADER, List.of(
                id("1") + ",好人,FEMALE,1985-03-08,FULL,2010-07-01,科员,false,13800138000," + branchName + ",第一党小组",
                id("2") + ",坏性别,F,1985-03-08,NON_MEMBER,,,false,," + branchName + ",",
                id("3") + ",无支部,MALE,1985-03-08,NON_MEMBER,,,false,,第九支部" + tag + ",",
                id("1") + ",重复,MALE,1985-03-08,NON_MEMBER,,,false,," + branchName + ",",
                id("4") + ",少一列,MALE,1985-03-08,NON_MEMBER,,,false," + branchName + ",",
                id("5") + ",\"多行\n职务\",MALE,1985-03-08,NON_MEMBER,,,false,," + branchName + ",",
                id("6") + ",日期,MALE,1985-02-30,NON_MEMBER,,,false,," + branchName + ",",
                id("7") + ",群众有入党日期,MALE,1985-01-01,NON_MEMBER,2010-01-01,,false,," + branchName + ",",
                id("8") + ",别的小组,MALE,1985-01-01,NON_MEMBER,,,false,," + branchName + "," + otherGroup,
                id("9") + ",电话,MALE,1985-01-01,NON_MEMBER,,,maybe,12345," + branchName + ",",
                "bad id!,,MALE,1985-01-01,NON_MEMBER,,,false,," + otherBranch + ",不存在的小组",
                id("10") + ",好人二,MALE,1985-01-01,NON_MEMBER,,,false,," + branchName + ","));
        Map<String, Object> job = run(file.getBytes(StandardCharsets.UTF_8), "text/csv", "true");
        assertEquals("FAILED", job.get("state"), job.toString());
        assertEquals(true, job.get("dryRun"));
        assertEquals(12, job.get("total"));
        assertEquals(12, job.get("processed"));
        List<Map<String, Object>> errors = errors(job.get("id"), "zh-CN");
        assertEquals(List.of(
                "3 gender IMPORT_VALUE_INVALID",
                "4 branch IMPORT_UNIT_NOT_FOUND",
                "5 externalId IMPORT_EXTERNAL_ID_REPEATED",
                "6 null IMPORT_FIELD_COUNT",
                "7 name IMPORT_VALUE_INVALID",
                "9 birthDate IMPORT_VALUE_INVALID",
                "10 partyJoinDate PERSON_DATES_INCONSISTENT",
                "11 groups PERSON_UNIT_KIND_WRONG",
                "12 leadingCadre IMPORT_VALUE_INVALID",
                "12 phone IMPORT_VALUE_INVALID",
                "13 externalId IMPORT_VALUE_INVALID",
                "13 name IMPORT_VALUE_REQUIRED",
                "13 groups IMPORT_UNIT_NOT_FOUND"), lineColumnCodes(errors));
        assertEquals(errors.size(), job.get("errorCount"));
        assertEquals("值“F”无效，应为：MALE、FEMALE、男 或 女", errors.get(0).get("message"));
        assertEquals("The external id " + id("1") + " already appears on line 2.",
                errors(job.get("id"), "en").get(2).get("message"));
        for (int n = 1; n <= 10; n++) {
            assertEquals(null, stored(id(String.valueOf(n))), "nothing is written");
        }
    }

    @Test
    void aGoodDryRunTellsWhatWouldHappenAndWritesNothing() throws Exception {
        String file = csv(HEADER, List.of(
                id("1") + ",甲,FEMALE,1985-03-08,ACTIVIST,,,false,," + branchName + ","));
        Map<String, Object> job = run(file.getBytes(StandardCharsets.UTF_8), "text/csv", "true");
        assertEquals("SUCCEEDED", job.get("state"), job.toString());
        assertEquals(1, job.get("created"));
        assertEquals(null, stored(id("1")));
        assertEquals(List.of(), errors(job.get("id"), "zh-CN"));
    }

    @Test
    void aHeaderWithoutARequiredColumnIsReportedOnLineOne() {
        String file = csv("externalId,name,gender,birthDate,politicalStatus,部门,name",
                List.of(id("1") + ",甲,FEMALE,1985-03-08,ACTIVIST,x,y"));
        Map<String, Object> job = run(file.getBytes(StandardCharsets.UTF_8), "text/csv", "false");
        assertEquals("FAILED", job.get("state"));
        assertEquals(0, job.get("total"));
        assertEquals(List.of("1 部门 IMPORT_COLUMN_UNKNOWN", "1 name IMPORT_COLUMN_REPEATED",
                "1 branch IMPORT_COLUMN_MISSING"), lineColumnCodes(errors(job.get("id"), "en")));
    }

    @Test
    void aFileInTheWrongEncodingIsReportedLineByLine() {
        String file = "externalId,name,gender,birthDate,politicalStatus,branch\n"
                + id("1") + ",Ann,FEMALE,1985-03-08,ACTIVIST," + branch + "\n"
                + id("2") + ",张三,MALE,1985-03-08,ACTIVIST," + branch + "\n";
        Map<String, Object> job = run(file.getBytes(GB18030), "text/csv; charset=UTF-8", "false");
        assertEquals("FAILED", job.get("state"));
        List<Map<String, Object>> errors = errors(job.get("id"), "en");
        assertEquals(List.of("3 null IMPORT_ENCODING_INVALID"), lineColumnCodes(errors));
        assertEquals("This line is not valid UTF-8 text; save the file as UTF-8 or GB18030.",
                errors.get(0).get("message"));
        byte[] broken = (HEADER + "\n\"unclosed," + id("3")).getBytes(StandardCharsets.UTF_8);
        Map<String, Object> malformed = run(broken, "text/csv", "true");
        assertEquals(List.of("2 null IMPORT_CSV_MALFORMED"), lineColumnCodes(errors(malformed.get("id"), "en")));
    }

    @Test
    void aRealRunWithABadLineWritesNothingEvenAfterEarlierChunks() throws Exception {
        String leaver = createPerson(id("left"), branch, "2020-01-01");
        admin().header("If-Match", "\"0\"").body(Map.of("date", "2026-01-31"))
                .post("/v1/people/" + leaver + "/leave").then().statusCode(200);
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < 700; n++) {
            lines.add(id("n" + n) + ",新人" + n + ",MALE,1990-01-01,NON_MEMBER,,,false,," + branchName + ",");
        }
        lines.add(id("left") + ",离开的人,FEMALE,1985-03-08,ACTIVIST,,科员,false,13800138000," + branchName + ",");
        Map<String, Object> job = run(csv(HEADER, lines).getBytes(StandardCharsets.UTF_8), "text/csv", "false");
        assertEquals("FAILED", job.get("state"), job.toString());
        assertEquals(List.of("702 externalId PERSON_HAS_LEFT"), lineColumnCodes(errors(job.get("id"), "zh-CN")));
        assertEquals(null, stored(id("n0")), "the first chunk was rolled back");
        assertEquals(null, stored(id("n699")));
    }

    private String createPerson(String externalId, String branchId, String since) {
        Map<String, Object> body = new HashMap<>();
        body.put("externalId", externalId);
        body.put("name", "王芳");
        body.put("gender", "FEMALE");
        body.put("birthDate", "1985-03-08");
        body.put("politicalStatus", "ACTIVIST");
        body.put("jobTitle", "科员");
        body.put("leadingCadre", false);
        body.put("phone", "13800138000");
        body.put("branchId", branchId);
        body.put("groupIds", List.of());
        body.put("since", since);
        return admin().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/v1/people")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void runningTheSameFileAgainChangesNothing() throws Exception {
        String file = csv(HEADER, List.of(
                id("1") + ",甲,FEMALE,1985-03-08,FULL,2010-07-01,科员,true,13800138000," + branchName + ",第一党小组",
                id("2") + ",乙,MALE,1986-03-08,NON_MEMBER,,,false,," + branchName + ",",
                id("3") + ",丙,MALE,1987-03-08,ACTIVIST,,处长,false,13900139000," + otherBranchName + ","));
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        assertEquals(3, run(bytes, "text/csv", "false").get("created"));
        Map<String, Object> before = stored(id("1"));
        Map<String, Object> again = run(bytes, "text/csv", "false");
        assertEquals("SUCCEEDED", again.get("state"));
        assertEquals(List.of(0, 0, 3), List.of(again.get("created"), again.get("updated"), again.get("unchanged")));
        Map<String, Object> after = stored(id("1"));
        assertEquals(before.get("version"), after.get("version"));
        assertEquals(before.get("updatedAt"), after.get("updatedAt"));
        admin().get("/v1/people/" + after.get("id") + "/memberships").then().body("items.size()", equalTo(2));
    }

    @Test
    void reImportingChangesDetailsAndTransfersKeepingHistory() throws Exception {
        String id = createPerson(id("1"), branch, "2020-01-01");
        String changed = "externalId,name,gender,birthDate,politicalStatus,jobTitle,branch\n"
                + id("1") + ",王芳,FEMALE,1985-03-08,ACTIVIST,副处长," + branchName + "\n";
        Map<String, Object> update = run(changed.getBytes(StandardCharsets.UTF_8), "text/csv", "false");
        assertEquals(List.of(0, 1, 0, 0), List.of(update.get("created"), update.get("updated"),
                update.get("transferred"), update.get("unchanged")), update.toString());
        Map<String, Object> person = stored(id("1"));
        assertEquals("副处长", person.get("jobTitle"));
        assertEquals(true, person.get("hasPhone"), "a column the file lacks keeps its value");
        admin().get("/v1/people/" + id).then().body("phone", equalTo("13800138000")).header("ETag", "\"1\"");

        String moved = "externalId,name,gender,birthDate,politicalStatus,jobTitle,branch,groups\n"
                + id("1") + ",王芳,FEMALE,1985-03-08,ACTIVIST,副处长," + otherBranchName + ",第一党小组\n";
        Map<String, Object> transfer = run(moved.getBytes(StandardCharsets.UTF_8), "text/csv", "false");
        assertEquals(List.of(1, 1, 0), List.of(transfer.get("updated"), transfer.get("transferred"),
                transfer.get("unchanged")), transfer.toString());
        assertEquals(List.of(otherBranch, otherGroup), unitsOf(id));
        LocalDate day = TestTime.today();
        String today = day.toString();
        String yesterday = day.minusDays(1).toString();
        List<Map<String, String>> history = admin().get("/v1/people/" + id + "/memberships").path("items");
        assertEquals(List.of("2020-01-01 " + yesterday, today + " null", today + " null"),
                history.stream().map(m -> m.get("startDate") + " " + m.get("endDate")).toList());

        Map<String, Object> sameDay = run(changed.getBytes(StandardCharsets.UTF_8), "text/csv", "false");
        assertEquals("FAILED", sameDay.get("state"), "a second transfer on the day of the first is refused");
        assertEquals(List.of("2 branch PERSON_DATE_TOO_EARLY"), lineColumnCodes(errors(sameDay.get("id"), "en")));
        assertEquals(List.of(otherBranch, otherGroup), unitsOf(id));
    }
}
