package cn.zhibu.integrity;

import cn.zhibu.study.StudyFixtures;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The vocabulary of {@link IntegrityAuthorizationMatrixTest}: scenes, callers, expectations and operations. */
public final class IntegrityMatrix {

    private IntegrityMatrix() {
    }

    /**
     * Where each check runs: a committee with the cadre's branch and another branch; the cadre's file (opened on an
     * appointment long past, so it is overdue), whose FAMILY entry names {@code relative}; two declarations of the
     * cadre's, one awaiting the unit head and one awaiting an officer (which no call moves on); API client tokens
     * with every scope on the branch and on the other branch.
     */
    public record Scene(String branch, String other, StudyFixtures.Member cadre, StudyFixtures.Member relative,
            String file, String awaitingUnit, String awaitingOfficer, String clientInside, String clientOutside) {

        /** A new person of the branch, without a file. */
        public String freshPerson() {
            return IntegrityFixtures.cadre(branch);
        }

        /** A new declaration of the cadre's, awaiting the unit head. */
        public String freshDeclaration() {
            return IntegrityFixtures.declare(cadre);
        }

        /** A new declaration of the cadre's, approved by a secretary of the branch: awaiting an officer. */
        public String freshDeclarationForTheOfficer() {
            String id = IntegrityFixtures.declare(cadre);
            IntegrityFixtures.unitApproves(branch, id);
            return id;
        }
    }

    public enum Kind {
        ACCOUNT, API_CLIENT, ANONYMOUS
    }

    /**
     * Who calls: the roles they hold (an API client holds none), whether they can see the cadre's branch, whether
     * they are recused from the cadre's file, and whether theirs is a person's own account (else a staff account,
     * an API client or nobody).
     */
    public record Caller(String name, Kind kind, Set<String> roles, boolean inside, boolean recused, boolean person,
            Function<Scene, RequestSpecification> request) {

        public boolean holds(String role) {
            return roles.contains(role);
        }
    }

    /**
     * What a caller gets: a status, the problem's code for refusals, and for lists whether what the operation looks
     * for ({@link Operation#shown}: the cadre's file unless it says otherwise) is in.
     */
    public record Expect(int status, String code, Boolean lists) {

        public static Expect ok(int status) {
            return new Expect(status, null, null);
        }

        public static Expect refused(int status, String code) {
            return new Expect(status, code, null);
        }

        static Expect listed(boolean lists) {
            return new Expect(200, null, lists);
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
     * <li>{@code BY_CALLER}: none of these; the operation says what each caller gets ({@link Operation#rule}),
     * anonymous callers aside (401 UNAUTHENTICATED, as everywhere).</li>
     * </ul>
     */
    public enum Shape {
        ON_FILE, NAMED, LIST, BY_CALLER
    }

    /**
     * A request ready to send, and the declaration its audit row must name given the answer (null for none): the
     * one named in the path, or the one the request made.
     */
    public record Call(Function<RequestSpecification, Response> send, Function<Response, String> declaration) {

        public static Call of(Function<RequestSpecification, Response> send) {
            return new Call(send, response -> null);
        }

        public static Call on(String declaration, Function<RequestSpecification, Response> send) {
            return new Call(send, response -> declaration);
        }
    }

    /**
     * One operation: its name, the audit action its rows carry, its kind, the roles that may do it and what they
     * get, and how to call it. {@code call} makes fresh objects when applied to the scene (anything audited there
     * is not counted) and returns the request itself. {@code unknownCode} is the code of a NAMED operation's 422;
     * {@code listed} the JSON path of a list's ids, {@code shown} the id looked for there (the cadre's file unless
     * said otherwise); {@code rule} what each caller gets from a BY_CALLER operation.
     */
    public record Operation(String name, String auditAction, Shape shape, Set<String> roles, Expect allowed,
            Function<Scene, Call> call, String unknownCode, String listed, Function<Scene, String> shown,
            boolean recusal, Function<Caller, Expect> rule, Map<String, Expect> exceptions) {

        public static Operation onFile(String name, String auditAction, Set<String> roles, int allowedStatus,
                Function<Scene, Function<RequestSpecification, Response>> call) {
            return new Operation(name, auditAction, Shape.ON_FILE, roles, Expect.ok(allowedStatus), plain(call), null,
                    null, Scene::file, true, null, Map.of());
        }

        public static Operation named(String name, String auditAction, Set<String> roles, Expect allowed,
                String unknownCode, Function<Scene, Function<RequestSpecification, Response>> call) {
            return new Operation(name, auditAction, Shape.NAMED, roles, allowed, plain(call), unknownCode, null,
                    Scene::file, false, null, Map.of());
        }

        public static Operation list(String name, String auditAction, Set<String> roles, String listed,
                Function<Scene, Function<RequestSpecification, Response>> call) {
            return new Operation(name, auditAction, Shape.LIST, roles, Expect.ok(200), plain(call), null, listed,
                    Scene::file, true, null, Map.of());
        }

        /**
         * An operation no shape fits: {@code rule} says what each caller but anonymous ones gets. When it answers
         * {@link Expect#listed}, say where to look with {@link #listing}.
         */
        public static Operation byCaller(String name, String auditAction, Function<Caller, Expect> rule,
                Function<Scene, Call> call) {
            return new Operation(name, auditAction, Shape.BY_CALLER, Set.of(), null, call, null, null, Scene::file,
                    false, rule, Map.of());
        }

        /** The same operation, whose answers list ids at this JSON path, which is looked for in them. */
        public Operation listing(String path, Function<Scene, String> looked) {
            return new Operation(name, auditAction, shape, roles, allowed, call, unknownCode, path, looked, recusal,
                    rule, exceptions);
        }

        /** The same operation, where this caller gets this rather than what the rules say. */
        public Operation except(String caller, Expect expect) {
            Map<String, Expect> more = new HashMap<>(exceptions);
            more.put(caller, expect);
            return new Operation(name, auditAction, shape, roles, allowed, call, unknownCode, listed, shown, recusal,
                    rule, Map.copyOf(more));
        }

        /** The same operation, whose target the cadre and the relative are recused from as from the cadre's file. */
        public Operation recusedLikeTheFile() {
            return new Operation(name, auditAction, shape, roles, allowed, call, unknownCode, listed, shown, true,
                    rule, exceptions);
        }

        private static Function<Scene, Call> plain(Function<Scene, Function<RequestSpecification, Response>> call) {
            return scene -> Call.of(call.apply(scene));
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
                case BY_CALLER -> rule.apply(caller);
            };
        }
    }
}
