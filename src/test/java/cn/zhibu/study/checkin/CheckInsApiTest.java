package cn.zhibu.study.checkin;

import static cn.zhibu.testing.Sql.count;
import static cn.zhibu.study.StudyFixtures.material;
import static cn.zhibu.study.StudyFixtures.materialBody;
import static cn.zhibu.study.StudyFixtures.member;
import static cn.zhibu.study.StudyFixtures.rule;
import static cn.zhibu.testing.OrgFixtures.unit;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures.Member;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Check-ins over HTTP: once a day per material and for general study, credited at once, refused clearly. */
@QuarkusTest
class CheckInsApiTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    String branch;
    String groupA;
    String groupB;
    String otherBranch;

    @BeforeEach
    void tree() {
        String committee = unit("COMMITTEE", null);
        branch = unit("BRANCH", committee);
        groupA = unit("PARTY_GROUP", branch);
        groupB = unit("PARTY_GROUP", branch);
        otherBranch = unit("BRANCH", committee);
        rule(branch, "CHECK_IN", 1, 2, null);
    }

    static Response checkIn(RequestSpecification as, Map<String, Object> body) {
        return as.header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/v1/check-ins");
    }

    static Map<String, Object> on(String material) {
        return Map.of("materialId", material);
    }

    static Map<String, Object> general(String note) {
        return Map.of("note", note);
    }

    @Test
    void aMemberChecksInOncePerMaterialAndOnceForGeneralStudyAndIsCreditedAtOnce() {
        Member member = member(branch, groupA);
        String first = material(groupA);
        String second = material(branch);
        var opening = member.api().post("/v1/study-materials/" + first + "/open").then().statusCode(200)
                .body("materialId", equalTo(first)).body("personId", equalTo(member.personId())).extract();
        String openedAt = opening.path("openedAt");
        assertEquals(openedAt, opening.path("checkInFrom"), "no minimum study time");
        member.api().post("/v1/study-materials/" + first + "/open").then().statusCode(200)
                .body("openedAt", equalTo(openedAt));
        member.api().post("/v1/study-materials/" + second + "/open").then().statusCode(200);
        String today = TestTime.today().toString();

        var made = checkIn(member.api(), Map.of("materialId", first, "studySeconds", 0)).then().statusCode(201)
                .body("checkIn.status", equalTo("CREDITED")).body("checkIn.points", equalTo(1))
                .body("checkIn.businessDate", equalTo(today)).body("checkIn.branchId", equalTo(branch))
                .body("checkIn.openedAt", equalTo(openedAt)).body("checkIn.flagReason", nullValue())
                .body("streak.current", equalTo(1)).body("streak.longest", equalTo(1))
                .body("streak.lastDay", equalTo(today)).extract();
        String id = made.path("checkIn.id");
        assertEquals("/v1/check-ins/" + id, java.net.URI.create(made.header("Location")).getPath());
        String generalId = checkIn(member.api(), general("学习党章")).then().statusCode(201)
                .body("checkIn.materialId", nullValue()).body("checkIn.points", equalTo(1)).extract().path("checkIn.id");
        // the daily cap of 2 is reached: still a credited check-in, with 0 points
        checkIn(member.api(), on(second)).then().statusCode(201).body("checkIn.status", equalTo("CREDITED"))
                .body("checkIn.points", equalTo(0)).body("streak.current", equalTo(1));

        problem(checkIn(member.api(), on(first)).then(), 409, "CHECK_IN_EXISTS")
                .body("existing.id", equalTo(id)).body("existing.points", equalTo(1));
        problem(checkIn(member.api(), general("再学一遍")).then(), 409, "CHECK_IN_EXISTS")
                .body("existing.id", equalTo(generalId));
        problem(checkIn(member.api().header("Accept-Language", "en"), general("again")).then(), 409,
                "CHECK_IN_EXISTS").body("title", equalTo("Already checked in"));
        assertEquals(3, count("select count(*) from check_in where person_id = ?1", member.personId()));
        assertEquals(3, count("select count(*) from ledger_entry where person_id = ?1 and source_type = 'CHECK_IN' "
                + "and activity_type = 'CHECK_IN'", member.personId()));
        assertEquals(2, count("select coalesce(sum(points), 0) from ledger_entry where person_id = ?1",
                member.personId()));

        member.api().get("/v1/check-ins/" + id).then().statusCode(200).body("points", equalTo(1));
        List<String> listed = member.api().get("/v1/check-ins").then().statusCode(200).extract().path("items.id");
        assertEquals(3, listed.size());
        member.api().queryParam("personId", member.personId()).queryParam("from", today).queryParam("to", today)
                .queryParam("limit", 2).get("/v1/check-ins").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("nextCursor", notNullValue());
        member.api().get("/v1/check-ins/streak").then().statusCode(200).body("current", equalTo(1))
                .body("personId", equalTo(member.personId()));
    }

    @Test
    void aCheckInWhoseEntryIsReversedStopsCountingAndStaysMade() {
        Member member = member(branch, groupA);
        var made = checkIn(member.api(), general("学习党章")).then().statusCode(201)
                .body("streak.current", equalTo(1)).extract();
        String id = made.path("checkIn.id");
        String entry = made.path("checkIn.ledgerEntryId");
        Api.as("check-in-secretary", Roles.SECRETARY, UUID.fromString(branch)).body(Map.of("reason", "代打卡，不计分"))
                .post("/v1/points/entries/" + entry + "/reverse").then().statusCode(201).body("points", equalTo(-1));
        member.api().get("/v1/check-ins/" + id).then().statusCode(200).body("status", equalTo("REVERSED"))
                .body("ledgerEntryId", equalTo(entry));
        member.api().get("/v1/check-ins/streak").then().statusCode(200).body("current", equalTo(0))
                .body("longest", equalTo(0));
        problem(checkIn(member.api(), general("再打一次")).then(), 409, "CHECK_IN_EXISTS")
                .body("existing.id", equalTo(id)).body("existing.status", equalTo("REVERSED"));
        assertEquals(0, count("select coalesce(sum(points), 0) from ledger_entry where person_id = ?1",
                member.personId()));
    }

    @Test
    void badCheckInsAreRefusedAndNothingIsStored() {
        Member member = member(branch, groupA);
        String forGroupB = material(groupB);
        String withdrawn = material(branch);
        Api.as("org-admin", Roles.ORG_ADMIN).header("If-Match", "\"0\"").post("/v1/study-materials/" + withdrawn
                + "/withdraw").then().statusCode(200);
        Map<String, Object> closedBody = materialBody(branch);
        closedBody.put("publishFrom", TestTime.now().minusSeconds(7200).toString());
        closedBody.put("publishUntil", TestTime.now().minusSeconds(60).toString());
        String closed = material(closedBody);
        Map<String, Object> laterBody = materialBody(branch);
        laterBody.put("publishFrom", TestTime.now().plusSeconds(7200).toString());
        String later = material(laterBody);

        for (String field : new String[] {"personId", "points", "businessDate", "date", "openedAt"}) {
            Map<String, Object> body = new HashMap<>(general("学习"));
            body.put(field, field.equals("points") ? 5 : field.endsWith("Id") ? member.personId() : "2026-01-01");
            problem(checkIn(member.api(), body).then(), 400, "VALIDATION_FAILED")
                    .body("errors[0].code", equalTo("UNKNOWN_FIELD")).body("errors[0].field", equalTo(field));
        }
        problem(checkIn(member.api(), Map.of()).then(), 422, "CHECK_IN_NOTE_REQUIRED");
        problem(checkIn(member.api(), Map.of("note", " ")).then(), 400, "VALIDATION_FAILED");
        problem(checkIn(member.api(), Map.of("note", "\u3000")).then(), 400, "VALIDATION_FAILED");
        problem(checkIn(member.api(), Map.of("note", "学习\u3000")).then(), 400, "VALIDATION_FAILED");
        problem(checkIn(member.api(), Map.of("note", "学习", "studySeconds", -1)).then(), 400, "VALIDATION_FAILED");
        problem(checkIn(member.api(), Map.of("note", "x".repeat(201))).then(), 400, "VALIDATION_FAILED");
        problem(member.api().body(general("学习")).post("/v1/check-ins").then(), 400, "IDEMPOTENCY_KEY_REQUIRED");
        problem(checkIn(member.api(), on(forGroupB)).then(), 404, "NOT_FOUND");
        problem(checkIn(member.api(), on(withdrawn)).then(), 404, "NOT_FOUND");
        problem(checkIn(member.api(), on(UUID.randomUUID().toString())).then(), 404, "NOT_FOUND");
        problem(checkIn(member.api(), on(closed)).then(), 422, "MATERIAL_NOT_OPEN");
        // not published yet: not found, as reading it is (its title is not told)
        problem(checkIn(member.api(), on(later)).then(), 404, "NOT_FOUND")
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString((String) laterBody
                        .get("title"))));
        problem(member.api().get("/v1/study-materials/" + later).then(), 404, "NOT_FOUND");
        problem(member.api().post("/v1/study-materials/" + later + "/open").then(), 404, "NOT_FOUND")
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString((String) laterBody
                        .get("title"))));
        problem(member.api().post("/v1/study-materials/" + closed + "/open").then(), 422, "MATERIAL_NOT_OPEN");
        problem(member.api().post("/v1/study-materials/" + forGroupB + "/open").then(), 404, "NOT_FOUND");
        problem(checkIn(Api.as("check-in-secretary", Roles.SECRETARY, UUID.fromString(branch)), general("代打卡"))
                .then(), 403, "STUDY_NOT_A_PERSON");
        problem(Api.as("check-in-secretary", Roles.SECRETARY, UUID.fromString(branch))
                .post("/v1/study-materials/" + material(branch) + "/open").then(), 403, "STUDY_NOT_A_PERSON");
        problem(checkIn(Api.anonymous(), general("匿名")).then(), 401, "UNAUTHENTICATED");
        assertEquals(0, count("select count(*) from check_in where person_id = ?1", member.personId()));
        assertEquals(0, count("select count(*) from ledger_entry where person_id = ?1", member.personId()));
        assertEquals(0, count("select count(*) from material_opening where person_id = ?1", member.personId()));
    }

    @Test
    void whoReadsWhoseCheckIns() {
        Member member = member(branch);
        Member other = member(branch);
        String id = checkIn(member.api(), general("学习")).then().statusCode(201).extract().path("checkIn.id");
        problem(other.api().get("/v1/check-ins/" + id).then(), 403, "FORBIDDEN");
        problem(other.api().queryParam("personId", member.personId()).get("/v1/check-ins").then(), 403, "FORBIDDEN");
        problem(other.api().queryParam("personId", member.personId()).get("/v1/check-ins/streak").then(), 403,
                "FORBIDDEN");
        RequestSpecification leader = Api.as("check-in-leader", Roles.GROUP_LEADER, UUID.fromString(branch));
        leader.get("/v1/check-ins/" + id).then().statusCode(200);
        Api.as("check-in-leader", Roles.GROUP_LEADER, UUID.fromString(branch)).queryParam("personId", member.personId())
                .get("/v1/check-ins/streak").then().statusCode(200).body("current", equalTo(1));
        problem(Api.as("check-in-outsider", Roles.SECRETARY, UUID.fromString(otherBranch)).get("/v1/check-ins/" + id)
                .then(), 404, "NOT_FOUND");
        problem(Api.as("check-in-leader", Roles.GROUP_LEADER, UUID.fromString(branch)).get("/v1/check-ins").then(),
                403, "STUDY_NOT_A_PERSON");
        problem(member.api().queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").get("/v1/check-ins")
                .then(), 400, "INVALID_PARAMETER");
        problem(member.api().queryParam("personId", "x").get("/v1/check-ins").then(), 400, "INVALID_PARAMETER");
        for (String day : new String[] {"-5000-01-01", "+300000-01-01", "1999-12-31", "2101-01-01"}) {
            problem(member.api().queryParam("from", day).get("/v1/check-ins").then(), 400, "INVALID_PARAMETER");
            problem(member.api().queryParam("to", day).get("/v1/check-ins").then(), 400, "INVALID_PARAMETER");
        }
        member.api().queryParam("from", "2000-01-01").queryParam("to", "2100-12-31").get("/v1/check-ins").then()
                .statusCode(200);
    }
}
