package cn.zhibu.study.checkin;

import static cn.zhibu.testing.OrgFixtures.unit;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A group leader is granted on their party group, below the branch: they read the check-ins, streaks
 * and member files of their group's members, and nothing of another group's (404: they see none of
 * that person's units).
 */
@QuarkusTest
class GroupLeaderReadsApiTest {

    @Test
    void aGroupLeaderReadsTheirGroupsMembersOnly() {
        String branch = unit("BRANCH", unit("COMMITTEE", null));
        String groupA = unit("PARTY_GROUP", branch);
        String groupB = unit("PARTY_GROUP", branch);
        StudyFixtures.Member inA = StudyFixtures.member(branch, groupA);
        StudyFixtures.Member inB = StudyFixtures.member(branch, groupB);
        inA.api().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("note", "学习党章第一章"))
                .post("/v1/check-ins").then().statusCode(201);
        String leader = "leader-" + UUID.randomUUID();

        Api.as(leader, Roles.GROUP_LEADER, UUID.fromString(groupA)).queryParam("personId", inA.personId())
                .get("/v1/check-ins").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].personId", equalTo(inA.personId()));
        Api.as(leader, Roles.GROUP_LEADER, UUID.fromString(groupA)).queryParam("personId", inA.personId())
                .get("/v1/check-ins/streak").then().statusCode(200).body("current", equalTo(1));
        Api.as(leader, Roles.GROUP_LEADER, UUID.fromString(groupA)).get("/v1/people/" + inA.personId() + "/file")
                .then().statusCode(200).body("personId", equalTo(inA.personId()));

        Api.as(leader, Roles.GROUP_LEADER, UUID.fromString(groupA)).queryParam("personId", inB.personId())
                .get("/v1/check-ins").then().statusCode(404);
        Api.as(leader, Roles.GROUP_LEADER, UUID.fromString(groupA)).get("/v1/people/" + inB.personId() + "/file")
                .then().statusCode(404);
    }
}
