package cn.zhibu.lecture.orglife;

import static cn.zhibu.lecture.orglife.OrgLifeFixtures.etag;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.evidence;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.heldOn;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.item;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.meeting;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.secretary;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestClock;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A unit's rectification items, earliest due first: the overdue ones as the business calendar moves on. */
@QuarkusTest
class RectificationsOverdueApiTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void overdueItemsOfEveryBranchUnderAUnitAreListedAsDaysPass() {
        String committee = OrgFixtures.unit("COMMITTEE", null);
        String a = OrgFixtures.unit("BRANCH", committee);
        String b = OrgFixtures.unit("BRANCH", committee);
        String c = OrgFixtures.unit("BRANCH", null);
        StudyFixtures.Member owner = StudyFixtures.member(a);
        String ownerB = OrgFixtures.person("整改人", b);
        String ownerC = OrgFixtures.person("整改人", c);
        String dayA = meeting(a);
        LocalDate held = heldOn(dayA);
        String a1 = item(dayA, owner.personId(), held.plusDays(1)).extract().path("id");
        String a2 = item(dayA, owner.personId(), held.plusDays(5)).extract().path("id");
        String a3 = item(dayA, owner.personId(), held.plusDays(30)).extract().path("id");
        String b1 = item(meeting(b), ownerB, heldOn(meeting(b)).plusDays(3)).extract().path("id");
        item(meeting(c), ownerC, held.plusDays(1));
        owner.api().header("If-Match", etag(0)).body(evidence())
                .post("/v1/party-days/" + dayA + "/rectifications/" + a2 + "/close").then().statusCode(200);

        RequestSpecification reader = Api.as("orglife-reader", Roles.MEMBER, UUID.fromString(committee));
        assertEquals(List.of(), reader.queryParam("unitId", committee).queryParam("overdue", "true")
                .get("/v1/rectifications").then().statusCode(200).extract().path("items.id"));

        // ten days on, two items of the committee's branches are overdue (the other branch's is not listed)
        clock.set(TestTime.now().plus(Duration.ofDays(10)));
        JsonPath first = Api.as("orglife-reader", Roles.MEMBER, UUID.fromString(committee))
                .queryParam("unitId", committee).queryParam("overdue", "true").queryParam("limit", 1)
                .get("/v1/rectifications").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(a1), first.getList("items.id"));
        assertEquals(true, first.getBoolean("items[0].overdue"));
        assertEquals(dayA, first.getString("items[0].partyDayId"));
        assertEquals("2026年度组织生活会", first.getString("items[0].partyDayTheme"));
        assertEquals(held.toString(), first.getString("items[0].heldOn"));
        Api.as("orglife-reader", Roles.MEMBER, UUID.fromString(committee)).queryParam("unitId", committee)
                .queryParam("overdue", "true").queryParam("limit", 1).queryParam("cursor", first.getString("nextCursor"))
                .get("/v1/rectifications").then().statusCode(200).body("items.id", equalTo(List.of(b1)))
                .body("items[0].ownerName", equalTo("整改人")).body("nextCursor", nullValue());
        // a branch's items by state; a member without unitId reads their own branch's
        secretary(a).queryParam("unitId", a).queryParam("state", "OPEN").get("/v1/rectifications").then()
                .statusCode(200).body("items.id", equalTo(List.of(a1, a3)))
                .body("items.overdue", equalTo(List.of(true, false)));
        secretary(a).queryParam("unitId", a).queryParam("state", "DONE").get("/v1/rectifications").then()
                .statusCode(200).body("items.id", equalTo(List.of(a2))).body("items[0].overdue", equalTo(false));
        owner.api().get("/v1/rectifications").then().statusCode(200).body("items.id", equalTo(List.of(a1, a2, a3)));
        // and the session's own list says the same of each item
        secretary(a).get("/v1/party-days/" + dayA + "/rectifications").then().statusCode(200)
                .body("items.id", equalTo(List.of(a1, a2, a3))).body("items.overdue", equalTo(List.of(true, false,
                        false)));

        problem(secretary(a).queryParam("unitId", a).queryParam("state", "LATE").get("/v1/rectifications").then(),
                400, "INVALID_PARAMETER");
        problem(secretary(a).queryParam("unitId", a).queryParam("overdue", "yes").get("/v1/rectifications").then(),
                400, "INVALID_PARAMETER");
        problem(secretary(a).queryParam("unitId", a).queryParam("cursor", first.getString("nextCursor"))
                .get("/v1/rectifications").then(), 400, "INVALID_CURSOR");
        problem(secretary(a).queryParam("unitId", c).get("/v1/rectifications").then(), 404, "NOT_FOUND");
    }
}
