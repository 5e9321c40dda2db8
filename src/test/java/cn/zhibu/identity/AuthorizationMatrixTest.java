package cn.zhibu.identity;

import static cn.zhibu.testing.OrgFixtures.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the org and identity capabilities, for each role granted inside the object's
 * subtree, each role granted on another branch (outside), and anonymous: the expected status.
 * Later capabilities add their operations to {@link #operations}.
 */
@QuarkusTest
public class AuthorizationMatrixTest {

    public static final List<String> ROLES = List.of(Roles.MEMBER, Roles.GROUP_LEADER, Roles.SECRETARY,
            Roles.INTEGRITY_OFFICER, Roles.ORG_ADMIN);
    static final String ADMIN = "org-admin";

    /** The tree each check runs in: a committee with the branch under test and another branch. */
    public record Tree(String committee, String branch, String group, String person, String other) {
    }

    /**
     * One operation: how to call it (on fresh objects made by an admin), and who may. Inside, a role not allowed
     * gets 403 unless {@code insideByRole} names another for it; outside, every role gets {@code outsideStatus}
     * unless {@code outsideByRole} names another for it; anonymous callers get {@code anonymousStatus} (401 but for
     * public operations).
     */
    public record Operation(String name, Function<Tree, Function<RequestSpecification, Response>> call, List<String> allowed,
            int allowedStatus, int outsideStatus, Map<String, Integer> outsideByRole, Map<String, Integer> insideByRole,
            int anonymousStatus) {

        public Operation(String name, Function<Tree, Function<RequestSpecification, Response>> call, List<String> allowed,
                int allowedStatus, int outsideStatus) {
            this(name, call, allowed, allowedStatus, outsideStatus, Map.of());
        }

        public Operation(String name, Function<Tree, Function<RequestSpecification, Response>> call, List<String> allowed,
                int allowedStatus, int outsideStatus, Map<String, Integer> outsideByRole) {
            this(name, call, allowed, allowedStatus, outsideStatus, outsideByRole, Map.of(), 401);
        }

        /** The same operation, where roles inside that are not allowed get these statuses rather than 403. */
        public Operation refusedInside(Map<String, Integer> byRole) {
            return new Operation(name, call, allowed, allowedStatus, outsideStatus, outsideByRole, byRole,
                    anonymousStatus);
        }

        /** The same operation, answering anonymous callers with this status (a public operation). */
        public Operation anonymous(int status) {
            return new Operation(name, call, allowed, allowedStatus, outsideStatus, outsideByRole, insideByRole, status);
        }

        public int insideStatus(String role) {
            return allowed.contains(role) ? allowedStatus : insideByRole.getOrDefault(role, 403);
        }

        public int outsideStatus(String role) {
            return outsideByRole.getOrDefault(role, outsideStatus);
        }
    }

    @Test
    void everyOperationForEveryRoleInsideAndOutsideAndAnonymous() {
        Tree tree = tree();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Operation op : operations()) {
            for (String role : ROLES) {
                checked += check(op, tree, role + " inside", () -> Api.as("matrix-" + role, role,
                        UUID.fromString(tree.branch())), op.insideStatus(role), mismatches);
                checked += check(op, tree, role + " outside", () -> Api.as("matrix-out-" + role, role,
                        UUID.fromString(tree.other())), op.outsideStatus(role), mismatches);
            }
            checked += check(op, tree, "anonymous", Api::anonymous, op.anonymousStatus(), mismatches);
        }
        System.out.printf("Authorization matrix: %d operations, %d checks%n", operations().size(), checked);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void givingSomeoneAPasswordOrAWeChatNeedsTheRightToGrantTheirRoles() {
        Tree tree = tree();
        UUID branch = UUID.fromString(tree.branch());
        // the person holds ORG_ADMIN everywhere: a branch secretary or branch admin must not become them
        String grant = Api.as(ADMIN, Roles.ORG_ADMIN).body(Map.of("personId", tree.person(), "role", "ORG_ADMIN"))
                .post("/v1/grants").then().statusCode(201).extract().path("id");
        assertEquals(403, Api.as("takeover-secretary", Roles.SECRETARY, branch)
                .post("/v1/people/" + tree.person() + "/wechat-invitations").statusCode());
        assertEquals(403, Api.as("takeover-admin", Roles.ORG_ADMIN, branch)
                .body(Map.of("username", "t" + UUID.randomUUID().toString().substring(0, 10), "personId", tree.person()))
                .post("/v1/accounts").statusCode());
        // an org admin everywhere may; and once the person holds nothing beyond the branch, its secretary may too
        Api.as(ADMIN, Roles.ORG_ADMIN).post("/v1/people/" + tree.person() + "/wechat-invitations").then()
                .statusCode(201);
        Api.as(ADMIN, Roles.ORG_ADMIN).post("/v1/grants/" + grant + "/revoke").then().statusCode(200);
        Api.as("takeover-secretary", Roles.SECRETARY, branch).post("/v1/people/" + tree.person()
                + "/wechat-invitations").then().statusCode(201);
    }

    @Test
    void withoutAParentEachCallerListsTheTopsOfWhatTheyCanSee() {
        Tree tree = tree();
        List<String> tops = Api.as("tops-secretary", Roles.SECRETARY, UUID.fromString(tree.branch()))
                .get("/v1/org-units").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(tree.branch()), tops);
        List<String> none = Api.as("tops-nobody").get("/v1/org-units").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(), none);
        List<String> people = Api.as("tops-secretary", Roles.SECRETARY, UUID.fromString(tree.branch()))
                .get("/v1/people").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(tree.person()), people, "a search without a unit stays inside the caller's reach");
    }

    /**
     * Every operation of the contract that takes an Idempotency-Key (required or optional) answers as it should when
     * given one, whatever the method returns (an entity or a response): called by an allowed role with a fresh key.
     */
    @Test
    void everyOperationThatTakesAnIdempotencyKeyAnswersWithOne() throws Exception {
        java.util.Set<String> keyed = new java.util.TreeSet<>();
        cn.zhibu.testing.ContractOperations.all().stream()
                .filter(operation -> operation.parameter("header", "Idempotency-Key").isPresent())
                .forEach(operation -> keyed.add(operation.operationId()));
        Tree tree = tree();
        List<String> mismatches = new ArrayList<>();
        java.util.Set<String> called = new java.util.TreeSet<>();
        for (Operation op : operations()) {
            if (!keyed.contains(op.name()) || op.allowed().isEmpty()) {
                continue;
            }
            String role = op.allowed().get(0);
            called.add(op.name());
            check(op, tree, role + " with an Idempotency-Key", () -> Api.as("matrix-" + role, role,
                    UUID.fromString(tree.branch())).header("Idempotency-Key", UUID.randomUUID().toString()),
                    op.insideStatus(role), mismatches);
        }
        java.util.Set<String> others = new java.util.TreeSet<>(keyed);
        others.removeAll(called);
        System.out.printf("Idempotency keys: %d operations take one, %d called with one by an allowed role here; "
                + "with a key in their own tests: %s%n", keyed.size(), called.size(), others);
        assertEquals(List.of(), mismatches);
    }

    private static int check(Operation op, Tree tree, String who, Supplier<RequestSpecification> caller, int expected,
            List<String> mismatches) {
        int status = op.call().apply(tree).apply(caller.get()).statusCode();
        if (status != expected) {
            mismatches.add(op.name() + " by " + who + ": expected " + expected + ", was " + status);
        }
        return 1;
    }

    static List<Operation> operations() {
        List<String> everyone = ROLES;
        List<String> admins = List.of(Roles.ORG_ADMIN);
        List<String> secretaries = List.of(Roles.SECRETARY, Roles.ORG_ADMIN);
        List<Operation> ops = new ArrayList<>();
        // org units
        ops.add(new Operation("getOrgUnit", t -> r -> r.get("/v1/org-units/" + t.branch()), everyone, 200, 404));
        ops.add(new Operation("listOrgUnits(parentId)", t -> r -> r.queryParam("parentId", t.branch())
                .get("/v1/org-units"), everyone, 200, 404));
        ops.add(new Operation("listOrgUnits(under)", t -> r -> r.queryParam("under", t.branch())
                .get("/v1/org-units"), everyone, 200, 404));
        ops.add(new Operation("createOrgUnit", t -> r -> r.header("Idempotency-Key", UUID.randomUUID().toString())
                .body(unitBody("PARTY_GROUP", t.branch())).post("/v1/org-units"), admins, 201, 422));
        ops.add(new Operation("changeOrgUnit", t -> r -> {
            String group = unit("PARTY_GROUP", t.branch());
            return r.header("If-Match", "\"0\"").body(Map.of("name", "改名" + UUID.randomUUID().toString()
                    .substring(0, 6), "shortName", "改名", "sortOrder", 1)).put("/v1/org-units/" + group);
        }, admins, 200, 404));
        // a unit named in the body that the caller cannot see is refused like one that does not exist (422)
        ops.add(new Operation("moveOrgUnit", t -> r -> r.header("If-Match", "\"0\"").body(Map.of("parentId", t.branch()))
                .post("/v1/org-units/" + unit("PARTY_GROUP", t.branch()) + "/move"), admins, 200, 404));
        ops.add(new Operation("archiveOrgUnit", t -> r -> r.header("If-Match", "\"0\"")
                .post("/v1/org-units/" + unit("PARTY_GROUP", t.branch()) + "/archive"), admins, 200, 404));
        ops.add(new Operation("getBranchCommittee", t -> r -> r.get("/v1/org-units/" + t.branch() + "/committee"),
                everyone, 200, 404));
        ops.add(new Operation("replaceBranchCommittee", t -> r -> r.body(Map.of("members", List.of(Map.of("personId",
                t.person(), "post", "SECRETARY")))).put("/v1/org-units/" + t.branch() + "/committee"), secretaries, 200,
                404));
        // people
        ops.add(new Operation("getPerson", t -> r -> r.get("/v1/people/" + t.person()), everyone, 200, 404));
        ops.add(new Operation("listPeople(unitId)", t -> r -> r.queryParam("unitId", t.branch()).get("/v1/people"),
                everyone, 200, 404));
        ops.add(new Operation("listMemberships", t -> r -> r.get("/v1/people/" + t.person() + "/memberships"),
                everyone, 200, 404));
        ops.add(new Operation("listPoliticalBirthdays", t -> r -> r.queryParam("unitId", t.branch())
                .queryParam("from", "2026-01-01").queryParam("to", "2026-12-31").get("/v1/people/political-birthdays"),
                everyone, 200, 404));
        ops.add(new Operation("createPerson", t -> r -> r.header("Idempotency-Key", UUID.randomUUID().toString())
                .body(personBody(t.branch())).post("/v1/people"), secretaries, 201, 422));
        ops.add(new Operation("changePerson", t -> r -> {
            Map<String, Object> body = personBody(t.branch());
            String id = person(t.branch());
            body.remove("branchId");
            body.remove("groupIds");
            body.remove("since");
            body.remove("externalId");
            return r.header("If-Match", "\"0\"").body(body).put("/v1/people/" + id);
        }, secretaries, 200, 404));
        ops.add(new Operation("transferPerson", t -> r -> r.header("If-Match", "\"0\"")
                .body(Map.of("branchId", t.branch(), "groupIds", List.of(t.group()), "date", "2026-06-01"))
                .post("/v1/people/" + person(t.branch()) + "/transfer"), secretaries, 200, 404));
        ops.add(new Operation("leavePerson", t -> r -> r.header("If-Match", "\"0\"").body(Map.of("date", "2026-06-01"))
                .post("/v1/people/" + person(t.branch()) + "/leave"), secretaries, 200, 404));
        // identity
        ops.add(new Operation("issueWeChatInvitation", t -> r -> r.post("/v1/people/" + t.person()
                + "/wechat-invitations"), secretaries, 201, 404));
        ops.add(new Operation("listGrants(unitId)", t -> r -> r.queryParam("unitId", t.branch()).get("/v1/grants"),
                admins, 200, 404));
        ops.add(new Operation("createGrant", t -> r -> r.body(Map.of("personId", person(t.branch()), "role",
                "GROUP_LEADER", "unitId", t.group())).post("/v1/grants"), admins, 201, 404));
        ops.add(new Operation("revokeGrant", t -> r -> r.post("/v1/grants/" + grant(t) + "/revoke"), admins, 200, 404));
        ops.add(new Operation("createStaffAccount", t -> r -> r.body(Map.of("username", "s" + UUID.randomUUID()
                .toString().substring(0, 12), "personId", person(t.branch()))).post("/v1/accounts"), admins, 201, 404));
        ops.add(new Operation("createApiClient", t -> r -> r.body(Map.of("name", "看板", "scopes", List.of("people:read"),
                "unitId", t.branch())).post("/v1/api-clients"), admins, 201, 404));
        ops.add(new Operation("listApiClients(unitId)", t -> r -> r.queryParam("unitId", t.branch())
                .get("/v1/api-clients"), admins, 200, 404));
        // points
        ops.add(new Operation("createScoringRule", t -> r -> r.body(Map.of("unitId", unit("PARTY_GROUP", t.branch()),
                "activityType", "CHECK_IN", "effectiveFrom", TestTime.today()
                        .plusDays(1).toString(), "points", 1)).post("/v1/scoring-rules"), secretaries, 201, 422));
        ops.add(new Operation("listScoringRules", t -> r -> r.queryParam("unitId", t.branch()).get("/v1/scoring-rules"),
                everyone, 200, 404));
        ops.add(new Operation("listEffectiveScoringRules", t -> r -> r.queryParam("unitId", t.branch())
                .get("/v1/scoring-rules/effective"), everyone, 200, 404));
        ops.add(new Operation("awardPoints", t -> r -> r.header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("personId", t.person(), "points", 1, "reason", "矩阵")).post("/v1/points/awards"),
                secretaries, 201, 404));
        ops.add(new Operation("listLedgerEntries", t -> r -> r.queryParam("personId", t.person())
                .get("/v1/points/entries"), List.of(Roles.GROUP_LEADER, Roles.SECRETARY, Roles.ORG_ADMIN), 200, 404));
        ops.add(new Operation("revokeApiClient", t -> r -> r.post("/v1/api-clients/" + client(t) + "/revoke"),
                admins, 200, 404));
        ops.addAll(cn.zhibu.study.StudyAuthorizationMatrix.operations());
        ops.addAll(cn.zhibu.points.PointsAuthorizationMatrix.operations());
        ops.addAll(cn.zhibu.study.quiz.QuizAuthorizationMatrix.operations());
        ops.addAll(cn.zhibu.study.quiz.contest.ContestAuthorizationMatrix.operations());
        ops.addAll(cn.zhibu.leaderboard.LeaderboardAuthorizationMatrix.operations());
        ops.addAll(cn.zhibu.lecture.LectureAuthorizationMatrix.operations());
        ops.addAll(cn.zhibu.lecture.minutes.MinutesAuthorizationMatrix.operations());
        ops.addAll(cn.zhibu.lecture.compliance.ComplianceAuthorizationMatrix.operations());
        ops.addAll(cn.zhibu.lecture.orglife.OrgLifeAuthorizationMatrix.operations());
        ops.addAll(cn.zhibu.lecture.lecturers.LecturerAuthorizationMatrix.operations());
        ops.addAll(cn.zhibu.annual.campaign.decision.DecisionAuthorizationMatrix.operations());
        ops.addAll(cn.zhibu.annual.AnnualAuthorizationMatrix.operations());
        ops.addAll(cn.zhibu.annual.plan.PlanAuthorizationMatrix.operations());
        ops.addAll(cn.zhibu.annual.campaign.CampaignAuthorizationMatrix.operations());
        ops.addAll(cn.zhibu.privacy.retention.RetentionAuthorizationMatrix.operations());
        ops.addAll(cn.zhibu.privacy.mydata.MyDataAuthorizationMatrix.operations());
        ops.addAll(cn.zhibu.notify.NotifyAuthorizationMatrix.operations());
        ops.addAll(cn.zhibu.exports.ExportAuthorizationMatrix.operations());
        ops.addAll(cn.zhibu.stats.StatsAuthorizationMatrix.operations());
        return ops;
    }

    private static Tree tree() {
        String committee = unit("COMMITTEE", null);
        String branch = unit("BRANCH", committee);
        String group = unit("PARTY_GROUP", branch);
        String person = person(branch);
        String other = unit("BRANCH", committee);
        Api.as(ADMIN, Roles.ORG_ADMIN).body(Map.of("unitId", branch, "activityType", "MANUAL_AWARD", "effectiveFrom",
                TestTime.today().toString(), "points", 1))
                .post("/v1/scoring-rules").then().statusCode(201);
        return new Tree(committee, branch, group, person, other);
    }

    private static Map<String, Object> unitBody(String kind, String parent) {
        Map<String, Object> body = new HashMap<>();
        String name = kind.charAt(0) + UUID.randomUUID().toString().substring(0, 12);
        body.put("kind", kind);
        body.put("name", name);
        body.put("shortName", name);
        body.put("parentId", parent);
        return body;
    }

    private static Map<String, Object> personBody(String branch) {
        return OrgFixtures.personBody("矩阵" + UUID.randomUUID().toString().substring(0, 4), branch);
    }

    private static String person(String branch) {
        return OrgFixtures.person("矩阵" + UUID.randomUUID().toString().substring(0, 4), branch);
    }

    private static String grant(Tree tree) {
        return Api.as(ADMIN, Roles.ORG_ADMIN).body(Map.of("personId", person(tree.branch()), "role", "MEMBER",
                "unitId", tree.group())).post("/v1/grants").then().statusCode(201).extract().path("id");
    }

    private static String client(Tree tree) {
        return Api.as(ADMIN, Roles.ORG_ADMIN).body(Map.of("name", "脚本", "scopes", List.of("org:read"),
                "unitId", tree.branch())).post("/v1/api-clients").then().statusCode(201).extract().path("client.id");
    }
}
