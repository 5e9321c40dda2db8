package cn.zhibu.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as read from the database for this request: an account (a person or staff) with
 * its role grants, or an API client with its scopes and its unit.
 *
 * @param grants the roles and where they hold; a null unit means everywhere
 */
public record Caller(Kind kind, UUID id, Optional<UUID> personId, String name, List<Grant> grants,
        Set<String> scopes, boolean mustChangePassword) {

    public static final String ATTRIBUTE = "zhibu.caller";

    public enum Kind {
        ACCOUNT, API_CLIENT
    }

    /** A role (or, for an API client, its scopes) holding in a unit's subtree; {@code unitId} null: everywhere. */
    public record Grant(String role, UUID unitId, boolean implicit) {
    }
}
