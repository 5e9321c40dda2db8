package cn.zhibu.study;

import static cn.zhibu.study.StudyFixtures.material;
import static cn.zhibu.study.StudyFixtures.materialBody;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.identity.AuthorizationMatrixTest.Operation;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.TestTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The study capability's operations in the authorisation matrix ({@link AuthorizationMatrixTest}). */
public final class StudyAuthorizationMatrix {

    private StudyAuthorizationMatrix() {
    }

    public static List<Operation> operations() {
        List<String> everyone = AuthorizationMatrixTest.ROLES;
        List<String> secretaries = List.of(Roles.SECRETARY, Roles.ORG_ADMIN);
        List<String> readers = List.of(Roles.GROUP_LEADER, Roles.SECRETARY, Roles.ORG_ADMIN);
        List<Operation> ops = new ArrayList<>();
        // a unit named in the body that the caller cannot see is refused like one that does not exist (422)
        ops.add(new Operation("createStudyMaterial", t -> r -> r.header("Idempotency-Key", UUID.randomUUID().toString())
                .body(materialBody(t.branch())).post("/v1/study-materials"), secretaries, 201, 422));
        ops.add(new Operation("getStudyMaterial", t -> r -> r.get("/v1/study-materials/" + material(t.branch())),
                everyone, 200, 404));
        ops.add(new Operation("listStudyMaterials(unitId)", t -> r -> r.queryParam("unitId", t.branch())
                .get("/v1/study-materials"), secretaries, 200, 404));
        // without a unit: what is open to the caller's own person (nothing for these accounts)
        ops.add(new Operation("listStudyMaterials", t -> r -> r.get("/v1/study-materials"), everyone, 200, 200));
        ops.add(new Operation("changeStudyMaterial", t -> r -> {
            Map<String, Object> body = materialBody(t.branch());
            String id = material(body);
            body.remove("unitId");
            return r.header("If-Match", "\"0\"").body(body).put("/v1/study-materials/" + id);
        }, secretaries, 200, 404));
        ops.add(new Operation("withdrawStudyMaterial", t -> r -> r.header("If-Match", "\"0\"")
                .post("/v1/study-materials/" + material(t.branch()) + "/withdraw"), secretaries, 200, 404));
        // studying is for a person's own account: these accounts are no one's, so every role is refused
        ops.add(new Operation("openStudyMaterial", t -> r -> r.post("/v1/study-materials/" + material(t.branch())
                + "/open"), List.of(), 200, 403));
        ops.add(new Operation("createCheckIn", t -> r -> r.header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("note", "学习党章")).post("/v1/check-ins"), List.of(), 201, 403));
        ops.add(new Operation("requestMakeUp", t -> r -> r.header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("businessDate", yesterday(), "reason", "外出", "note", "学习党章")).post("/v1/check-ins/make-ups"), List.of(),
                201, 403));
        // reading a person's check-ins: their own, or where the caller reads points
        ops.add(new Operation("listCheckIns", t -> r -> r.queryParam("personId", t.person()).get("/v1/check-ins"),
                readers, 200, 404));
        ops.add(new Operation("getCheckInStreak", t -> r -> r.queryParam("personId", t.person())
                .get("/v1/check-ins/streak"), readers, 200, 404));
        ops.add(new Operation("getCheckIn", t -> r -> r.get("/v1/check-ins/" + checkIn(t, Map.of("note", "学习"))),
                readers, 200, 404));
        ops.add(new Operation("listMakeUps(personId)", t -> r -> r.queryParam("personId", t.person())
                .get("/v1/check-ins/make-ups"), readers, 200, 404));
        ops.add(new Operation("getMakeUp", t -> r -> r.get("/v1/check-ins/make-ups/" + makeUp(t)), readers, 200, 404));
        // reviewing: secretaries and org admins
        ops.add(new Operation("listFlaggedCheckIns", t -> r -> r.queryParam("unitId", t.branch())
                .get("/v1/check-ins/flagged"), secretaries, 200, 404));
        ops.add(new Operation("clearCheckIn", t -> r -> r.post("/v1/check-ins/" + flagged(t) + "/clear"),
                secretaries, 200, 404));
        ops.add(new Operation("rejectCheckIn", t -> r -> r.body(Map.of("reason", "不合理"))
                .post("/v1/check-ins/" + flagged(t) + "/reject"), secretaries, 200, 404));
        ops.add(new Operation("listMakeUps(unitId)", t -> r -> r.queryParam("unitId", t.branch())
                .get("/v1/check-ins/make-ups"), secretaries, 200, 404));
        ops.add(new Operation("approveMakeUp", t -> r -> r.post("/v1/check-ins/make-ups/" + makeUp(t) + "/approve"),
                secretaries, 200, 404));
        ops.add(new Operation("rejectMakeUp", t -> r -> r.body(Map.of("reason", "不合理"))
                .post("/v1/check-ins/make-ups/" + makeUp(t) + "/reject"), secretaries, 200, 404));
        return ops;
    }

    private static String yesterday() {
        return TestTime.today().minusDays(1).toString();
    }

    /** A check-in by a new member of the tree's branch. */
    private static String checkIn(AuthorizationMatrixTest.Tree tree, Map<String, Object> body) {
        return StudyFixtures.member(tree.branch()).api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/v1/check-ins").then().statusCode(201).extract().path("checkIn.id");
    }

    /** A flagged check-in: on a material its member never opened. */
    private static String flagged(AuthorizationMatrixTest.Tree tree) {
        return checkIn(tree, Map.of("materialId", material(tree.branch())));
    }

    /** A pending make-up of yesterday by a new member of the tree's branch. */
    private static String makeUp(AuthorizationMatrixTest.Tree tree) {
        return StudyFixtures.member(tree.branch()).api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("businessDate", yesterday(), "reason", "外出", "note", "学习党章")).post("/v1/check-ins/make-ups").then()
                .statusCode(201).extract().path("id");
    }
}
