package cn.zhibu.integrity.audit;

import cn.zhibu.platform.problem.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Makes every request to an {@link Audited} operation leave exactly one audit row: a refused one (any
 * answer of 400 or more, 401 and 404 included) is recorded here, in a transaction of its own since the
 * operation's own rolled back; an allowed one was recorded by the operation, and if it was not (an answer
 * replayed for a repeated Idempotency-Key, which runs nothing; or a bug), a plain row is written here. Requests to
 * integrity paths that reach no audited operation are recorded by {@link OtherRequestAudit}.
 */
@Provider
@Audited(AuditAction.READ_FILE)
public class AuditFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);

    @Context
    ResourceInfo resource;
    @Inject
    IntegrityAudit audit;
    @Inject
    AuditPlaces places;

    @Override
    public void filter(ContainerRequestContext request) {
        audit.operation(operation().value());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // an operation's own row counts only if it committed: a refusal (400 or more) rolled it back
        if (audit.recorded() && response.getStatus() < 400) {
            return;
        }
        Audited operation = operation();
        UUID id = AuditPlaces.id(request.getUriInfo().getPathParameters().getFirst("id"));
        UUID fileId = operation.target() == Audited.Target.FILE ? id : null;
        UUID declarationId = operation.target() == Audited.Target.DECLARATION ? id : null;
        String purpose = AuditPlaces.purpose(request.getUriInfo().getQueryParameters().getFirst("purpose"));
        String detail = AuditPlaces.cut(request.getUriInfo().getQueryParameters().getFirst("purposeDetail"), 500);
        int status = response.getStatus();
        String reason = response.getEntity() instanceof Problem problem ? problem.code() : null;
        boolean refused = status >= 400;
        boolean replayed = response.getHeaders().containsKey("Idempotent-Replayed");
        if (!refused && !replayed) {
            LOG.errorf("%s answered %d without recording what it did; a plain audit row is written", operation.value(),
                    status);
        }
        AuditRecord row = audit.row(operation.value().name(),
                new IntegrityAudit.Subject(fileId, null, List.of(), declarationId, purpose, detail),
                refused ? "REFUSED" : "ALLOWED", status, reason);
        Runnable write = () -> QuarkusTransaction.requiringNew().run(() -> {
            row.fileId = fileId != null ? fileId : places.fileOfDeclaration(declarationId);
            row.unitId = places.unitOf(row.fileId);
            row.persist();
        });
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            // refused before reaching the operation's worker thread (none of zhibu's own checks do this)
            io.vertx.core.Vertx.currentContext().executeBlocking(() -> {
                write.run();
                return null;
            }, false).onFailure(e -> LOG.error("An integrity audit row could not be written", e));
        } else {
            write.run();
        }
    }

    private Audited operation() {
        Audited onMethod = resource.getResourceMethod().getAnnotation(Audited.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(Audited.class);
    }
}
