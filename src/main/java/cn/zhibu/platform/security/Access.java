package cn.zhibu.platform.security;

import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one question every resource asks: may the caller do this action on an object in this org
 * unit? Roles and scopes hold for a unit's whole subtree. An object outside everything the caller
 * can see answers 404 (its existence is not revealed); inside it but not allowed, 403.
 * Implemented by the identity capability for the current request.
 */
public interface Access {

    /** Throws a 404 problem when the unit is unknown or out of the caller's sight, 403 when seen but not allowed. */
    void require(Action action, UUID unitId);

    /** Throws 403 unless the caller may do this everywhere (for objects outside the tree, such as a new root unit). */
    void requireEverywhere(Action action);

    /**
     * For a unit named in a request body (a new parent, a branch to join): one the caller cannot see
     * is refused with {@code unknown}, as one that does not exist would be; one seen but not allowed, 403.
     */
    default void requireNamed(Action action, UUID unitId, Supplier<ProblemException> unknown) {
        if (!allows(action, unitId)) {
            if (!allows(Action.ORG_READ, unitId)) {
                throw unknown.get();
            }
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
    }

    /** Whether the caller may do this on an object in this unit. */
    boolean allows(Action action, UUID unitId);

    /** Where the caller may do this action. */
    Reach reach(Action action);

    /** The person the caller is, when the caller is a person's account. */
    Optional<UUID> personId();

    /** The branch the caller's person belongs to now, as read with the caller; empty for anyone else. */
    Optional<UUID> branchId();

    /**
     * The units under which an action is allowed: everywhere, or the subtrees of these units.
     */
    record Reach(boolean everywhere, Set<UUID> unitIds) {

        public static final Reach NOWHERE = new Reach(false, Set.of());
        public static final Reach EVERYWHERE = new Reach(true, Set.of());

        public boolean none() {
            return !everywhere && unitIds.isEmpty();
        }

        /** Whether a unit with this materialised path ('/root/.../own/') lies within. */
        public boolean covers(String unitPath) {
            return everywhere || unitIds.stream().anyMatch(id -> unitPath.contains("/" + id + "/"));
        }
    }
}
