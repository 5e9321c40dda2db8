package cn.zhibu.stats;

import cn.zhibu.identity.AuthorizationMatrixTest.Operation;
import cn.zhibu.platform.security.Roles;
import java.util.List;

/**
 * The stats operations in the authorisation matrix ({@code AuthorizationMatrixTest}): STATS_READ (secretaries and org
 * admins) for members, organisational life, study and lectures; INTEGRITY_STATS_READ (integrity officers and org
 * admins) for integrity. Others who see the branch 403, callers of another branch 404. API clients: StatsApiTest.
 */
public final class StatsAuthorizationMatrix {

    private StatsAuthorizationMatrix() {
    }

    public static List<Operation> operations() {
        List<String> readers = List.of(Roles.SECRETARY, Roles.ORG_ADMIN);
        return List.of(
                new Operation("getMemberStats", t -> r -> r.get("/v1/stats/org-units/" + t.branch() + "/members"),
                        readers, 200, 404),
                new Operation("getOrgLifeStats", t -> r -> r.get("/v1/stats/org-units/" + t.branch() + "/org-life"),
                        readers, 200, 404),
                new Operation("getStudyStats", t -> r -> r.get("/v1/stats/org-units/" + t.branch() + "/study"),
                        readers, 200, 404),
                new Operation("getLectureStats", t -> r -> r.get("/v1/stats/org-units/" + t.branch() + "/lectures"),
                        readers, 200, 404),
                new Operation("getIntegrityStats",
                        t -> r -> r.get("/v1/stats/org-units/" + t.branch() + "/integrity"),
                        List.of(Roles.INTEGRITY_OFFICER, Roles.ORG_ADMIN), 200, 404));
    }
}
