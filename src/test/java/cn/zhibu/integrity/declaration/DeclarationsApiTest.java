package cn.zhibu.integrity.declaration;

import cn.zhibu.testing.Sql;
import static cn.zhibu.integrity.declaration.DeclarationFixtures.approve;
import static cn.zhibu.integrity.declaration.DeclarationFixtures.auditRows;
import static cn.zhibu.integrity.declaration.DeclarationFixtures.giveBack;
import static cn.zhibu.integrity.declaration.DeclarationFixtures.officer;
import static cn.zhibu.integrity.declaration.DeclarationFixtures.review;
import static cn.zhibu.integrity.declaration.DeclarationFixtures.secretary;
import static cn.zhibu.integrity.declaration.DeclarationFixtures.submit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.integrity.IntegrityFixtures;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Declarations over HTTP: submitted by the cadre, reviewed in two stages, filed; every request audited once. */
@QuarkusTest
class DeclarationsApiTest {

    private static final String PATH = "/v1/integrity-declarations";

    @Test
    void aReportApprovedTwiceJoinsTheFileAndClearsTheOverdueReport() {
        DeclarationFixtures.Cadre cadre = DeclarationFixtures.cadre();
        String branch = cadre.branch();
        LocalDate today = TestTime.today();
        int year = today.getYear() - 1;
        boolean reportsDue = today.isAfter(LocalDate.of(today.getYear(), 3, 31));
        // the file is from an earlier year, so last year's report is due
        Sql.count("with moved as (update integrity_file set opened_at = opened_at - interval '1 year' "
                + "where id = ?1 returning 1) select count(*) from moved", cadre.fileId());
        if (reportsDue) {
            officer(branch).get("/v1/integrity-files/overdue").then().statusCode(200)
                    .body("items.find { it.file.id == '" + cadre.fileId() + "' }.reasons", contains("ANNUAL_REPORT"));
        }
        String address = "幸福里小区" + UUID.randomUUID().toString().substring(0, 8) + "号";

        var created = cadre.api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("content", DeclarationFixtures.report(year, address))).post(PATH)
                .then().statusCode(201).body("state", equalTo("AWAITING_UNIT")).body("reportYear", equalTo(year))
                .body("fileId", equalTo(cadre.fileId())).body("content", nullValue()).extract();
        String id = created.path("id");
        assertEquals(true, created.header("Location").endsWith(PATH + "/" + id));
        // sealed at rest: the address is nowhere in the row's bytes, nor in the answer kept for the key
        assertEquals(1, Sql.count("select count(*) from integrity_declaration where id = ?1 and key_id "
                + "is not null and position(convert_to(?2, 'UTF8') in sealed) = 0", id, address));
        assertEquals(1, Sql.count("select count(*) from idempotency_record where response_body like ?1",
                "%" + id + "%"));
        assertEquals(0, Sql.count("select count(*) from idempotency_record where response_body like ?1",
                "%" + address + "%"));

        secretary(branch).queryParam("state", "AWAITING_UNIT").get(PATH).then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.find { it.id == '" + id + "' }.content", nullValue());
        officer(branch).queryParam("state", "AWAITING_OFFICER").get(PATH).then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        secretary(branch).get(PATH + "/" + id).then().statusCode(200)
                .body("content.travelAbroad[0].destination", equalTo("日本东京"));
        secretary(branch).body(Map.of("decision", "APPROVE", "note", "情况属实")).post(review(id)).then()
                .statusCode(200).body("state", equalTo("AWAITING_OFFICER")).body("unitReview.note", equalTo("情况属实"))
                .body("officerReview", nullValue());
        // the unit head's stage is over: the declaration is out of their sight
        secretary(branch).get(PATH + "/" + id).then().statusCode(404);
        officer(branch).queryParam("state", "AWAITING_OFFICER").get(PATH).then().statusCode(200)
                .body("items.id", hasItem(id));
        String entry = officer(branch).body(approve()).post(review(id)).then().statusCode(200)
                .body("state", equalTo("ACCEPTED")).body("entryId", notNullValue())
                .body("officerReview.reviewedAt", notNullValue()).extract().path("entryId");

