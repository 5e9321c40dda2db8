package cn.zhibu.integrity;

import cn.zhibu.testing.Sql;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.testing.Api;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Entries: typed and validated, corrected only by amendments, appended one at a time under load. */
@QuarkusTest
class IntegrityEntriesApiTest {

    private static io.restassured.response.Response post(String branch, String file, Map<String, Object> body) {
        return IntegrityFixtures.officer(branch).body(body).post("/v1/integrity-files/" + file + "/entries");
    }

    @Test
    void badContentIsRefusedWithTheFieldAndNothingIsFiled() {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        Map<String, Object> profile = new HashMap<>(IntegrityFixtures.profile("孙丽"));
        profile.put("idNumber", "12345");
        post(branch, file, Map.of("content", profile)).then().statusCode(400)
                .body("errors.field", hasItem("content.idNumber"));
        post(branch, file, Map.of("content", Map.of("type", "HOROSCOPE", "sign", "LEO"))).then().statusCode(400);
        post(branch, file, Map.of()).then().statusCode(400);
        Map<String, Object> extra = new HashMap<>(IntegrityFixtures.discipline());
        extra.put("mood", "calm");
        post(branch, file, Map.of("content", extra)).then().statusCode(400);
        post(branch, file, Map.of("content", Map.of("type", "CONDUCT_REVIEW", "periodFrom", "2026-06-30",
                "periodTo", "2026-01-01", "assessment", "GOOD", "summary", "作风良好", "reviewer", "区纪委")))
                .then().statusCode(422).body("code", equalTo("INTEGRITY_DATES_INCONSISTENT"));
        post(branch, file, Map.of("content", Map.of("type", "OPINION_REPLY",
                "requestEntryId", java.util.UUID.randomUUID().toString(), "conclusion", "NO_ISSUES_FOUND",
                "reply", "未发现问题", "repliedOn", "2026-11-01"))).then().statusCode(422)
                .body("code", equalTo("INTEGRITY_OPINION_REQUEST_NOT_FOUND"));
        IntegrityFixtures.officer(branch).get("/v1/integrity-files/" + file + "/verification").then()
                .body("entries", equalTo(0)).body("intact", equalTo(true));
    }

    @Test
    void aCorrectionAmendsAnEntryOfTheSameTypeWithAReason() {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        String profile = IntegrityFixtures.append(branch, file, IntegrityFixtures.profile("周敏"));
        String discipline = IntegrityFixtures.append(branch, file, IntegrityFixtures.discipline());
        Map<String, Object> corrected = new HashMap<>(IntegrityFixtures.profile("周敏"));
        corrected.put("position", "区委组织部部长");
        post(branch, file, Map.of("content", corrected, "amends", discipline, "amendReason", "职务有误")).then()
                .statusCode(422).body("code", equalTo("INTEGRITY_AMENDMENT_INVALID"));
        post(branch, file, Map.of("content", corrected, "amends", profile)).then().statusCode(422)
                .body("code", equalTo("INTEGRITY_AMENDMENT_INVALID"));
        post(branch, file, Map.of("content", corrected, "amendReason", "职务有误")).then().statusCode(400);
        String amendment = post(branch, file, Map.of("content", corrected, "amends", profile, "amendReason", "职务有误"))
                .then().statusCode(201).extract().path("id");
        JsonPath read = IntegrityFixtures.officer(branch).queryParam("purpose", "PERIODIC_REVIEW")
                .queryParam("purposeDetail", "年度复核").get("/v1/integrity-files/" + file).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(amendment, read.getString("entries[0].amendedBy"));
        assertEquals("区委组织部副部长", read.getString("entries[0].content.position"));
        assertEquals(profile, read.getString("entries[2].amends"));
        assertEquals("职务有误", read.getString("entries[2].amendReason"));
        assertEquals("区委组织部部长", read.getString("entries[2].content.position"));
    }

