package cn.zhibu.integrity;

import cn.zhibu.integrity.IntegrityMatrix.Call;
import cn.zhibu.integrity.IntegrityMatrix.Caller;
import cn.zhibu.integrity.IntegrityMatrix.Expect;
import cn.zhibu.integrity.IntegrityMatrix.Kind;
import cn.zhibu.integrity.IntegrityMatrix.Operation;
import cn.zhibu.integrity.IntegrityMatrix.Scene;
import cn.zhibu.integrity.IntegrityMatrix.Shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.identity.Permissions;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.points.PointsFixtures;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every integrity operation for every caller: each role granted on the cadre's branch (inside) and on another
 * branch (outside), an org admin who is also an integrity officer, the cadre themself and a relative they declared
 * (both integrity officers of the branch with accounts of their own), anonymous callers and API clients with every
 * scope. Each call is checked for its status (and problem code), and for the one audit row it leaves: allowed for
 * 2xx, refused otherwise with the problem's code as the reason, naming the declaration the call named (or made).
 *
 * <p>To add an operation, add a row to {@link #operations()}: say what kind of operation it is ({@link Shape}),
 * which roles may do it, what they get, how to call it, and which callers answer otherwise ({@link
 * Operation#except}); or, where no shape fits (the cadres' declarations), say what each caller gets ({@link
 * Operation#byCaller}). Callers are listed in {@link #callers()}.
 */
@QuarkusTest
public class IntegrityAuthorizationMatrixTest {

    public static final String CADRE = "the cadre";
    public static final String RELATIVE = "a declared relative";
    public static final String ANONYMOUS = "anonymous";
    private static final Set<String> OFFICERS = Set.of(Roles.INTEGRITY_OFFICER);
    private static final String DECLARATIONS = "/v1/integrity-declarations";

    public static List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        // opening: for a new person; for the cadre, who has a file already (409, but recusal is asked first);
        // for a person the cadre has just declared a relative (the cadre is recused, the relative is not)
        ops.add(Operation.named("openIntegrityFile", "OPEN_FILE", OFFICERS, Expect.ok(201),
                "INTEGRITY_PERSON_NOT_FOUND", s -> open(s.freshPerson())));
        ops.add(Operation.named("openIntegrityFile(the cadre's, who has one)", "OPEN_FILE", OFFICERS,
                Expect.refused(409, "INTEGRITY_FILE_EXISTS"), "INTEGRITY_PERSON_NOT_FOUND",
                s -> open(s.cadre().personId())).recusedLikeTheFile());
        ops.add(Operation.named("openIntegrityFile(a relative the cadre declared)", "OPEN_FILE", OFFICERS,
                Expect.ok(201), "INTEGRITY_PERSON_NOT_FOUND", s -> {
                    String relative = s.freshPerson();
                    IntegrityFixtures.append(s.branch(), s.file(), IntegrityFixtures.family(relative));
                    return open(relative);
                }).except(CADRE, Expect.refused(403, "INTEGRITY_RECUSED")));
        // lists
        ops.add(Operation.list("listIntegrityFiles", "LIST_FILES", OFFICERS, "items.id",
                s -> r -> r.queryParam("limit", 100).get("/v1/integrity-files")));
        ops.add(Operation.list("listOverdueIntegrityFiles", "LIST_OVERDUE", OFFICERS, "items.file.id",
                s -> r -> r.get("/v1/integrity-files/overdue")));
        // one file's
        ops.add(Operation.onFile("readIntegrityFile", "READ_FILE", OFFICERS, 200,
                s -> r -> r.queryParam("purpose", "PERIODIC_REVIEW").queryParam("purposeDetail", "年度廉政检查")
                        .get("/v1/integrity-files/" + s.file())));
        ops.add(Operation.onFile("appendIntegrityEntry", "APPEND_ENTRY", OFFICERS, 201,
                s -> r -> r.body(Map.of("content", IntegrityFixtures.discipline()))
                        .post("/v1/integrity-files/" + s.file() + "/entries")));
        ops.add(Operation.onFile("verifyIntegrityFile", "VERIFY_CHAIN", OFFICERS, 200,
                s -> r -> r.get("/v1/integrity-files/" + s.file() + "/verification")));
        // the access audit: org admins over their subtree (the cadre's recusal is from the file, not its audit)
        Set<String> admins = Set.of(Roles.ORG_ADMIN);
        ops.add(Operation.list("searchIntegrityAudit", "SEARCH_AUDIT", admins, "items.fileId",
                s -> r -> r.queryParam("fileId", s.file()).get("/v1/integrity-audit")));
        ops.add(Operation.list("exportIntegrityAudit", "EXPORT_AUDIT", admins, null,
                s -> r -> r.accept("text/csv").queryParam("fileId", s.file()).get("/v1/integrity-audit/export")));
        // keys: only an org admin of everywhere, which none of these callers is
        ops.add(Operation.list("getIntegrityKeyStatus", "KEY_STATUS", Set.of(), null,
                s -> r -> r.get("/v1/integrity-keys")));
        ops.add(Operation.list("rotateIntegrityKeys", "ROTATE_KEYS", Set.of(), null,
                s -> r -> r.post("/v1/integrity-keys/rotation")));
        // checkpoints: the export for org admins of everywhere (none of these callers); the public keys for anyone who
        // reads integrity files or their audit somewhere
        ops.add(Operation.list("listIntegrityCheckpoints", "LIST_CHECKPOINTS", Set.of(), null,
                s -> r -> r.get("/v1/integrity-checkpoints")));
        ops.add(Operation.list("listIntegrityCheckpointKeys", "CHECKPOINT_KEYS", Set.of(Roles.INTEGRITY_OFFICER,
                Roles.ORG_ADMIN), null, s -> r -> r.get("/v1/integrity-checkpoints/keys")));
        declarations(ops);
        return ops;
    }

    /**
     * The cadres' declarations: made and listed by a person's own account; reviewed by the head of the cadre's unit
     * (a secretary of the branch), then by an integrity officer of it; never by the cadre or a declared relative.
     */
    private static void declarations(List<Operation> ops) {
        String secretary = Roles.SECRETARY;
        String officer = Roles.INTEGRITY_OFFICER;
        // by the cadre, whose file is open; the relative is a person without one
        ops.add(Operation.byCaller("submitIntegrityDeclaration", "SUBMIT_DECLARATION",
                c -> !c.person() ? Expect.refused(403, "INTEGRITY_NOT_A_PERSON")
                        : c.name().equals(CADRE) ? Expect.ok(201) : Expect.refused(422, "INTEGRITY_NO_FILE"),
                s -> new Call(r -> r.body(Map.of("content", IntegrityFixtures.gift())).post(DECLARATIONS),
                        response -> response.statusCode() == 201 ? response.path("id") : null)));
        ops.add(Operation.byCaller("listOwnIntegrityDeclarations", "LIST_OWN_DECLARATIONS",
                c -> c.person() ? Expect.ok(200) : Expect.refused(403, "INTEGRITY_NOT_A_PERSON"),
                s -> Call.of(r -> r.get(DECLARATIONS + "/mine"))));
        // the review queue, by stage: unit heads see AWAITING_UNIT, officers AWAITING_OFFICER, in the units they
        // hold the role on; never the caller's own or a relative's; 403 for callers who review neither
        ops.add(Operation.byCaller("listIntegrityDeclarations", "LIST_DECLARATIONS",
                c -> !c.holds(secretary) && !c.holds(officer) ? Expect.refused(403, "FORBIDDEN")
                        : Expect.listed(c.inside() && !c.recused() && c.holds(secretary)),
                s -> Call.of(r -> r.queryParam("limit", 100).get(DECLARATIONS)))
                .listing("items.id", Scene::awaitingUnit));
        ops.add(Operation.byCaller("listIntegrityDeclarations(AWAITING_UNIT)", "LIST_DECLARATIONS",
                c -> !c.holds(secretary) ? Expect.refused(403, "FORBIDDEN")
                        : Expect.listed(c.inside() && !c.recused()),
                s -> Call.of(r -> r.queryParam("state", "AWAITING_UNIT").queryParam("limit", 100).get(DECLARATIONS)))
                .listing("items.id", Scene::awaitingUnit));
        ops.add(Operation.byCaller("listIntegrityDeclarations(AWAITING_OFFICER)", "LIST_DECLARATIONS",
                c -> !c.holds(officer) ? Expect.refused(403, "FORBIDDEN")
                        : Expect.listed(c.inside() && !c.recused()),
                s -> Call.of(r -> r.queryParam("state", "AWAITING_OFFICER").queryParam("limit", 100)
                        .get(DECLARATIONS)))
                .listing("items.id", Scene::awaitingOfficer));
        // one declaration: the cadre; the unit head while it awaits them; officers of the unit; 404 for anyone
        // else, the relative (an officer of the branch) recused
        ops.add(Operation.byCaller("readIntegrityDeclaration(awaiting the unit head)", "READ_DECLARATION",
                c -> c.name().equals(CADRE) ? Expect.ok(200)
                        : !c.inside() || !c.holds(secretary) && !c.holds(officer) ? Expect.refused(404, "NOT_FOUND")
                        : c.recused() ? Expect.refused(403, "INTEGRITY_RECUSED") : Expect.ok(200),
                s -> onDeclaration(s.awaitingUnit(), (id, r) -> r.get(DECLARATIONS + "/" + id))));
        ops.add(Operation.byCaller("readIntegrityDeclaration(awaiting an officer)", "READ_DECLARATION",
                c -> c.name().equals(CADRE) ? Expect.ok(200)
                        : !c.inside() || !c.holds(officer) ? Expect.refused(404, "NOT_FOUND")
                        : c.recused() ? Expect.refused(403, "INTEGRITY_RECUSED") : Expect.ok(200),
                s -> onDeclaration(s.awaitingOfficer(), (id, r) -> r.get(DECLARATIONS + "/" + id))));
        // reviews, each of a fresh declaration: the cadre and the relative are told it is not theirs to review; out
        // of sight 404; in sight without either role 403; an officer at the unit head's stage is not theirs either,
        // and a unit head at the officer's finds their stage decided
        ops.add(Operation.byCaller("reviewIntegrityDeclaration(awaiting the unit head)", "REVIEW_DECLARATION",
                c -> c.recused() ? Expect.refused(403, "INTEGRITY_REVIEW_NOT_YOURS")
                        : !c.inside() ? Expect.refused(404, "NOT_FOUND")
                        : c.holds(secretary) ? Expect.ok(200)
                        : c.holds(officer) ? Expect.refused(403, "INTEGRITY_REVIEW_NOT_YOURS")
                        : Expect.refused(404, "NOT_FOUND"),
                s -> onDeclaration(s.freshDeclaration(), IntegrityAuthorizationMatrixTest::approve)));
        ops.add(Operation.byCaller("reviewIntegrityDeclaration(awaiting an officer)", "REVIEW_DECLARATION",
                c -> c.recused() ? Expect.refused(403, "INTEGRITY_REVIEW_NOT_YOURS")
                        : !c.inside() ? Expect.refused(404, "NOT_FOUND")
                        : c.holds(officer) ? Expect.ok(200)
                        : c.holds(secretary) ? Expect.refused(409, "INTEGRITY_DECLARATION_DECIDED")
                        : Expect.refused(404, "NOT_FOUND"),
                s -> onDeclaration(s.freshDeclarationForTheOfficer(), IntegrityAuthorizationMatrixTest::approve)));
    }

    public static List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        // those who handle files or review declarations are people (their recusal must be judged): a person of the
        // branch they hold the role in; the other roles are staff accounts
        Set<String> people = Set.of(Roles.SECRETARY, Roles.INTEGRITY_OFFICER);
        for (String role : AuthorizationMatrixTest.ROLES) {
            boolean person = people.contains(role);
            callers.add(new Caller(role + " inside", Kind.ACCOUNT, Set.of(role), true, false, person,
                    s -> person ? holder(s.branch(), role) : Api.as("integrity-matrix-" + role, role,
                            UUID.fromString(s.branch()))));
            callers.add(new Caller(role + " outside", Kind.ACCOUNT, Set.of(role), false, false, person,
                    s -> person ? holder(s.other(), role) : Api.as("integrity-matrix-out-" + role, role,
                            UUID.fromString(s.other()))));
        }
        Set<String> adminOfficer = Set.of(Roles.ORG_ADMIN, Roles.INTEGRITY_OFFICER);
        callers.add(new Caller("ORG_ADMIN+INTEGRITY_OFFICER inside", Kind.ACCOUNT, adminOfficer, true, false, true,
                s -> holder(s.branch(), Roles.ORG_ADMIN, Roles.INTEGRITY_OFFICER)));
        callers.add(new Caller("ORG_ADMIN+INTEGRITY_OFFICER outside", Kind.ACCOUNT, adminOfficer, false, false, true,
                s -> holder(s.other(), Roles.ORG_ADMIN, Roles.INTEGRITY_OFFICER)));
        Set<String> personOfficer = Set.of(Roles.MEMBER, Roles.INTEGRITY_OFFICER);
        callers.add(new Caller(CADRE, Kind.ACCOUNT, personOfficer, true, true, true, s -> s.cadre().api()));
        callers.add(new Caller(RELATIVE, Kind.ACCOUNT, personOfficer, true, true, true, s -> s.relative().api()));
        callers.add(new Caller(ANONYMOUS, Kind.ANONYMOUS, Set.of(), false, false, false, s -> Api.anonymous()));
        // a token that is not one of ours is answered, and audited, like none
        callers.add(new Caller("a forged token", Kind.ANONYMOUS, Set.of(), false, false, false,
                s -> Api.bearer(forged(s.clientInside()))));
        callers.add(new Caller("API client inside", Kind.API_CLIENT, Set.of(), true, false, false,
                s -> Api.bearer(s.clientInside())));
        callers.add(new Caller("API client outside", Kind.API_CLIENT, Set.of(), false, false, false,
                s -> Api.bearer(s.clientOutside())));
        return callers;
    }

    @Test
    void everyIntegrityOperationForEveryCallerAnswersAsExpectedAndIsAuditedOnce() {
        Scene scene = scene();
        List<Operation> operations = operations();
        List<String> mismatches = new ArrayList<>();
        int checks = 0;
        int rows = 0;
        for (Operation op : operations) {
            for (Caller caller : callers()) {
                rows += check(op, caller, scene, mismatches);
                checks++;
            }
        }
        System.out.printf("Integrity authorization matrix: %d operations, %d checks, %d audit rows%n",
                operations.size(), checks, rows);
        assertEquals(List.of(), mismatches);
        assertEquals(checks, rows, "one audit row per request");
    }

    /** Calls the operation as the caller; notes what differs from the expectation; the audit rows the call left. */
    private static int check(Operation op, Caller caller, Scene scene, List<String> mismatches) {
        String who = op.name() + " by " + caller.name() + ": ";
        Expect expected = op.expect(caller);
        Call call = op.call().apply(scene);
        RequestSpecification request = caller.request().apply(scene);
        long before = IntegrityFixtures.lastAuditId();
        Response response = call.send().apply(request);
        List<IntegrityFixtures.AuditRow> audit = IntegrityFixtures.auditRowsAfter(before);

        int status = response.statusCode();
        boolean allowed = status >= 200 && status < 300;
        String code = allowed ? null : response.jsonPath().getString("code");
        if (status != expected.status() || !Objects.equals(code, expected.code())) {
            mismatches.add(who + "expected " + expected.status() + (expected.code() == null ? "" : " "
                    + expected.code()) + ", was " + status + (code == null ? "" : " " + code));
        } else if (expected.lists() != null) {
            List<String> ids = response.jsonPath().getList(op.listed(), String.class);
            String shown = op.shown().apply(scene);
            if (ids.contains(shown) != expected.lists()) {
                mismatches.add(who + shown + (expected.lists() ? " is not listed" : " is listed"));
            }
        }

        if (audit.size() != 1) {
            mismatches.add(who + audit.size() + " audit rows: " + audit);
            return audit.size();
        }
        IntegrityFixtures.AuditRow row = audit.get(0);
        List<String> wrong = new ArrayList<>();
        if (!row.outcome().equals(allowed ? "ALLOWED" : "REFUSED")) {
            wrong.add("outcome " + row.outcome());
        }
        if (row.status() != status) {
            wrong.add("status " + row.status());
        }
        if (!Objects.equals(row.reason(), code)) {
            wrong.add("reason " + row.reason());
        }
        if (!row.action().equals(op.auditAction())) {
            wrong.add("action " + row.action());
        }
        if (!row.actorKind().equals(caller.kind().name())) {
            wrong.add("actor kind " + row.actorKind());
        }
        if (!row.request().contains(" /v1/integrity-")) {
            wrong.add("request " + row.request());
        }
        String declaration = call.declaration().apply(response);
        if (!Objects.equals(row.declarationId() == null ? null : row.declarationId().toString(), declaration)) {
            wrong.add("declaration " + row.declarationId());
        }
        // a declaration is in the cadre's file, and its rows name the file too
        if ((op.shape() == Shape.ON_FILE || declaration != null)
                && !UUID.fromString(scene.file()).equals(row.fileId())) {
            wrong.add("file " + row.fileId());
        }
        if (!wrong.isEmpty()) {
            mismatches.add(who + "audit row " + String.join(", ", wrong));
        }
        return 1;
    }

    private static final Map<String, StudyFixtures.Member> HOLDERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A person of the branch with an own account holding these roles there (the same one each time). */
    private static RequestSpecification holder(String branch, String... roles) {
        return HOLDERS.computeIfAbsent(branch + String.join(",", roles), key -> {
            StudyFixtures.Member member = IntegrityFixtures.personWithRole(branch, roles[0], branch);
            for (int i = 1; i < roles.length; i++) {
                StudyFixtures.grant(member, roles[i], branch);
            }
            return member;
        }).api();
    }

    /** The token with its signature's last characters changed. */
    private static String forged(String token) {
        return token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    }

    private static Call onDeclaration(String id, BiFunction<String, RequestSpecification, Response> send) {
        return Call.on(id, r -> send.apply(id, r));
    }

    private static Response approve(String declaration, RequestSpecification request) {
        return request.body(Map.of("decision", "APPROVE")).post(DECLARATIONS + "/" + declaration + "/review");
    }

    private static Function<RequestSpecification, Response> open(String personId) {
        return r -> r.body(Map.of("personId", personId, "reason", "OFFICER")).post("/v1/integrity-files");
    }

    private static Scene scene() {
        String committee = OrgFixtures.unit("COMMITTEE", null);
        String branch = OrgFixtures.unit("BRANCH", committee);
        String other = OrgFixtures.unit("BRANCH", committee);
        StudyFixtures.Member cadre = IntegrityFixtures.personWithRole(branch, Roles.INTEGRITY_OFFICER, branch);
        StudyFixtures.Member relative = IntegrityFixtures.personWithRole(branch, Roles.INTEGRITY_OFFICER, branch);
        // appointed long ago and no profile filed since: the file is overdue
        String file = IntegrityFixtures.appointed(branch, cadre.personId(), "2024-03-01");
        IntegrityFixtures.append(branch, file, IntegrityFixtures.family(relative.personId()));
        String awaitingUnit = IntegrityFixtures.declare(cadre);
        String awaitingOfficer = IntegrityFixtures.declare(cadre);
        IntegrityFixtures.unitApproves(branch, awaitingOfficer);
        String[] everyScope = Permissions.BY_SCOPE.keySet().toArray(String[]::new);
        return new Scene(branch, other, cadre, relative, file, awaitingUnit, awaitingOfficer,
                PointsFixtures.clientToken(branch, everyScope), PointsFixtures.clientToken(other, everyScope));
    }
}
