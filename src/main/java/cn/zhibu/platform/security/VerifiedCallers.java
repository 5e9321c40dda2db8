package cn.zhibu.platform.security;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * What a caller, verified from their credentials alone (before the request's body is read, outside any request
 * scope), may do at all. Implemented by the identity capability.
 */
public interface VerifiedCallers {

    /** Whether the verified caller may do the action anywhere (a caller who must change their password may not). */
    boolean mayAnywhere(SecurityIdentity identity, Action action);
}