    @Test
    void opinionRepliesAnswerRequestsAndAPromotionReviewSeesThemButNotTheFamily() {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        IntegrityFixtures.append(branch, file, IntegrityFixtures.family(null));
        String request = IntegrityFixtures.append(branch, file, Map.of("type", "OPINION_REQUEST",
                "requestFor", "PROMOTION", "requestedBy", "区委组织部干部科", "requestedOn", "2026-11-01"));
        String reply = IntegrityFixtures.append(branch, file, Map.of("type", "OPINION_REPLY", "requestEntryId", request,
                "conclusion", "NO_ISSUES_FOUND", "reply", "经查，未发现该同志有违反廉洁纪律问题。", "repliedOn", "2026-11-10"));
        IntegrityFixtures.officer(branch).queryParam("purpose", "PROMOTION_REVIEW")
                .queryParam("purposeDetail", "拟提拔").get("/v1/integrity-files/" + file).then().statusCode(200)
                .body("entries.id", org.hamcrest.Matchers.contains(request, reply))
                .body("shownTypes", not(hasItem("FAMILY"))).body("entries[1].content.conclusion",
                        equalTo("NO_ISSUES_FOUND"));
    }

    @Test
    void aConductReviewMovesTheNextReviewAndAFirstProfileClearsItsDueDate() {
        String branch = IntegrityFixtures.branch();
        String cadre = IntegrityFixtures.cadre(branch);
        LocalDate today = TestTime.today();
        LocalDate appointed = today.minusMonths(2);
        String file = IntegrityFixtures.officer(branch).body(Map.of("personId", cadre, "reason", "APPOINTMENT",
                "appointedOn", appointed.toString(), "reviewMonths", 6)).post("/v1/integrity-files").then()
                .statusCode(201).extract().path("id");
        IntegrityFixtures.officer(branch).get("/v1/integrity-files/overdue").then().statusCode(200)
                .body("items.find { it.file.id == '" + file + "' }.reasons", hasItem("PROFILE"));
        IntegrityFixtures.append(branch, file, IntegrityFixtures.profile("吴刚"));
        IntegrityFixtures.append(branch, file, Map.of("type", "CONDUCT_REVIEW", "periodFrom", "2026-01-01",
                "periodTo", "2026-06-30", "assessment", "GOOD", "summary", "作风扎实", "reviewer", "区纪委第一监督检查室"));
        IntegrityFixtures.officer(branch).get("/v1/integrity-files/overdue").then().statusCode(200)
                .body("items.file.id", not(hasItem(file)));
        JsonPath read = IntegrityFixtures.officer(branch).queryParam("purpose", "AUDIT").queryParam("purposeDetail",
                "检查").get("/v1/integrity-files/" + file).then().statusCode(200).extract().jsonPath();
        assertEquals(null, read.getString("file.profileDue"));
        assertEquals(today.plusMonths(6).toString(), read.getString("file.nextReviewDue"));
        IntegrityFixtures.officer(branch).body(Map.of("personId", cadre, "reason", "OFFICER"))
                .post("/v1/integrity-files").then().statusCode(409).body("code", equalTo("INTEGRITY_FILE_EXISTS"));
        Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("personId", IntegrityFixtures.cadre(branch), "reason",
                "OFFICER")).post("/v1/integrity-files").then().statusCode(403);
    }

    @Test
    void entriesAppendedAtOnceEachTakeTheirOwnPlaceInTheChain() throws Exception {
        String branch = IntegrityFixtures.branch();
        String file = IntegrityFixtures.file(branch, IntegrityFixtures.cadre(branch));
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int n = i;
            answers.add(pool.submit(() -> {
                start.await();
                return post(branch, file, Map.of("content", Map.of("type", "GIFT", "givenBy", "某企业" + n,
                        "receivedOn", "2026-09-0" + (n + 1), "item", "月饼礼盒", "estimatedValueYuan", 300 + n,
                        "handling", "HANDED_IN"))).statusCode();
            }));
        }
        start.countDown();
        for (Future<Integer> answer : answers) {
            assertEquals(201, answer.get());
        }
        pool.shutdown();
        IntegrityFixtures.officer(branch).get("/v1/integrity-files/" + file + "/verification").then()
                .body("intact", equalTo(true)).body("entries", equalTo(writers));
        assertEquals(writers, cn.zhibu.testing.Sql.count("select count(distinct seq) from integrity_entry "
                + "where file_id = ?1 and seq between 1 and ?2", file, writers));
    }
}
