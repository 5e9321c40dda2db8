package cn.zhibu.leaderboard;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.platform.time.IsoWeek;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.TestTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The leaderboards' operations in the authorisation matrix. */
public final class LeaderboardAuthorizationMatrix {

    private LeaderboardAuthorizationMatrix() {
    }

    public static List<AuthorizationMatrixTest.Operation> operations() {
        List<AuthorizationMatrixTest.Operation> ops = new ArrayList<>();
        ops.add(new AuthorizationMatrixTest.Operation("getPeopleBoard", t -> r -> r.get("/v1/leaderboards/"
                + t.branch() + "/people"), AuthorizationMatrixTest.ROLES, 200, 404));
        ops.add(new AuthorizationMatrixTest.Operation("getUnitsBoard", t -> r -> r.get("/v1/leaderboards/"
                + t.branch() + "/units"), AuthorizationMatrixTest.ROLES, 200, 404));
        ops.add(new AuthorizationMatrixTest.Operation("exportPeopleBoard", t -> r -> r.accept("text/csv")
                .get("/v1/leaderboards/" + t.branch() + "/people.csv"), AuthorizationMatrixTest.ROLES, 200, 404));
        ops.add(new AuthorizationMatrixTest.Operation("exportUnitsBoard", t -> r -> r.accept("text/csv")
                .get("/v1/leaderboards/" + t.branch() + "/units.csv"), AuthorizationMatrixTest.ROLES, 200, 404));
        ops.add(new AuthorizationMatrixTest.Operation("getMyBoardPreference", t -> r -> r
                .get("/v1/leaderboards/preferences/me"), List.of(), 200, 403));
        ops.add(new AuthorizationMatrixTest.Operation("putMyBoardPreference", t -> r -> r
                .body(java.util.Map.of("anonymous", true)).put("/v1/leaderboards/preferences/me"), List.of(), 200, 403));
        // the matrix's callers are staff accounts without a person: "me" is a person's own
        ops.add(new AuthorizationMatrixTest.Operation("getMyStanding", t -> r -> r.queryParam("unitId", t.branch())
                .get("/v1/leaderboards/me"), List.of(), 200, 403));
        // org admins whose role holds everywhere only; the matrix grants roles on one branch
        String week = IsoWeek.of(TestTime.today()).toString();
        ops.add(new AuthorizationMatrixTest.Operation("checkStandings", t -> r -> r.get("/v1/leaderboards/weeks/"
                + week + "/check"), List.of(), 200, 403));
        // publishing: secretaries and org admins of the unit; each call a week of its own, so each publishes (201)
        List<String> managers = List.of(Roles.SECRETARY, Roles.ORG_ADMIN);
        IsoWeek current = IsoWeek.parse(week);
        AtomicInteger weeksBack = new AtomicInteger(100);
        ops.add(new AuthorizationMatrixTest.Operation("publishWeek", t -> r -> r.post("/v1/leaderboards/" + t.branch()
                + "/weeks/" + back(current, weeksBack.incrementAndGet()) + "/publish"), managers, 201, 404));
        // a new edition of a published week: org admins whose role holds everywhere only
        ops.add(new AuthorizationMatrixTest.Operation("republishWeek", t -> r -> r.body(java.util.Map.of("reason",
                "重新发布")).post("/v1/leaderboards/" + t.branch() + "/weeks/" + week + "/editions"), List.of(), 201,
                403));
        String published = back(current, 60).toString();
        ops.add(new AuthorizationMatrixTest.Operation("getPublishedWeek", t -> r -> {
            Api.as("org-admin", Roles.ORG_ADMIN).post("/v1/leaderboards/" + t.branch() + "/weeks/" + published
                    + "/publish");
            return r.get("/v1/leaderboards/" + t.branch() + "/weeks/" + published);
        }, AuthorizationMatrixTest.ROLES, 200, 404));
        ops.add(new AuthorizationMatrixTest.Operation("listPublishedWeeks", t -> r -> r.get("/v1/leaderboards/"
                + t.branch() + "/weeks"), AuthorizationMatrixTest.ROLES, 200, 404));
        ops.add(new AuthorizationMatrixTest.Operation("getWeekStudyLeaders", t -> r -> r.get("/v1/leaderboards/"
                + t.branch() + "/weeks/" + week + "/leaders"), AuthorizationMatrixTest.ROLES, 200, 404));
        ops.add(new AuthorizationMatrixTest.Operation("listStudyLeaders", t -> r -> r.get("/v1/leaderboards/"
                + t.branch() + "/leaders"), AuthorizationMatrixTest.ROLES, 200, 404));
        // allowed callers reach the check that the week is published (it is not: 404 with its own code)
        ops.add(new AuthorizationMatrixTest.Operation("confirmWeekStudyLeaders", t -> r -> r.body(java.util.Map.of(
                "personIds", List.of(t.person()))).post("/v1/leaderboards/" + t.branch() + "/weeks/2020-W01/leaders"),
                List.of(cn.zhibu.platform.security.Roles.SECRETARY, cn.zhibu.platform.security.Roles.ORG_ADMIN), 404,
                404));
        ops.add(new AuthorizationMatrixTest.Operation("getLeaderboardSettings", t -> r -> r.get("/v1/leaderboards/"
                + t.branch() + "/settings"), AuthorizationMatrixTest.ROLES, 200, 404));
        ops.add(new AuthorizationMatrixTest.Operation("putLeaderboardSettings", t -> r -> r.body(java.util.Map.of(
                "metric", "TOTAL")).put("/v1/leaderboards/" + OrgFixtures.unit("PARTY_GROUP", t.branch()) + "/settings"),
                List.of(cn.zhibu.platform.security.Roles.SECRETARY, cn.zhibu.platform.security.Roles.ORG_ADMIN), 200,
                404));
        ops.add(new AuthorizationMatrixTest.Operation("getBoardVisibility", t -> r -> r.get("/v1/leaderboards/"
                + t.branch() + "/visibility"), AuthorizationMatrixTest.ROLES, 200, 404));
        // each allowed call changes the branch's own choice, with the If-Match of the one before
        ops.add(new AuthorizationMatrixTest.Operation("putBoardVisibility", t -> r -> {
            var chosen = Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/leaderboards/" + t.branch() + "/visibility");
            if (t.branch().equals(chosen.path("chosenBy"))) {
                r = r.header("If-Match", chosen.header("ETag"));
            }
            return r.body(java.util.Map.of("personBoards", "PUBLISHED", "unitBoards", "PUBLISHED",
                    "weeklyPublication", true)).put("/v1/leaderboards/" + t.branch() + "/visibility");
        }, managers, 200, 404));
        ops.add(new AuthorizationMatrixTest.Operation("listBoardVisibilityChanges", t -> r -> r.get(
                "/v1/leaderboards/" + t.branch() + "/visibility/changes"), managers, 200, 404));
        return ops;
    }

    private static IsoWeek back(IsoWeek week, int weeks) {
        return IsoWeek.of(week.monday().minusWeeks(weeks));
    }
}
