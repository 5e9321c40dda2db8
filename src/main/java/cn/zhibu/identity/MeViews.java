package cn.zhibu.identity;

import cn.zhibu.platform.security.Action;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response bodies of {@code /v1/me}. */
public final class MeViews {

    private MeViews() {
    }

    /** Who the caller is and what they may do where, for drawing menus. */
    @Schema(name = "Me", description = "The caller: an account (a person or staff) with its roles on units, or an API client "
            + "with its scopes on its unit; and, per action, where it is allowed.")
    public record View(
            @Schema(ref = "CallerKind") String kind,
            @Schema(description = "The account's or API client's id") UUID id,
            @Schema(description = "The person, for a person's account", nullable = true)
            UUID personId,
            @Schema(description = "The person's name, the user name or the client's name", maxLength = 64, examples = "王建国")
            String name,
            @Schema(description = "Roles and where they hold (a person is always a MEMBER of their branch)", maxItems = 100)
            List<RoleView> roles,
            @Schema(description = "An API client's scopes", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = cn.zhibu.identity.clients.ScopeName.class, maxItems = 16) List<String> scopes,
            @Schema(description = "Per action: everywhere, or the units under which it is allowed", maxItems = 32)
            List<ActionView> actions,
            @Schema(description = "True until a one-time password is changed") boolean passwordChangeRequired) {

        @Schema(name = "MeRole", description = "A role held on a unit and its subtree (no unit: everywhere).")
        public record RoleView(
                @Schema(ref = "GrantedRole") String role,
                @Schema(format = "uuid", nullable = true) UUID unitId,
                @Schema(maxLength = 64, nullable = true, examples = "示范区委组织部机关党支部") String unitName,
                @Schema(description = "Held by membership of the branch rather than granted") boolean implicit) {
        }

        @Schema(name = "MeAction", description = "Where the caller may do an action.")
        public record ActionView(
                @Schema(examples = "PEOPLE_READ") cn.zhibu.platform.security.Action action,
                boolean everywhere,
                @Schema(maxItems = 100) List<UUID> unitIds) {
        }
    }

    @Schema(name = "PasswordChange", description = "The current password and the new one.")
    public record PasswordChange(
            @Schema(minLength = 1, maxLength = 128, required = true, format = "password")
            @NotNull @Size(min = 1, max = 128) String currentPassword,
            @Schema(description = "At least 12 characters, not the user name", minLength = 12, maxLength = 128,
                    required = true, format = "password")
            @NotNull @Size(min = 12, max = 128) String newPassword) {
    }
}
