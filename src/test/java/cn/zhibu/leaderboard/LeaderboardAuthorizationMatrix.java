package cn.zhibu.leaderboard;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.platform.time.IsoWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

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
        String week = IsoWeek.of(LocalDate.now(ZoneId.of("Asia/Shanghai"))).toString();
        ops.add(new AuthorizationMatrixTest.Operation("checkStandings", t -> r -> r.get("/v1/leaderboards/weeks/"
                + week + "/check"), List.of(), 200, 403));
        return ops;
    }
}
