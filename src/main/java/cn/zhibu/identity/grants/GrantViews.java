package cn.zhibu.identity.grants;

import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.Pagination;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response bodies of {@code /v1/grants}. */
public final class GrantViews {

    private GrantViews() {
    }

    /** A role to grant to an account or a person, on a unit (none: everywhere, ORG_ADMIN only). */
    @Schema(name = "GrantCreate", description = "A role to grant on a unit and its subtree, to an account or to a person "
            + "(exactly one of the two).")
    public record Request(
            @Schema(description = "The account") UUID accountId,
            @Schema(description = "The person (their account is made if needed)")
            UUID personId,
            @Schema(required = true, examples = "SECRETARY") @NotNull GrantedRole role,
            @Schema(description = "The unit; omit for everywhere (ORG_ADMIN only)")
            UUID unitId) {

        /** The roles that can be granted. */
        public enum GrantedRole {
            MEMBER, GROUP_LEADER, SECRETARY, INTEGRITY_OFFICER, ORG_ADMIN
        }
    }

    /** A grant as the API shows it: who holds which role where, who granted it and when, and its revocation. */
    @Schema(name = "Grant", description = "A role held by an account on an org unit and everything under it (no unit: "
            + "everywhere). Grants are never deleted; a revoked grant shows who revoked it and when.")
    public record View(
            UUID id,
            UUID accountId,
            @Schema(ref = "GrantedRole") String role,
            @Schema(description = "The unit; null: everywhere", nullable = true) UUID unitId,
            @Schema(description = "Who granted it (account id, or system:...)", maxLength = 80) String grantedBy,
            Instant grantedAt,
            @Schema(description = "Who revoked it", maxLength = 80, nullable = true) String revokedBy,
            @Schema(nullable = true) Instant revokedAt) {

        static GrantViews.View of(RoleGrant grant) {
            return new GrantViews.View(grant.id, grant.accountId, grant.role, grant.unitId, grant.grantedBy, grant.grantedAt,
                    grant.revokedBy, grant.revokedAt);
        }
    }

    @Schema(name = "GrantPage", description = "One page of grants.")
    public record Page(
            @Schema(description = "The grants of this page", maxItems = 100, required = true) List<GrantViews.View> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true, required = true)
            String nextCursor) {
    }
}
