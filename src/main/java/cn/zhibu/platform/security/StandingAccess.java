package cn.zhibu.platform.security;

import java.util.UUID;

/**
 * Whether an account or API client, named by the subject of its tokens, may still do an action in a unit now:
 * for things that act later on someone's behalf (a calendar feed read without a token), so that a revoked grant,
 * a disabled account or a revoked client stops them at once. Implemented by the identity capability.
 */
public interface StandingAccess {

    /** False when the subject is unknown, disabled or revoked, or its grants or scopes no longer allow it there. */
    boolean allows(String subject, Action action, UUID unitId);
}
