package cn.zhibu.lecture.compliance;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.identity.AuthorizationMatrixTest.Operation;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import java.util.List;
import java.util.Map;

/**
 * Organisational life compliance in the authorisation matrix ({@link AuthorizationMatrixTest}): the compliance view
 * (secretaries and org admins), a branch's requirements (read by those who see its party days, chosen by its
 * managers) and a person's study hours (read as their member file is).
 */
public final class ComplianceAuthorizationMatrix {

    private ComplianceAuthorizationMatrix() {
    }

    public static List<Operation> operations() {
        List<String> everyone = AuthorizationMatrixTest.ROLES;
        List<String> managers = List.of(Roles.SECRETARY, Roles.ORG_ADMIN);
        List<String> pointsReaders = List.of(Roles.GROUP_LEADER, Roles.SECRETARY, Roles.ORG_ADMIN);
        return List.of(
                new Operation("getOrgLifeCompliance", t -> r -> r.queryParam("unitId", t.branch())
                        .get("/v1/org-life/compliance"), managers, 200, 404),
                new Operation("getOrgLifeRequirements", t -> r -> r.get("/v1/org-units/" + t.branch()
                        + "/org-life-requirements"), everyone, 200, 404),
                // each call names the version an org admin has just read
                new Operation("changeOrgLifeRequirements", t -> r -> r.header("If-Match", version(t.branch()))
                        .body(Map.of("requirements", List.of(Map.of("kind", "PARTY_LECTURE", "frequency",
                                "MONTHLY")))).put("/v1/org-units/" + t.branch() + "/org-life-requirements"),
                        managers, 200, 404),
                new Operation("getStudyHours", t -> r -> r.get("/v1/people/" + t.person() + "/study-hours"),
                        pointsReaders, 200, 404));
    }

    private static String version(String branch) {
        return Api.as("org-admin", Roles.ORG_ADMIN).get("/v1/org-units/" + branch + "/org-life-requirements").then()
                .statusCode(200).extract().header("ETag");
    }
}
