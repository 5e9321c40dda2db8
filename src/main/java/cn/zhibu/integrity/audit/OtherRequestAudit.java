package cn.zhibu.integrity.audit;

import cn.zhibu.platform.problem.Problem;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Makes every request to an integrity path leave an audit row, whatever its method and however it ends. A request
 * that reaches an {@link Audited} operation is recorded by the operation or by {@link AuditFilter}; every other one
 * is recorded here as {@link AuditAction#OTHER_REQUEST}, with its request line, answer and caller: one that reached
 * the REST layer but no operation (a method or path the API does not have, 405 and 404; refused before it was
 * matched, such as 429 over the rate limit, 406 or 415) before its answer is sent; one answered before the REST
 * layer (413 for a body too large, a CORS preflight, a connection closed early) as soon as its answer is sent.
 */
@ApplicationScoped
public class OtherRequestAudit {

    private static final Logger LOG = Logger.getLogger(OtherRequestAudit.class);
    /** Set on a request once its row is taken care of, here or by its operation. */
    private static final String TAKEN = OtherRequestAudit.class.getName() + ".taken";
    private static final Pattern INTEGRITY = Pattern.compile("/v1/integrity-(?:files|declarations|audit|keys|checkpoints)(?:/.*)?");
    private static final Pattern ON_FILE = Pattern.compile("/v1/integrity-files/([^/]+)(?:/.*)?");
    private static final Pattern ON_DECLARATION = Pattern.compile("/v1/integrity-declarations/([^/]+)(?:/.*)?");

    /** Integrity requests received whose row is not written yet (or not known to be another's). */
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
    private final AuditPlaces places;
    private final BusinessCalendar calendar;

    OtherRequestAudit(AuditPlaces places, BusinessCalendar calendar) {
        this.places = places;
        this.calendar = calendar;
    }

    /**
     * Before every other route: observed before the body limit's (same order, added later, so it runs later), whose
     * 413 never reaches the REST layer.
     */
    void install(@Observes @Priority(100) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (INTEGRITY.matcher(context.normalizedPath()).matches()) {
                pending.incrementAndGet();
                context.addEndHandler(ended -> {
                    if (take(context)) {
                        boolean answered = ended.succeeded() && context.response().headWritten();
                        record(context, context.response().getStatusCode(), answered ? null : "CONNECTION_CLOSED",
                                !answered).subscribe().with(done -> written(), e -> {
                                    failed(e);
                                    written();
                                });
                    } else {
                        written();
                    }
                });
            }
            context.next();
        });
    }

    private void written() {
        if (pending.decrementAndGet() == 0) {
            synchronized (pending) {
                pending.notifyAll();
            }
        }
    }

    /**
     * Waits until every integrity request received so far has its row (an answer sent early has it written just
     * after), at most {@code max}; whether they all have.
     */
    public boolean awaitWritten(java.time.Duration max) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        synchronized (pending) {
            while (pending.get() > 0) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(pending, left);
            }
        }
        return true;
    }

    /** A request that reached the REST layer: its row is written before the answer goes, unless an operation's is. */
    @ServerResponseFilter
    public Uni<Void> unmatched(RoutingContext context, ResourceInfo resource, ContainerResponseContext response) {
        if (!INTEGRITY.matcher(context.normalizedPath()).matches() || !take(context)
                || resource.getResourceMethod() != null && audited(resource)) {
            return Uni.createFrom().voidItem();
        }
        String reason = response.getEntity() instanceof Problem problem ? problem.code() : null;
        return record(context, response.getStatus(), reason, false).onFailure().invoke(OtherRequestAudit::failed)
                .onFailure().recoverWithNull();
    }

    private static boolean audited(ResourceInfo resource) {
        return resource.getResourceMethod().isAnnotationPresent(Audited.class)
                || resource.getResourceClass().isAnnotationPresent(Audited.class);
    }

    private static boolean take(RoutingContext context) {
        if (context.get(TAKEN) != null) {
            return false;
        }
        context.put(TAKEN, Boolean.TRUE);
        return true;
    }

    private Uni<Void> record(RoutingContext context, int status, String reason, boolean refused) {
        AuditRecord row = new AuditRecord();
        row.at = calendar.now();
        row.action = AuditAction.OTHER_REQUEST.name();
        row.entryIds = new UUID[0];
        row.outcome = refused || status >= 400 ? "REFUSED" : "ALLOWED";
        row.status = status;
        row.reason = reason;
        MultiMap query = query(context);
        row.purpose = AuditPlaces.purpose(query.get("purpose"));
        row.purposeDetail = AuditPlaces.cut(query.get("purposeDetail"), 500);
        row.clientAddress = context.request().remoteAddress() == null ? null
                : context.request().remoteAddress().hostAddress();
        row.request = AuditPlaces.cut(context.request().method().name() + " " + context.request().path(), 300);
        String path = context.normalizedPath();
        UUID file = AuditPlaces.id(group(ON_FILE, path));
        UUID declaration = AuditPlaces.id(group(ON_DECLARATION, path));
        return identity(context).onItem().transformToUni(identity -> Uni.createFrom().completionStage(
                context.vertx().executeBlocking(() -> {
                    write(row, identity, file, declaration);
                    return null;
                }, false).toCompletionStage())).replaceWithVoid();
    }

    /** Who called, as far as the request says: anyone whose token does not stand is anonymous, as everywhere. */
    private static Uni<SecurityIdentity> identity(RoutingContext context) {
        Uni<SecurityIdentity> deferred = context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (deferred == null && context.user() instanceof QuarkusHttpUser user) {
            deferred = Uni.createFrom().item(user.getSecurityIdentity());
        }
        return deferred == null ? Uni.createFrom().nullItem() : deferred.onFailure().recoverWithNull();
    }

    private void write(AuditRecord row, SecurityIdentity identity, UUID file, UUID declaration) {
        JsonWebToken token = identity != null && !identity.isAnonymous()
                && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null ? jwt : null;
        row.actorKind = token == null ? "ANONYMOUS"
                : token.containsClaim(IntegrityAudit.CLIENT_ID_CLAIM) ? "API_CLIENT" : "ACCOUNT";
        row.actorId = token == null ? null : AuditPlaces.id(token.getSubject());
        QuarkusTransaction.requiringNew().run(() -> {
            row.actorPersonId = "ACCOUNT".equals(row.actorKind) ? places.personOfAccount(row.actorId) : null;
            row.declarationId = declaration;
            row.fileId = file != null ? file : places.fileOfDeclaration(declaration);
            row.unitId = places.unitOf(row.fileId);
            row.persist();
        });
    }

    private static MultiMap query(RoutingContext context) {
        try {
            return context.queryParams();
        } catch (RuntimeException e) { // a query that does not decode: nothing is kept of it
            return MultiMap.caseInsensitiveMultiMap();
        }
    }

    private static String group(Pattern pattern, String path) {
        Matcher matcher = pattern.matcher(path);
        return matcher.matches() ? matcher.group(1) : null;
    }

    private static void failed(Throwable e) {
        LOG.error("An integrity audit row could not be written", e);
    }
}
