package cn.zhibu.lecture.orglife;

import static cn.zhibu.lecture.orglife.OrgLifeFixtures.etag;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.evidence;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.item;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.itemBody;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.meeting;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.problemBody;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.secretary;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.session;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A meeting's problem list and rectification list: recorded, changed, closed with evidence, reopened; bad input. */
@QuarkusTest
class RectificationsApiTest {

    @Test
    void theProblemListAndTheRectificationListAreKeptAndFollowedUntilClosed() {
        String branch = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member member = StudyFixtures.member(branch);
        StudyFixtures.Member other = StudyFixtures.member(branch);
        String day = meeting(branch);
        String problems = "/v1/party-days/" + day + "/problems";
        String committee = secretary(branch).body(problemBody("COMMITTEE", null, "ORGANISATION")).post(problems)
                .then().statusCode(201).body("subject", equalTo("COMMITTEE")).body("personId", nullValue())
                .body("partyDayId", equalTo(day)).extract().path("id");
        secretary(branch).body(problemBody("MEMBER", member.personId(), "CRITICISM")).post(problems).then()
                .statusCode(201).body("personId", equalTo(member.personId())).body("personName", not(nullValue()))
                .body("source", equalTo("CRITICISM")).body("createdBy", not(nullValue()));
        // the branch's members read both lists
        member.api().get(problems).then().statusCode(200).body("items.size()", equalTo(2))
                .body("items[0].id", equalTo(committee)).body("items[1].subject", equalTo("MEMBER"));

        LocalDate today = TestTime.today();
        Map<String, Object> body = itemBody(member.personId(), today.plusDays(30));
        body.put("problemId", committee);
        body.put("measures", "每月第一周列出篇目");
        String path = "/v1/party-days/" + day + "/rectifications";
        JsonPath created = secretary(branch).body(body).post(path).then().statusCode(201)
                .header("ETag", equalTo(etag(0))).header("Location", org.hamcrest.Matchers.containsString(path + "/"))
                .extract().jsonPath();
        String id = created.getString("id");
        assertEquals("OPEN", created.getString("state"));
        assertEquals(false, created.getBoolean("overdue"));
        assertEquals(committee, created.getString("problemId"));
        assertEquals("2026年度组织生活会", created.getString("partyDayTheme"));
        assertEquals(OrgLifeFixtures.heldOn(day).toString(), created.getString("heldOn"));
        member.api().get(path + "/" + id).then().statusCode(200).body("ownerName", not(nullValue()))
                .header("ETag", equalTo(etag(0)));
        member.api().header("If-None-Match", etag(0)).get(path + "/" + id).then().statusCode(304);
        member.api().get(path).then().statusCode(200).body("items.id", equalTo(List.of(id)));

        // changed: a new owner and due date
        Map<String, Object> change = itemBody(other.personId(), today.plusDays(60));
        secretary(branch).header("If-Match", etag(0)).body(change).put(path + "/" + id).then().statusCode(200)
                .header("ETag", equalTo(etag(1))).body("ownerId", equalTo(other.personId()))
                .body("dueOn", equalTo(today.plusDays(60).toString())).body("problemId", nullValue());
        // the owner closes their own item; another member may not
        problem(member.api().header("If-Match", etag(1)).body(evidence()).post(path + "/" + id + "/close").then(),
                403, "FORBIDDEN");
        other.api().header("If-Match", etag(1)).body(evidence()).post(path + "/" + id + "/close").then()
                .statusCode(200).body("state", equalTo("DONE")).body("evidence", not(nullValue()))
                .body("evidenceLinks", equalTo(List.of("https://www.12371.cn/a.shtml")))
                .body("closedBy", equalTo(other.accountId())).body("closedAt", not(nullValue()));
        assertEquals(1, Sql.count("select count(*) from rectification where id = ?1 and state = 'DONE' "
                + "and closed_by = cast(?2 as varchar)", id, other.accountId()));
        problem(secretary(branch).header("If-Match", etag(2)).body(evidence()).post(path + "/" + id + "/close").then(),
                409, "RECTIFICATION_STATE_CONFLICT");
        problem(secretary(branch).header("If-Match", etag(2)).body(change).put(path + "/" + id).then(), 409,
                "RECTIFICATION_STATE_CONFLICT");
        // reopened by the secretary (not by the owner): OPEN again, the evidence cleared
        problem(other.api().header("If-Match", etag(2)).post(path + "/" + id + "/reopen").then(), 403, "FORBIDDEN");
        secretary(branch).header("If-Match", etag(2)).post(path + "/" + id + "/reopen").then().statusCode(200)
                .body("state", equalTo("OPEN")).body("evidence", nullValue()).body("closedAt", nullValue())
                .body("evidenceLinks", equalTo(List.of()));
        problem(secretary(branch).header("If-Match", etag(3)).post(path + "/" + id + "/reopen").then(), 409,
                "RECTIFICATION_STATE_CONFLICT");
    }

