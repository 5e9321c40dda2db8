package cn.zhibu.points;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The points capability's operations in the authorisation matrix (imports, member files, rating bands). */
public final class PointsAuthorizationMatrix {

    private static final Map<String, Object> BANDS = Map.of("bands", List.of(Map.of("name", "好", "minPoints", 10)));

    private PointsAuthorizationMatrix() {
    }

    public static List<AuthorizationMatrixTest.Operation> operations() {
        List<String> secretaries = List.of(Roles.SECRETARY, Roles.ORG_ADMIN);
        List<AuthorizationMatrixTest.Operation> ops = new ArrayList<>();
        // whoever imports nowhere is refused before any line is read (403, inside or outside); for those who
        // import elsewhere, a person outside their units is an unknown person: a line error, 422
        Map<String, Integer> importersOutside = Map.of(Roles.SECRETARY, 422, Roles.ORG_ADMIN, 422);
        ops.add(new AuthorizationMatrixTest.Operation("importPoints", t -> r -> {
            externalImportRule(t.branch());
            return r.header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("items", List.of(Map.of(
                    "externalId", "matrix-" + UUID.randomUUID(), "personId", t.person(), "points", 1, "date",
                    PointsFixtures.today().toString())))).post("/v1/points/imports");
        }, secretaries, 200, 403, importersOutside));
        List<String> readers = List.of(Roles.GROUP_LEADER, Roles.SECRETARY, Roles.ORG_ADMIN);
        ops.add(new AuthorizationMatrixTest.Operation("getMemberFile", t -> r -> r.get("/v1/people/" + t.person()
                + "/file"), readers, 200, 404));
        ops.add(new AuthorizationMatrixTest.Operation("listMemberFileTimeline", t -> r -> r.get("/v1/people/"
                + t.person() + "/file/timeline"), readers, 200, 404));
        ops.add(new AuthorizationMatrixTest.Operation("getRatingBands", t -> r -> r.get("/v1/rating-bands/"
                + t.branch()), AuthorizationMatrixTest.ROLES, 200, 404));
        ops.add(new AuthorizationMatrixTest.Operation("putRatingBands", t -> r -> r.body(BANDS)
                .put("/v1/rating-bands/" + OrgFixtures.unit("PARTY_GROUP", t.branch())), secretaries, 200, 404));
        ops.add(new AuthorizationMatrixTest.Operation("deleteRatingBands", t -> r -> {
            String group = OrgFixtures.unit("PARTY_GROUP", t.branch());
            String tag = Api.as("org-admin", Roles.ORG_ADMIN).body(BANDS).put("/v1/rating-bands/" + group).then()
                    .statusCode(200).extract().header("ETag");
            return r.header("If-Match", tag).delete("/v1/rating-bands/" + group);
        }, secretaries, 200, 404));
        return ops;
    }

    /** The branch's EXTERNAL_IMPORT rule from today (made once: a second version on the same day is refused). */
    private static void externalImportRule(String branch) {
        int status = Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("unitId", branch, "activityType",
                "EXTERNAL_IMPORT", "effectiveFrom", PointsFixtures.today().toString(), "points", 1))
                .post("/v1/scoring-rules").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("the matrix's EXTERNAL_IMPORT rule was refused: " + status);
        }
    }
}
