package cn.zhibu.lecture.minutes;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.identity.AuthorizationMatrixTest.Operation;
import cn.zhibu.identity.AuthorizationMatrixTest.Tree;
import cn.zhibu.platform.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The minutes' operations in the authorisation matrix ({@link AuthorizationMatrixTest}): reading the minutes and
 * attachments of a session of the branch, writing, archiving, correcting, uploading and removing. A file is read
 * only for a caller who may manage sessions somewhere: others outside are answered 403 before their body is read.
 */
public final class MinutesAuthorizationMatrix {

    private MinutesAuthorizationMatrix() {
    }

    public static List<Operation> operations() {
        List<String> everyone = AuthorizationMatrixTest.ROLES;
        List<String> managers = List.of(Roles.SECRETARY, Roles.ORG_ADMIN);
        Map<String, Integer> noUploaders = Map.of(Roles.MEMBER, 403, Roles.GROUP_LEADER, 403,
                Roles.INTEGRITY_OFFICER, 403);
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation("getPartyDayMinutes", t -> r -> r.get(written(t, false) + "/minutes"), everyone, 200,
                404));
        ops.add(new Operation("writePartyDayMinutes", t -> r -> r.header("If-Match", "\"0\"")
                .body(MinutesFixtures.minutes(List.of(t.person(), t.person(), t.person())))
                .put(session(t) + "/minutes"), managers, 200, 404));
        ops.add(new Operation("archivePartyDayMinutes", t -> r -> r.header("If-Match", "\"1\"")
                .post(written(t, false) + "/minutes/archive"), managers, 200, 404));
        ops.add(new Operation("addPartyDayMinutesAddendum", t -> r -> r.body(Map.of("text", "更正：时限顺延一周。"))
                .post(written(t, true) + "/minutes/addenda"), managers, 201, 404));
        ops.add(new Operation("uploadPartyDayAttachment", t -> r -> MinutesFixtures.upload(r, "image/png",
                MinutesFixtures.png(), "PHOTO", "合影.png").post(session(t) + "/attachments"), managers, 201, 404,
                noUploaders));
        ops.add(new Operation("listPartyDayAttachments", t -> r -> r.get(session(t) + "/attachments"), everyone, 200,
                404));
        ops.add(new Operation("downloadPartyDayAttachment", t -> r -> r.accept("*/*").get(attachment(t)), everyone,
                200, 404));
        ops.add(new Operation("deletePartyDayAttachment", t -> r -> r.delete(attachment(t)), managers, 204, 404));
        return ops;
    }

    /** A held session of the tree's branch, as a path. */
    private static String session(Tree tree) {
        return "/v1/party-days/" + MinutesFixtures.session(tree.branch(), true);
    }

    /** A held session with minutes written by an admin (version 1), archived if asked (version 2). */
    private static String written(Tree tree, boolean archived) {
        String day = session(tree);
        MinutesFixtures.admin().header("If-Match", "\"0\"")
                .body(MinutesFixtures.minutes(List.of(tree.person(), tree.person(), tree.person())))
                .put(day + "/minutes").then().statusCode(200);
        if (archived) {
            MinutesFixtures.admin().header("If-Match", "\"1\"").post(day + "/minutes/archive").then().statusCode(200);
        }
        return day;
    }

    /** A photo of a held session, as a path. */
    private static String attachment(Tree tree) {
        String day = session(tree);
        String id = MinutesFixtures.upload(MinutesFixtures.admin(), "image/png", MinutesFixtures.png(), "PHOTO",
                "合影.png").post(day + "/attachments").then().statusCode(201).extract().path("id");
        return day + "/attachments/" + id;
    }
}
