package cn.zhibu.integrity.audit;

import cn.zhibu.platform.openapi.Patterns;
import cn.zhibu.platform.paging.Pagination;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answers of {@code /v1/integrity-audit}. */
public final class AuditViews {

    private AuditViews() {
    }

    /** Who acted. */
    @Schema(name = "IntegrityAuditActorKind", description = "ACCOUNT (a person's or staff account), API_CLIENT, "
            + "ANONYMOUS (refused before signing in) or SYSTEM (the service itself: a file opened on an appointment, "
            + "a purge)")
    public enum ActorKind {
        ACCOUNT, API_CLIENT, ANONYMOUS, SYSTEM
    }

    /** Whether it was done. */
    @Schema(name = "IntegrityAuditOutcome", description = "ALLOWED (done) or REFUSED (answered 400 or more)")
    public enum Outcome {
        ALLOWED, REFUSED
    }

    @Schema(name = "IntegrityAuditRow", description = "One read, write or refusal of integrity files, or of their "
            + "audit and keys, as recorded at the time")
    public record Row(
            @Schema(description = "When", required = true) Instant at,
            @Schema(required = true) ActorKind actorKind,
            @Schema(description = "The account or API client", format = "uuid", nullable = true,
                    pattern = Patterns.UUID) UUID actorId,
            @Schema(description = "The person whose account it was", format = "uuid",
                    nullable = true, pattern = Patterns.UUID) UUID actorPersonId,
            @Schema(description = "What was done or tried (an IntegrityAuditAction)", maxLength = 32,
                    pattern = "^[A-Z_]{1,32}$", required = true) String action,
            @Schema(format = "uuid", nullable = true, pattern = Patterns.UUID) UUID fileId,
            @Schema(description = "The file's unit at the time", format = "uuid", nullable = true,
                    pattern = Patterns.UUID) UUID unitId,
            @Schema(description = "The entries shown or written", maxItems = 100000, required = true)
            List<UUID> entryIds,
            @Schema(format = "uuid", nullable = true, pattern = Patterns.UUID) UUID declarationId,
            @Schema(description = "The stated purpose of a read", maxLength = 32, pattern = "^[A-Z_]+$",
                    nullable = true) String purpose,
            @Schema(description = "The purpose in words, or what a key rotation or purge did", maxLength = 500,
                    pattern = Patterns.LONG_TEXT, nullable = true) String purposeDetail,
            @Schema(required = true) Outcome outcome,
            @Schema(description = "The HTTP status answered", minimum = "100", maximum = "599", required = true)
            int status,
            @Schema(description = "A refusal's problem code", maxLength = 64, pattern = "^[A-Z_]+$", nullable = true)
            String reason,
            @Schema(description = "The caller's address", maxLength = 64, pattern = "^[0-9A-Za-z.:%]+$",
                    nullable = true) String clientAddress,
            @Schema(description = "Method and path, without the query", maxLength = 300,
                    pattern = Patterns.LONG_TEXT, required = true)
            String request) {
    }

    @Schema(name = "IntegrityAuditPage", description = "One page of the audit, newest first")
    public record Page(
            @Schema(maxItems = 100, required = true) List<Row> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true) String nextCursor) {
    }
}
