package cn.zhibu.platform.fuzz;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.ContractOperations.ContractOperation;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestAccounts;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * What the fuzz run works in: a committee with a branch and a party group, a member of the branch who signs in as
 * themselves (a person with an account of their own), a colleague, a study material and the member's check-in on it.
 * Ids in paths, bodies and query parameters are these where their name says what they are, so that requests reach
 * past "not found" into the service; other ids are fresh (from the seeded generator).
 */
final class FuzzFixtures {

    final String committee;
    final String branch;
    final String group;
    final StudyFixtures.Member member;
    final String colleague;
    final String material;
    final String checkIn;
    private final Random random;

    FuzzFixtures(Random random) {
        this.random = random;
        committee = OrgFixtures.unit("COMMITTEE", null);
        OrgFixtures.publishBoards(committee); // named boards (the default shows each member their own)
        branch = OrgFixtures.unit("BRANCH", committee);
        group = OrgFixtures.unit("PARTY_GROUP", branch);
        member = StudyFixtures.member(branch, group);
        colleague = StudyFixtures.member(branch, group).personId();
        material = StudyFixtures.material(branch);
        checkIn = member.api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("materialId", material)).post("/v1/check-ins").then().statusCode(201).extract()
                .path("checkIn.id");
    }

    /** A fresh access token of the member. */
    String memberToken() {
        return TestAccounts.token(UUID.fromString(member.accountId()));
    }

    /** The fixture a body field or query parameter of this name stands for, or null for a fresh id. */
    String idFor(String name) {
        return switch (name) {
            case "unitId", "branchId", "parentId", "hostUnitId", "under" -> branch;
            case "groupId" -> group;
            case "personId" -> member.personId();
            case "colleagueId" -> colleague;
            case "accountId" -> member.accountId();
            case "materialId" -> material;
            default -> null;
        };
    }

    /** A valid-ish value of a path parameter of the operation. */
    String pathValue(ContractOperation op, Parameter p, SchemaSamples samples) {
        String path = op.path();
        if ("personId".equals(p.getName())) {
            return member.personId();
        }
        if ("token".equals(p.getName())) {
            return "fuzz" + Long.toHexString(random.nextLong());
        }
        if (path.startsWith("/v1/org-units/")) {
            return group;
        }
        if (path.startsWith("/v1/people/{id}")) {
            return member.personId();
        }
        if (path.startsWith("/v1/leaderboards/{id}") || path.startsWith("/v1/rotations/{id}")
                || path.startsWith("/v1/rating-bands/")) {
            return branch;
        }
        if (path.startsWith("/v1/study-materials/{id}")) {
            return material;
        }
        if (path.startsWith("/v1/check-ins/{id}")) {
            return checkIn;
        }
        return samples.value(p.getSchema(), p.getName()).asText();
    }

    /** A real cursor (of a list of units as an org admin sees it), with one character of its position changed. */
    RequestMutations.Cursors cursors() {
        OrgFixtures.unit("PARTY_GROUP", branch); // two children: a list of one per page has a next page
        String cursor = Api.as("org-admin", Roles.ORG_ADMIN).queryParam("parentId", branch).queryParam("limit", 1)
                .get("/v1/org-units").then().statusCode(200).extract().path("nextCursor");
        char[] chars = cursor.toCharArray();
        chars[2] = chars[2] == 'A' ? 'B' : 'A';
        return new RequestMutations.Cursors(new String(chars), cursor);
    }
}
