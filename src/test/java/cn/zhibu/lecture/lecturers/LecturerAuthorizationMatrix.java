package cn.zhibu.lecture.lecturers;

import static cn.zhibu.lecture.lecturers.LecturerFixtures.guest;
import static cn.zhibu.lecture.lecturers.LecturerFixtures.lecture;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.admin;
import static cn.zhibu.lecture.orglife.OrgLifeFixtures.etag;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.identity.AuthorizationMatrixTest.Operation;
import cn.zhibu.identity.AuthorizationMatrixTest.Tree;
import cn.zhibu.platform.security.Roles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The lecturers' operations in the authorisation matrix ({@link AuthorizationMatrixTest}). */
public final class LecturerAuthorizationMatrix {

    private LecturerAuthorizationMatrix() {
    }

    public static List<Operation> operations() {
        List<String> everyone = AuthorizationMatrixTest.ROLES;
        List<String> managers = List.of(Roles.SECRETARY, Roles.ORG_ADMIN);
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation("createLecturer", t -> r -> r.body(guest("李明", "专题党课")).post("/v1/party-days/"
                + session(t) + "/lecturers"), managers, 201, 404));
        ops.add(new Operation("listLecturers", t -> r -> r.get("/v1/party-days/" + session(t) + "/lecturers"),
                everyone, 200, 404));
        ops.add(new Operation("getLecturer", t -> r -> r.get(lecturer(t)), everyone, 200, 404));
        ops.add(new Operation("changeLecturer", t -> r -> {
            Map<String, Object> body = guest("李明", "专题党课（修订）");
            body.put("order", 1);
            return r.header("If-Match", etag(0)).body(body).put(lecturer(t));
        }, managers, 200, 404));
        ops.add(new Operation("deleteLecturer", t -> r -> r.header("If-Match", etag(0)).delete(lecturer(t)),
                managers, 204, 404));
        return ops;
    }

    private static String session(Tree tree) {
        return lecture(tree.branch(), "PARTY_LECTURE", Duration.ofDays(7));
    }

    /** The path of a guest lecturer of a fresh party lecture of the tree's branch. */
    private static String lecturer(Tree tree) {
        String day = session(tree);
        String id = admin().body(guest("李明", "专题党课")).post("/v1/party-days/" + day + "/lecturers").then()
                .statusCode(201).extract().path("id");
        return "/v1/party-days/" + day + "/lecturers/" + id;
    }
}
