package cn.zhibu.leaderboard;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.platform.time.IsoWeek;
import cn.zhibu.testing.StandingsCaughtUp;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.DemoProfile;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo branch's boards: filled by the demo ledger, with an anonymous member, and in step with the ledger. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class LeaderboardDemoDataTest {

    private static String signIn(String externalId) {
        return Api.anonymous().body(Map.of("externalId", externalId)).post("/v1/sessions/demo").then().statusCode(200)
                .extract().path("accessToken");
    }

    @Test
    void theDemoBranchHasBoardsThatAgreeWithTheLedger() {
        String member = signIn("DEMO-1020");
        StandingsCaughtUp.await(); // the demo's ledger, taken into the standings
        String branch = Api.bearer(member).get("/v1/leaderboards/me").then().statusCode(200)
                .body("rank", greaterThan(0)).extract().path("unitId");
        // last week is full (the demo's check-ins and attempts run up to yesterday)
        IsoWeek thisWeek = IsoWeek.of(TestTime.today());
        String lastWeek = thisWeek.previous().toString();
        var board = Api.bearer(member).queryParam("week", lastWeek).queryParam("limit", 100)
                .get("/v1/leaderboards/" + branch + "/people").then().statusCode(200)
                .body("participants", greaterThan(20)).body("items.name", hasItem("匿名")).extract();
        assertEquals(((Number) board.path("participants")).intValue(), board.<List<?>>path("items").size());
        Api.bearer(member).queryParam("week", lastWeek).get("/v1/leaderboards/" + branch + "/units").then()
                .statusCode(200).body("items.size()", equalTo(6));
        // the last three weeks are published, each with its study leader confirmed
        Api.bearer(member).get("/v1/leaderboards/" + branch + "/weeks").then().statusCode(200)
                .body("items.size()", equalTo(3));
        var leaders = Api.bearer(member).get("/v1/leaderboards/" + branch + "/leaders").then().statusCode(200)
                .body("items.size()", equalTo(3)).extract();
        assertEquals(lastWeek, leaders.path("items[0].isoWeek"));
        for (String week : List.of(lastWeek, thisWeek.toString())) {
            Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/leaderboards/weeks/" + week + "/check").then()
                    .statusCode(200).body("consistent", equalTo(true));
        }
        // the demo branch chose named boards; the second branch keeps the default: each member their own row
        Api.bearer(member).get("/v1/leaderboards/" + branch + "/visibility").then().statusCode(200)
                .body("personBoards", equalTo("PUBLISHED")).body("chosenBy", equalTo(branch));
        String retired = signIn("DEMO-2003");
        String second = Api.bearer(retired).queryParam("week", lastWeek).get("/v1/leaderboards/me").then()
                .statusCode(200).body("visibility", equalTo("SELF_ONLY")).body("percentile", nullValue())
                .extract().path("unitId");
        Api.bearer(retired).queryParam("week", lastWeek).get("/v1/leaderboards/" + second + "/people").then()
                .statusCode(200).body("participants", greaterThan(1)).body("items.size()", equalTo(1));
        // DEMO-2099 left four years ago: the retention purge erased them
        assertEquals(1L, cn.zhibu.testing.Sql.count("select count(*) from person p join membership m on "
                + "m.person_id = p.id where m.org_unit_id = '" + second + "' and p.name = '已离开成员' "
                + "and p.erased_at is not null and p.phone_cipher is null"));
    }
}
