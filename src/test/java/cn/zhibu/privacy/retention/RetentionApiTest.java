package cn.zhibu.privacy.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The purge log over HTTP: org admins of the whole tree read it, newest first, a page at a time; nobody else. */
@QuarkusTest
class RetentionApiTest {

    @Inject
    RetentionPurge purge;

    @Test
    void anOrgAdminReadsThePurgeLogNewestFirstPageByPage() {
        RetentionPurge.Run older = purge.purge(TestTime.calendar().now());
        RetentionPurge.Run newer = purge.purge(TestTime.calendar().now());
        int classes = purge.dataClasses().size();

        JsonPath first = Api.as("org-admin", Roles.ORG_ADMIN).queryParam("limit", classes).get("/v1/retention/purges")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(classes, first.getList("items").size());
        assertEquals(List.of(newer.id().toString()), first.getList("items.runId").stream().distinct().toList());
        assertEquals(purge.dataClasses().stream().sorted().toList(),
                first.<String>getList("items.dataClass").stream().sorted().toList());
        assertEquals("P365D", first.getString("items.find { it.dataClass == 'MATERIAL_OPENINGS' }.retention"));
        assertNotNull(first.getString("nextCursor"));

        JsonPath second = Api.as("org-admin", Roles.ORG_ADMIN).queryParam("limit", classes)
                .queryParam("cursor", first.getString("nextCursor")).get("/v1/retention/purges").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(older.id().toString()), second.getList("items.runId").stream().distinct().toList());
        List<Instant> started = new ArrayList<>();
        for (JsonPath page : List.of(first, second)) {
            page.<String>getList("items.startedAt").forEach(at -> started.add(Instant.parse(at)));
        }
        for (int i = 1; i < started.size(); i++) {
            assertTrue(!started.get(i).isAfter(started.get(i - 1)), "newest first: " + started);
        }
    }

    @Test
    void aBadLimitOrCursorIsRefused() {
        Api.as("org-admin", Roles.ORG_ADMIN).queryParam("limit", 0).get("/v1/retention/purges").then().statusCode(400);
        Api.as("org-admin", Roles.ORG_ADMIN).queryParam("limit", "x").get("/v1/retention/purges").then()
                .statusCode(400);
        Api.as("org-admin", Roles.ORG_ADMIN).queryParam("cursor", "abc.def").get("/v1/retention/purges").then()
                .statusCode(400);
    }

    @Test
    void onlyOrgAdminsOfTheWholeTreeReadIt() {
        UUID branch = UUID.fromString(OrgFixtures.unit("BRANCH", null));
        for (String role : List.of(Roles.MEMBER, Roles.GROUP_LEADER, Roles.SECRETARY, Roles.INTEGRITY_OFFICER,
                Roles.ORG_ADMIN)) {
            Api.as("retention-" + role, role, branch).get("/v1/retention/purges").then().statusCode(403);
        }
        Api.anonymous().get("/v1/retention/purges").then().statusCode(401);
    }
}
