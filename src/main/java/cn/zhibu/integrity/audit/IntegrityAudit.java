package cn.zhibu.integrity.audit;

import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.time.BusinessCalendar;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The audit of the current request. An operation calls {@link #allowed} once, inside its transaction, so
 * that what it read or wrote and its audit row commit together (or neither does).
 */
@RequestScoped
public class IntegrityAudit {

    static final String CLIENT_ID_CLAIM = "client_id";

    @Inject
    JsonWebToken token;
    @Inject
    HttpServerRequest request;
    @Inject
    BusinessCalendar calendar;
    @Inject
    Access access;

    private AuditAction action;
    private boolean system;
    private boolean recorded;

    /** What happened, beyond the operation itself: the file, the entries, the purpose. */
    public record Subject(UUID fileId, UUID unitId, Collection<UUID> entryIds, UUID declarationId, String purpose,
            String purposeDetail) {

        public static Subject none() {
            return new Subject(null, null, java.util.List.of(), null, null, null);
        }

        public static Subject file(UUID fileId, UUID unitId) {
            return new Subject(fileId, unitId, java.util.List.of(), null, null, null);
        }

        public Subject entries(Collection<UUID> ids) {
            return new Subject(fileId, unitId, ids, declarationId, purpose, purposeDetail);
        }

        public Subject declaration(UUID id) {
            return new Subject(fileId, unitId, entryIds, id, purpose, purposeDetail);
        }

        public Subject purpose(String purpose, String detail) {
            return new Subject(fileId, unitId, entryIds, declarationId, purpose, detail);
        }
    }

    void operation(AuditAction action) {
        this.action = action;
    }

    /**
     * Names the operation the service itself is about to run outside any request (demo data at start-up, a job):
     * its row is then the SYSTEM's, with this action, as {@link AuditFilter} names it for a request.
     */
    public void system(AuditAction operation) {
        this.action = operation;
        this.system = true;
    }

    boolean recorded() {
        return recorded;
    }

    /** Records the operation as allowed, in the caller's transaction; once per request. */
    public void allowed(Subject subject, int status) {
        if (recorded) {
            throw new IllegalStateException("An integrity operation is audited once");
        }
        AuditRecord row = row(action == null ? "UNKNOWN" : action.name(), subject, "ALLOWED", status, null, system);
        row.persist();
        recorded = true;
    }

    /**
     * Records something done outside an audited operation (a file opened on an appointment made through
     * people's records), in the caller's transaction.
     */
    public void record(AuditAction done, Subject subject) {
        row(done.name(), subject, "ALLOWED", 200, null, true).persist();
    }

    AuditRecord row(String actionName, Subject subject, String outcome, int status, String reason) {
        return row(actionName, subject, outcome, status, reason, false);
    }

    private static String subject(JsonWebToken token) {
        try {
            return token == null ? null : token.getSubject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private AuditRecord row(String actionName, Subject subject, String outcome, int status, String reason,
            boolean system) {
        AuditRecord row = new AuditRecord();
        row.at = calendar.now();
        boolean signedIn = subject(token) != null;
        row.actorKind = !signedIn ? (system ? "SYSTEM" : "ANONYMOUS") : token.containsClaim(CLIENT_ID_CLAIM) ? "API_CLIENT" : "ACCOUNT";
        row.actorId = signedIn ? parse(subject(token)) : null;
        row.actorPersonId = signedIn && "ACCOUNT".equals(row.actorKind) ? personOfCaller() : null;
        row.action = actionName;
        row.fileId = subject.fileId();
        row.unitId = subject.unitId();
        row.entryIds = subject.entryIds().toArray(UUID[]::new);
        row.declarationId = subject.declarationId();
        row.purpose = subject.purpose();
        row.purposeDetail = subject.purposeDetail();
        row.outcome = outcome;
        row.status = status;
        row.reason = reason;
        String line;
        try {
            row.clientAddress = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
            line = request.method().name() + " " + (request.path() == null ? "" : request.path());
        } catch (RuntimeException e) {
            line = "(no HTTP request)"; // e.g. a file opened by a background import of people
        }
        row.request = line.length() > 300 ? line.substring(0, 300) : line;
        return row;
    }

    private UUID personOfCaller() {
        try {
            return access.personId().orElse(null);
        } catch (RuntimeException e) {
            return null; // a token whose account is gone: the account id is recorded
        }
    }

    private static UUID parse(String subject) {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