        officer(branch).queryParam("purpose", "PERIODIC_REVIEW").queryParam("purposeDetail", "年度个人事项核查")
                .get("/v1/integrity-files/" + cadre.fileId()).then().statusCode(200)
                .body("file.lastReportYear", equalTo(year))
                .body("entries.id", contains(entry)).body("entries[0].declarationId", equalTo(id))
                .body("entries[0].type", equalTo("PERSONAL_MATTERS"))
                .body("entries[0].content.housing[0].address", equalTo(address));
        cadre.api().get(PATH + "/mine").then().statusCode(200).header("Cache-Control", "no-store")
                .body("items.id", contains(id)).body("items[0].state", equalTo("ACCEPTED"))
                .body("items[0].unitReview.note", equalTo("情况属实")).body("items[0].entryId", equalTo(entry))
                .body("items[0].content.year", equalTo(year));
        cadre.api().get(PATH + "/" + id).then().statusCode(200).body("state", equalTo("ACCEPTED"));
        // once in the file, an officer reads it there, for a purpose, not here
        officer(branch).get(PATH + "/" + id).then().statusCode(404);
        if (reportsDue) {
            officer(branch).get("/v1/integrity-files/overdue").then().statusCode(200)
                    .body("items.file.id", not(hasItem(cadre.fileId())));
        }

