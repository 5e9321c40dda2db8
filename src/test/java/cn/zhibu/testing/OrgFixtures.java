package cn.zhibu.testing;

import cn.zhibu.platform.security.Roles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Org units and people made over the API by a global org admin, for tests that need a tree to work in. */
public final class OrgFixtures {

    private OrgFixtures() {
    }

    /** A unit with a fresh unique name. */
    public static String unit(String kind, String parent) {
        return unit(kind, kind.charAt(0) + UUID.randomUUID().toString().substring(0, 12), parent);
    }

    public static String unit(String kind, String name, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("name", name);
        body.put("shortName", name.length() > 16 ? name.substring(0, 16) : name);
        body.put("parentId", parent);
        return Api.as("org-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/v1/org-units").then().statusCode(201).extract().path("id");
    }

    /** A full party member of the branch (in no party group) since 2020. */
    public static Map<String, Object> personBody(String name, String branch) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("gender", "MALE");
        body.put("birthDate", "1980-05-04");
        body.put("politicalStatus", "FULL");
        body.put("partyJoinDate", "2005-07-01");
        body.put("jobTitle", "科员");
        body.put("leadingCadre", false);
        body.put("branchId", branch);
        body.put("groupIds", List.of());
        body.put("since", "2020-01-01");
        return body;
    }

    public static String person(String name, String branch) {
        return Api.as("org-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(personBody(name, branch)).post("/v1/people").then().statusCode(201).extract().path("id");
    }

    /**
     * Chooses what the boards of a branch or committee show (and of the units below it without a choice of their
     * own); its first choice, over the API by an org admin.
     */
    public static void boardVisibility(String unit, String personBoards, String unitBoards, boolean weekly) {
        Api.as("org-admin", Roles.ORG_ADMIN).body(Map.of("personBoards", personBoards, "unitBoards", unitBoards,
                "weeklyPublication", weekly)).put("/v1/leaderboards/" + unit + "/visibility").then().statusCode(200);
    }

    /** Publishes the named boards of a branch or committee (the default shows each member their own standing). */
    public static void publishBoards(String unit) {
        boardVisibility(unit, "PUBLISHED", "PUBLISHED", true);
    }
}