    @Test
    void badItemsAndProblemsAreRefusedAndNothingIsStored() {
        String branch = OrgFixtures.unit("BRANCH", null);
        String member = OrgFixtures.person("组员" + java.util.UUID.randomUUID().toString().substring(0, 4), branch);
        String outsider = OrgFixtures.person("外人", OrgFixtures.unit("BRANCH", null));
        String day = meeting(branch);
        String path = "/v1/party-days/" + day + "/rectifications";
        LocalDate today = TestTime.today();
        problem(secretary(branch).body(itemBody(null, today)).post(path).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", equalTo(List.of("ownerId")));
        problem(secretary(branch).body(itemBody(member, null)).post(path).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", equalTo(List.of("dueOn")));
        Map<String, Object> blank = itemBody(member, today);
        blank.put("item", " ");
        problem(secretary(branch).body(blank).post(path).then(), 400, "VALIDATION_FAILED");
        problem(secretary(branch).body(itemBody(outsider, today)).post(path).then(), 422, "ORG_LIFE_NOT_MEMBER");
        LocalDate held = OrgLifeFixtures.heldOn(day);
        problem(secretary(branch).body(itemBody(member, held.minusDays(1))).post(path).then(), 422,
                "RECTIFICATION_DUE_BEFORE_SESSION");
        Map<String, Object> foreign = itemBody(member, today);
        String elsewhere = meeting(branch);
        foreign.put("problemId", secretary(branch).body(problemBody("COMMITTEE", null, "SELF_EXAMINATION"))
                .post("/v1/party-days/" + elsewhere + "/problems").then().statusCode(201).extract().path("id"));
        problem(secretary(branch).body(foreign).post(path).then(), 422, "ORG_LIFE_PROBLEM_NOT_FOUND");
        String problems = "/v1/party-days/" + day + "/problems";
        problem(secretary(branch).body(problemBody("MEMBER", null, "CRITICISM")).post(problems).then(), 422,
                "ORG_LIFE_PROBLEM_PERSON");
        problem(secretary(branch).body(problemBody("COMMITTEE", member, "CRITICISM")).post(problems).then(), 422,
                "ORG_LIFE_PROBLEM_PERSON");
        problem(secretary(branch).body(problemBody("MEMBER", outsider, "CRITICISM")).post(problems).then(), 422,
                "ORG_LIFE_NOT_MEMBER");
        problem(secretary(branch).body(problemBody("MEMBER", member, "GOSSIP")).post(problems).then(), 400,
                "VALIDATION_FAILED");
        assertEquals(0, Sql.count("select count(*) from rectification where party_day_id = ?1", day));
        assertEquals(0, Sql.count("select count(*) from org_life_problem where party_day_id = ?1", day));

        // other kinds of session keep no such lists, for reading or writing
        String themed = session(branch, "THEMED_PARTY_DAY", Duration.ofDays(3)).extract().path("id");
        problem(secretary(branch).body(itemBody(member, today.plusDays(5))).post("/v1/party-days/" + themed
                + "/rectifications").then(), 409, "ORG_LIFE_NOT_A_MEETING");
        problem(secretary(branch).body(problemBody("COMMITTEE", null, "ORGANISATION")).post("/v1/party-days/"
                + themed + "/problems").then(), 409, "ORG_LIFE_NOT_A_MEETING");
        problem(secretary(branch).get("/v1/party-days/" + themed + "/rectifications").then(), 409,
                "ORG_LIFE_NOT_A_MEETING");

        // changes name the version they read; the closing names its evidence
        String id = item(day, member, today.plusDays(10)).extract().path("id");
        problem(secretary(branch).body(itemBody(member, today.plusDays(20))).put(path + "/" + id).then(), 428,
                "PRECONDITION_REQUIRED");
        problem(secretary(branch).header("If-Match", etag(7)).body(itemBody(member, today.plusDays(20)))
                .put(path + "/" + id).then(), 412, "PRECONDITION_FAILED");
        problem(secretary(branch).header("If-Match", etag(0)).body(itemBody(member, held.minusDays(1)))
                .put(path + "/" + id).then(), 422, "RECTIFICATION_DUE_BEFORE_SESSION");
        problem(secretary(branch).header("If-Match", etag(0)).body(Map.of("evidence", "")).post(path + "/" + id
                + "/close").then(), 400, "VALIDATION_FAILED");
        problem(secretary(branch).header("If-Match", etag(0)).body(Map.of("evidence", "已完成", "links",
                List.of("ftp://example.org/x"))).post(path + "/" + id + "/close").then(), 400, "VALIDATION_FAILED");
        assertEquals(1, Sql.count("select count(*) from rectification where id = ?1 and version = 0 "
                + "and state = 'OPEN'", id));
        // an item of another session is not found here
        problem(secretary(branch).get("/v1/party-days/" + elsewhere + "/rectifications/" + id).then(), 404,
                "NOT_FOUND");

        // a cancelled meeting takes no more entries
        String cancelled = session(branch, "ORG_LIFE_MEETING", Duration.ofDays(3)).extract().path("id");
        long version = secretary(branch).get("/v1/party-days/" + cancelled).then().extract().jsonPath()
                .getLong("version");
        secretary(branch).header("If-Match", etag(version)).post("/v1/party-days/" + cancelled + "/cancel").then()
                .statusCode(200);
        problem(secretary(branch).body(itemBody(member, today.plusDays(5))).post("/v1/party-days/" + cancelled
                + "/rectifications").then(), 409, "PARTY_DAY_CLOSED");
    }
}
