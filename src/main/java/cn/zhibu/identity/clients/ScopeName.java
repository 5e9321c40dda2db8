package cn.zhibu.identity.clients;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's name for an API client scope (the values are those of {@code Permissions.BY_SCOPE}). */
@Schema(name = "Scope", type = SchemaType.STRING, maxLength = 17, description = "What an API client may do.",
        enumeration = {"org:read", "people:read", "people:write", "points:write", "leaderboards:read", "stats:read"})
public final class ScopeName {

    private ScopeName() {
    }
}
