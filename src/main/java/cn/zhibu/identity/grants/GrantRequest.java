package cn.zhibu.identity.grants;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A role to grant to an account or a person, on a unit (none: everywhere, ORG_ADMIN only). */
@Schema(name = "GrantCreate", description = "A role to grant on a unit and its subtree, to an account or to a person "
        + "(exactly one of the two).")
public record GrantRequest(
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
