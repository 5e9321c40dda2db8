package cn.zhibu.lecture.calendar;

import cn.zhibu.testing.Sql;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A feed stops at once when whoever made it may no longer see what it shows. */
@QuarkusTest
class CalendarFeedStandingApiTest {

    static int read(String url) {
        return RestAssured.given().accept("text/calendar").get(url).statusCode();
    }

    @Test
    void aBranchFeedStopsWhenItsMakersGrantIsRevokedAndAPersonFeedWhenTheAccountIsDisabled() {
        String branch = OrgFixtures.unit("BRANCH", null);
        UUID secretary = TestAccounts.account("feed-standing-" + branch, UUID.fromString(branch), Roles.SECRETARY);
        String url = Api.bearer(TestAccounts.token(secretary)).body(Map.of("scope", "BRANCH", "branchId", branch))
                .post("/v1/calendar-feeds").then().statusCode(201).extract().path("url");
        StudyFixtures.Member member = StudyFixtures.member(branch);
        String own = member.api().body(Map.of("scope", "PERSON")).post("/v1/calendar-feeds").then().statusCode(201)
                .extract().path("url");
        assertEquals(200, read(url));
        assertEquals(200, read(own));

        Sql.count("with revoked as (update role_grant set revoked_at = now(), revoked_by = 'test' where account_id = ?1 "
                + "returning 1) select count(*) from revoked", secretary);
        assertEquals(404, read(url));
        Sql.count("with disabled as (update account set active = false where id = ?1 returning 1) "
                + "select count(*) from disabled", UUID.fromString(member.accountId()));
        assertEquals(404, read(own));
    }
}
