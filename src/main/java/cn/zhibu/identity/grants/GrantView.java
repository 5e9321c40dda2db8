package cn.zhibu.identity.grants;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A grant as the API shows it: who holds which role where, who granted it and when, and its revocation. */
@Schema(name = "Grant", description = "A role held by an account on an org unit and everything under it (no unit: "
        + "everywhere). Grants are never deleted; a revoked grant shows who revoked it and when.")
public record GrantView(
        UUID id,
        UUID accountId,
        @Schema(ref = "GrantedRole") String role,
        @Schema(description = "The unit; null: everywhere", nullable = true) UUID unitId,
        @Schema(description = "Who granted it (account id, or system:...)", maxLength = 80) String grantedBy,
        Instant grantedAt,
        @Schema(description = "Who revoked it", maxLength = 80, nullable = true) String revokedBy,
        @Schema(nullable = true) Instant revokedAt) {

    static GrantView of(RoleGrant grant) {
        return new GrantView(grant.id, grant.accountId, grant.role, grant.unitId, grant.grantedBy, grant.grantedAt,
                grant.revokedBy, grant.revokedAt);
    }
}
