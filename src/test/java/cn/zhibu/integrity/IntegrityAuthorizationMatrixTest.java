package cn.zhibu.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.identity.AuthorizationMatrixTest;
import cn.zhibu.identity.Permissions;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.points.PointsFixtures;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Api;
import cn.zhibu.testing.OrgFixtures;
import cn.zhibu.testing.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every integrity operation for every caller: each role granted on the cadre's branch (inside) and on another
 * branch (outside), an org admin who is also an integrity officer, the cadre themself and a relative they declared
 * (both integrity officers of the branch with accounts of their own), anonymous callers and API clients with every
 * scope. Each call is checked for its status (and problem code), and for the one audit row it leaves: allowed for
 * 2xx, refused otherwise with the problem's code as the reason.
 *
 * <p>To add an operation, add a row to {@link #operations()}: say what kind of operation it is ({@link Shape}),
 * which roles may do it, what they get, how to call it, and which callers answer otherwise ({@link
 * Operation#except}). Callers are listed in {@link #callers()}.
 */
@QuarkusTest
public class IntegrityAuthorizationMatrixTest {

    public static final String CADRE = "the cadre";
    public static final String RELATIVE = "a declared relative";
    public static final String ANONYMOUS = "anonymous";
    private static final Set<String> OFFICERS = Set.of(Roles.INTEGRITY_OFFICER);

    /**
     * Where each check runs: a committee with the cadre's branch and another branch; the cadre's file (opened on an
     * appointment long past, so it is overdue), whose FAMILY entry names {@code relative}; API client tokens with
     * every scope on the branch and on the other branch.
     */
    public record Scene(String branch, String other, StudyFixtures.Member cadre, StudyFixtures.Member relative,
            String file, String clientInside, String clientOutside) {

        /** A new person of the branch, without a file. */
        public String freshPerson() {
            return IntegrityFixtures.cadre(branch);
        }
    }

    public enum Kind {
        ACCOUNT, API_CLIENT, ANONYMOUS
    }

    /**
     * Who calls: the roles they hold (an API client holds none), whether they can see the cadre's branch, and
     * whether they are recused from the cadre's file.
     */
    public record Caller(String name, Kind kind, Set<String> roles, boolean inside, boolean recused,
            Function<Scene, RequestSpecification> request) {
    }

    /** What a caller gets: a status, the problem's code for refusals, and for lists whether the cadre's file is in. */
    public record Expect(int status, String code, Boolean listsTheFile) {

        public static Expect ok(int status) {
            return new Expect(status, null, null);
        }

        public static Expect refused(int status, String code) {
            return new Expect(status, code, null);
        }

        static Expect listed(boolean listsTheFile) {
            return new Expect(200, null, listsTheFile);
        }
    }

    /**
     * What kind of operation, which decides what callers who may not do it get.
     * <ul>
     * <li>{@code ON_FILE}: on the cadre's file (or something in it) named in the path: 404 NOT_FOUND outside, 403
     * FORBIDDEN inside without the role, 403 INTEGRITY_RECUSED for the cadre and the relative.</li>
     * <li>{@code NAMED}: on a person named in the body: 422 with the operation's code outside, 403 FORBIDDEN inside
     * without the role; recusal only when the operation says so ({@link Operation#recusedLikeTheFile}).</li>
     * <li>{@code LIST}: over what the caller may see: 403 FORBIDDEN without the role anywhere; otherwise 200, with
     * the cadre's file listed only for callers inside who are not recused.</li>
     * </ul>
     */
    public enum Shape {
        ON_FILE, NAMED, LIST
    }

    /**
     * One operation: its name, the audit action its rows carry, its kind, the roles that may do it and what they
     * get, and how to call it. {@code call} makes fresh objects when applied to the scene (anything audited there
     * is not counted) and returns the request itself. {@code unknownCode} is the code of a NAMED operation's 422;
     * {@code listed} the JSON path of a LIST operation's file ids.
     */
    public record Operation(String name, String auditAction, Shape shape, Set<String> roles, Expect allowed,
            Function<Scene, Function<RequestSpecification, Response>> call, String unknownCode, String listed,
            boolean recusal, Map<String, Expect> exceptions) {

        public static Operation onFile(String name, String auditAction, Set<String> roles, int allowedStatus,
                Function<Scene, Function<RequestSpecification, Response>> call) {
            return new Operation(name, auditAction, Shape.ON_FILE, roles, Expect.ok(allowedStatus), call, null, null,
                    true, Map.of());
        }

        public static Operation named(String name, String auditAction, Set<String> roles, Expect allowed,
                String unknownCode, Function<Scene, Function<RequestSpecification, Response>> call) {
            return new Operation(name, auditAction, Shape.NAMED, roles, allowed, call, unknownCode, null, false,
                    Map.of());
        }

        public static Operation list(String name, String auditAction, Set<String> roles, String listed,
                Function<Scene, Function<RequestSpecification, Response>> call) {
            return new Operation(name, auditAction, Shape.LIST, roles, Expect.ok(200), call, null, listed, true,
                    Map.of());
        }

        /** The same operation, where this caller gets this rather than what the rules say. */
        public Operation except(String caller, Expect expect) {
            Map<String, Expect> more = new HashMap<>(exceptions);
            more.put(caller, expect);
            return new Operation(name, auditAction, shape, roles, allowed, call, unknownCode, listed, recusal,
                    Map.copyOf(more));
        }

        /** The same operation, whose target the cadre and the relative are recused from as from the cadre's file. */
        public Operation recusedLikeTheFile() {
            return new Operation(name, auditAction, shape, roles, allowed, call, unknownCode, listed, true,
                    exceptions);
        }

        public Expect expect(Caller caller) {
            Expect exception = exceptions.get(caller.name());
            if (exception != null) {
                return exception;
            }
            if (caller.kind() == Kind.ANONYMOUS) {
                return Expect.refused(401, "UNAUTHENTICATED");
            }
            boolean may = !Collections.disjoint(caller.roles(), roles);
            boolean recused = recusal && caller.recused();
            return switch (shape) {
                case ON_FILE -> !caller.inside() ? Expect.refused(404, "NOT_FOUND")
                        : !may ? Expect.refused(403, "FORBIDDEN")
                        : recused ? Expect.refused(403, "INTEGRITY_RECUSED") : allowed;
                case NAMED -> !caller.inside() ? Expect.refused(422, unknownCode)
                        : !may ? Expect.refused(403, "FORBIDDEN")
                        : recused ? Expect.refused(403, "INTEGRITY_RECUSED") : allowed;
                case LIST -> !may ? Expect.refused(403, "FORBIDDEN")
                        : listed == null ? allowed : Expect.listed(caller.inside() && !recused);
            };
        }
    }

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
        return ops;
    }

    public static List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        for (String role : AuthorizationMatrixTest.ROLES) {
            callers.add(new Caller(role + " inside", Kind.ACCOUNT, Set.of(role), true, false,
                    s -> Api.as("integrity-matrix-" + role, role, UUID.fromString(s.branch()))));
            callers.add(new Caller(role + " outside", Kind.ACCOUNT, Set.of(role), false, false,
                    s -> Api.as("integrity-matrix-out-" + role, role, UUID.fromString(s.other()))));
        }
        Set<String> adminOfficer = Set.of(Roles.ORG_ADMIN, Roles.INTEGRITY_OFFICER);
        callers.add(new Caller("ORG_ADMIN+INTEGRITY_OFFICER inside", Kind.ACCOUNT, adminOfficer, true, false,
                s -> Api.bearer(TestAccounts.token(TestAccounts.account("integrity-matrix-admin-officer",
                        UUID.fromString(s.branch()), Roles.ORG_ADMIN, Roles.INTEGRITY_OFFICER)))));
        callers.add(new Caller("ORG_ADMIN+INTEGRITY_OFFICER outside", Kind.ACCOUNT, adminOfficer, false, false,
                s -> Api.bearer(TestAccounts.token(TestAccounts.account("integrity-matrix-admin-officer",
                        UUID.fromString(s.other()), Roles.ORG_ADMIN, Roles.INTEGRITY_OFFICER)))));
        Set<String> personOfficer = Set.of(Roles.MEMBER, Roles.INTEGRITY_OFFICER);
        callers.add(new Caller(CADRE, Kind.ACCOUNT, personOfficer, true, true, s -> s.cadre().api()));
        callers.add(new Caller(RELATIVE, Kind.ACCOUNT, personOfficer, true, true, s -> s.relative().api()));
        callers.add(new Caller(ANONYMOUS, Kind.ANONYMOUS, Set.of(), false, false, s -> Api.anonymous()));
        // a token that is not one of ours is answered, and audited, like none
        callers.add(new Caller("a forged token", Kind.ANONYMOUS, Set.of(), false, false,
                s -> Api.bearer(forged(s.clientInside()))));
        callers.add(new Caller("API client inside", Kind.API_CLIENT, Set.of(), true, false,
                s -> Api.bearer(s.clientInside())));
        callers.add(new Caller("API client outside", Kind.API_CLIENT, Set.of(), false, false,
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
        Function<RequestSpecification, Response> send = op.call().apply(scene);
        RequestSpecification request = caller.request().apply(scene);
        long before = IntegrityFixtures.lastAuditId();
        Response response = send.apply(request);
        List<IntegrityFixtures.AuditRow> audit = IntegrityFixtures.auditRowsAfter(before);

        int status = response.statusCode();
        boolean allowed = status >= 200 && status < 300;
        String code = allowed ? null : response.jsonPath().getString("code");
        if (status != expected.status() || !Objects.equals(code, expected.code())) {
            mismatches.add(who + "expected " + expected.status() + (expected.code() == null ? "" : " "
                    + expected.code()) + ", was " + status + (code == null ? "" : " " + code));
        } else if (expected.listsTheFile() != null) {
            List<String> ids = response.jsonPath().getList(op.listed(), String.class);
            if (ids.contains(scene.file()) != expected.listsTheFile()) {
                mismatches.add(who + (expected.listsTheFile() ? "the cadre's file is not listed"
                        : "the cadre's file is listed"));
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
        if (op.shape() == Shape.ON_FILE && !UUID.fromString(scene.file()).equals(row.fileId())) {
            wrong.add("file " + row.fileId());
        }
        if (!wrong.isEmpty()) {
            mismatches.add(who + "audit row " + String.join(", ", wrong));
        }
        return 1;
    }

    /** The token with its signature's last characters changed. */
    private static String forged(String token) {
        return token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
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
        String[] everyScope = Permissions.BY_SCOPE.keySet().toArray(String[]::new);
        return new Scene(branch, other, cadre, relative, file, PointsFixtures.clientToken(branch, everyScope),
                PointsFixtures.clientToken(other, everyScope));
    }
}