        // submit, 2 reads (one refused), 2 reviews, the cadre's read, the officer's refused read; /mine and lists
        // name no declaration
        assertEquals(7, auditRows(id));
        assertEquals(1, Sql.count("select count(*) from integrity_audit where declaration_id = ?1 and "
                + "action = 'REVIEW_DECLARATION' and ?2 = any(entry_ids) and file_id = ?3", id, entry, cadre.fileId()));
        assertEquals(2, Sql.count("select count(*) from integrity_audit where declaration_id = ?1 and "
                + "outcome = 'REFUSED' and status = 404", id));
        assertEquals(1, Sql.count("select count(*) from integrity_audit where action = "
                + "'LIST_OWN_DECLARATIONS' and file_id = ?1", cadre.fileId()));
        assertEquals(0, Sql.count("select count(*) from integrity_entry_payload p join integrity_entry e on "
                + "e.id = p.entry_id where e.declaration_id = ?1 and position(convert_to(?2, 'UTF8') in p.sealed) > 0",
                id, address));
    }

    @Test
    void theSameKeyDeclaresOnce() {
        DeclarationFixtures.Cadre cadre = DeclarationFixtures.cadre();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("content", DeclarationFixtures.gift());
        String first = cadre.api().header("Idempotency-Key", key).body(body).post(PATH).then().statusCode(201)
                .extract().path("id");
        cadre.api().header("Idempotency-Key", key).body(body).post(PATH).then().statusCode(201)
                .body("id", equalTo(first));
        assertEquals(1, Sql.count("select count(*) from integrity_declaration where person_id = ?1",
                cadre.personId()));
    }

    @Test
    void eitherStageReturnsADeclarationWithANote() {
        DeclarationFixtures.Cadre cadre = DeclarationFixtures.cadre();
        String branch = cadre.branch();
        String gift = cadre.api().body(Map.of("content", DeclarationFixtures.gift())).post(PATH).then()
                .statusCode(201).header("Cache-Control", "no-store").extract().path("id");
        secretary(branch).body(Map.of("decision", "RETURN")).post(review(gift)).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("note"));
        secretary(branch).body(giveBack("请写明赠送人的单位名称")).post(review(gift)).then().statusCode(200)
                .body("state", equalTo("RETURNED")).body("unitReview.note", equalTo("请写明赠送人的单位名称"));
        secretary(branch).body(approve()).post(review(gift)).then().statusCode(409)
                .body("code", equalTo("INTEGRITY_DECLARATION_DECIDED"));
        officer(branch).body(approve()).post(review(gift)).then().statusCode(409)
                .body("code", equalTo("INTEGRITY_DECLARATION_DECIDED"));

        String report = submit(cadre, DeclarationFixtures.report(2025, "朝阳路1号"));
        secretary(branch).body(approve()).post(review(report)).then().statusCode(200);
        officer(branch).body(Map.of("decision", "RETURN", "note", "　")).post(review(report)).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        officer(branch).body(giveBack("投资金额与上年差异较大，请核实")).post(review(report)).then().statusCode(200)
                .body("state", equalTo("RETURNED")).body("officerReview.note", equalTo("投资金额与上年差异较大，请核实"))
                .body("entryId", nullValue());
        assertEquals(0, Sql.count("select count(*) from integrity_entry where file_id = ?1",
                cadre.fileId()));

        cadre.api().get(PATH + "/mine").then().statusCode(200).body("items.id", contains(report, gift))
                .body("items.state", contains("RETURNED", "RETURNED"))
                .body("items[1].unitReview.note", equalTo("请写明赠送人的单位名称"))
                .body("items[1].content.item", equalTo("月饼礼盒"));
        cadre.api().queryParam("limit", "1").get(PATH + "/mine").then().statusCode(200)
                .body("items.id", contains(report)).body("nextCursor", notNullValue());
        assertEquals(5, auditRows(gift));
        assertEquals(4, auditRows(report));
    }

    @Test
    void onlyDeclarableContentFromACadreWithAnOpenFile() {
        DeclarationFixtures.Cadre cadre = DeclarationFixtures.cadre();
        cadre.api().body(Map.of("content", IntegrityFixtures.discipline())).post(PATH).then().statusCode(422)
                .body("code", equalTo("INTEGRITY_DECLARATION_TYPE")).body("errors[0].field", equalTo("content.type"));
        Map<String, Object> bad = new java.util.HashMap<>(DeclarationFixtures.gift());
        bad.put("estimatedValueYuan", -5);
        bad.remove("item");
        cadre.api().body(Map.of("content", bad)).post(PATH).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        Map<String, Object> backwards = new java.util.HashMap<>(DeclarationFixtures.gift());
        backwards.put("handledOn", "2026-09-01");
        cadre.api().body(Map.of("content", backwards)).post(PATH).then().statusCode(422)
                .body("code", equalTo("INTEGRITY_DATES_INCONSISTENT"));
        cadre.api().body(Map.of()).post(PATH).then().statusCode(400);

        StudyFixtures.Member noFile = StudyFixtures.member(cadre.branch());
        noFile.api().body(Map.of("content", DeclarationFixtures.gift())).post(PATH).then().statusCode(422)
                .body("code", equalTo("INTEGRITY_NO_FILE"));
        secretary(cadre.branch()).queryParam("state", "ACCEPTED").get(PATH).then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"));

        String id = submit(cadre, DeclarationFixtures.gift());
        secretary(cadre.branch()).body(Map.of("decision", "RETURN", "note", "长".repeat(501))).post(review(id))
                .then().statusCode(400);
        secretary(cadre.branch()).body(Map.of("decision", "MAYBE")).post(review(id)).then().statusCode(400);
        assertEquals(0, Sql.count("select count(*) from integrity_declaration where person_id = ?1 and "
                + "state <> 'AWAITING_UNIT'", cadre.personId()));
        assertEquals(1, Sql.count("select count(*) from integrity_declaration where person_id = ?1",
                cadre.personId()));
    }

    @Test
    void declarationsAreTheCadresOwnAndReviewedByOthersInTheirUnit() {
        String branch = IntegrityFixtures.branch();
        // a cadre who is also a secretary of the branch
        DeclarationFixtures.Cadre cadre = DeclarationFixtures.cadre(branch,
                IntegrityFixtures.personWithRole(branch, cn.zhibu.platform.security.Roles.SECRETARY, branch));
        StudyFixtures.Member spouse = IntegrityFixtures.personWithRole(branch,
                cn.zhibu.platform.security.Roles.SECRETARY, branch);
        IntegrityFixtures.append(branch, cadre.fileId(), IntegrityFixtures.family(spouse.personId()));
        String id = submit(cadre, DeclarationFixtures.gift());
        String other = IntegrityFixtures.branch();
        StudyFixtures.Member member = StudyFixtures.member(branch);

        // staff accounts and anonymous callers declare nothing
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> staff = () -> cn.zhibu.testing
                .Api.as("staff-secretary-" + branch, cn.zhibu.platform.security.Roles.SECRETARY,
                        java.util.UUID.fromString(branch));
        staff.get().body(Map.of("content", DeclarationFixtures.gift())).post(PATH).then().statusCode(403)
                .body("code", equalTo("INTEGRITY_NOT_A_PERSON"));
        staff.get().get(PATH + "/mine").then().statusCode(403).body("code", equalTo("INTEGRITY_NOT_A_PERSON"));
        // nor do they review: whether they are a relative could not be judged
        staff.get().body(approve()).post(review(id)).then().statusCode(403)
                .body("code", equalTo("INTEGRITY_NOT_A_PERSON"));
        cn.zhibu.testing.Api.anonymous().body(Map.of("content", DeclarationFixtures.gift())).post(PATH).then()
                .statusCode(401);

        // the cadre and their spouse review nothing of theirs, nor see it in their queue
        cadre.api().body(approve()).post(review(id)).then().statusCode(403)
                .body("code", equalTo("INTEGRITY_REVIEW_NOT_YOURS"));
        spouse.api().body(approve()).post(review(id)).then().statusCode(403)
                .body("code", equalTo("INTEGRITY_REVIEW_NOT_YOURS"));
        spouse.api().get(PATH + "/" + id).then().statusCode(403).body("code", equalTo("INTEGRITY_RECUSED"));
        for (StudyFixtures.Member recused : List.of(cadre.member(), spouse)) {
            recused.api().queryParam("state", "AWAITING_UNIT").get(PATH).then().statusCode(200)
                    .body("items.id", not(hasItem(id)));
        }
        // another branch's secretary does not see it; a member reviews nothing, and learns nothing of it
        secretary(other).body(approve()).post(review(id)).then().statusCode(404);
        secretary(other).get(PATH + "/" + id).then().statusCode(404);
        secretary(other).get(PATH).then().statusCode(200).body("items.id", not(hasItem(id)));
        member.api().body(approve()).post(review(id)).then().statusCode(404);
        member.api().get(PATH).then().statusCode(403);
        member.api().get(PATH + "/" + id).then().statusCode(404);
        cn.zhibu.testing.Api.anonymous().get(PATH + "/" + id).then().statusCode(401);
        // the officer waits for the unit head
        officer(branch).body(approve()).post(review(id)).then().statusCode(403)
                .body("code", equalTo("INTEGRITY_REVIEW_NOT_YOURS"));
        officer(branch).get(PATH + "/" + id).then().statusCode(200).body("content.item", equalTo("月饼礼盒"));
        officer(branch).queryParam("state", "AWAITING_UNIT").get(PATH).then().statusCode(403);

        // one account holding both roles approves one stage only
        cn.zhibu.study.StudyFixtures.Member both = cn.zhibu.integrity.IntegrityFixtures.personWithRole(branch,
                cn.zhibu.platform.security.Roles.SECRETARY, branch);
        cn.zhibu.study.StudyFixtures.grant(both, cn.zhibu.platform.security.Roles.INTEGRITY_OFFICER, branch);
        both.api().body(approve()).post(review(id)).then().statusCode(200).body("state", equalTo("AWAITING_OFFICER"));
        both.api().body(approve()).post(review(id)).then().statusCode(403)
                .body("code", equalTo("INTEGRITY_REVIEW_NOT_YOURS"));
        officer(branch).body(approve()).post(review(id)).then().statusCode(200).body("state", equalTo("ACCEPTED"));

        // every request naming the declaration left one row: the submission and 14 reads and reviews
        assertEquals(15, auditRows(id));
        assertEquals(1, Sql.count("select count(*) from integrity_audit where declaration_id = ?1 and "
                + "reason = 'INTEGRITY_RECUSED'", id));
    }
}
