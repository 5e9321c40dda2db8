package cn.zhibu.study;

import static cn.zhibu.study.StudyFixtures.material;
import static cn.zhibu.study.StudyFixtures.materialBody;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.identity.AuthorizationMatrixTest.Operation;
import cn.zhibu.platform.security.Roles;
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
        return ops;
    }
}
