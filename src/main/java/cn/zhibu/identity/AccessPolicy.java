package cn.zhibu.identity;

import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.security.Action;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import cn.zhibu.org.OrgUnitService;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The caller's access, for this request: roles (or scopes) on units, holding for their subtrees.
 * A unit outside every subtree the caller holds anything in is "not found".
 */
@RequestScoped
public class AccessPolicy implements Access {

    private final SecurityIdentity identity;
    private final OrgUnitService units;
    private final CallerLoader callers;

    AccessPolicy(SecurityIdentity identity, OrgUnitService units, CallerLoader callers) {
        this.identity = identity;
        this.units = units;
        this.callers = callers;
    }

    /**
     * Throws 403 unless the caller could grant every role the account holds: whoever may give an
     * account a password or move it to another WeChat may act as it, so must already hold as much.
     */
    public void requireCoversRolesOf(UUID accountId) {
        Reach reach = reach(usable(), cn.zhibu.platform.security.Action.GRANT_MANAGE);
        for (Caller.Grant grant : callers.grants(accountId)) {
            boolean covered = grant.implicit() || (grant.unitId() == null ? reach.everywhere()
                    : units.path(grant.unitId()).map(reach::covers).orElse(true));
            if (!covered) {
                throw new ProblemException(ProblemCode.FORBIDDEN);
            }
        }
    }

    /** The caller, or a 401 problem for anonymous requests. */
    public Caller caller() {
        Caller caller = identity.isAnonymous() ? null : identity.getAttribute(Caller.ATTRIBUTE);
        if (caller == null) {
            throw new ProblemException(ProblemCode.UNAUTHENTICATED);
        }
        return caller;
    }

    @Override
    public void require(Action action, UUID unitId) {
        Caller caller = usable();
        String path = unitId == null ? null : path(unitId);
        if (path == null || !visible(caller).covers(path)) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        if (!reach(caller, action).covers(path)) {
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
    }

    @Override
    public void requireEverywhere(Action action) {
        if (!reach(usable(), action).everywhere()) {
            throw new ProblemException(ProblemCode.FORBIDDEN);
        }
    }

    @Override
    public boolean allows(Action action, UUID unitId) {
        Caller caller = usable();
        String path = unitId == null ? null : path(unitId);
        return path != null && reach(caller, action).covers(path);
    }

    @Override
    public Reach reach(Action action) {
        return reach(usable(), action);
    }

    @Override
    public Optional<UUID> personId() {
        return caller().personId();
    }

    @Override
    public Optional<UUID> branchId() {
        // every person is a MEMBER of their current branch by an implicit grant, read with the caller
        return caller().grants().stream().filter(Caller.Grant::implicit).map(Caller.Grant::unitId).findFirst();
    }

    /** Where the caller holds anything at all: what they can see exists. */
    public Reach visible(Caller caller) {
        return union(caller, null);
    }

    static Reach reach(Caller caller, Action action) {
        return union(caller, action);
    }

    private static Reach union(Caller caller, Action action) {
        Set<UUID> units = new LinkedHashSet<>();
        for (Caller.Grant grant : caller.grants()) {
            Set<Action> allowed = Permissions.of(caller, grant);
            // an API client always sees its own subtree, whatever its scopes allow there
            boolean seen = !allowed.isEmpty() || caller.kind() == Caller.Kind.API_CLIENT;
            if (action == null ? !seen : !allowed.contains(action)) {
                continue;
            }
            if (grant.unitId() == null) {
                return Reach.EVERYWHERE;
            }
            units.add(grant.unitId());
        }
        return new Reach(false, Set.copyOf(units));
    }

    private Caller usable() {
        Caller caller = caller();
        if (caller.mustChangePassword()) {
            throw new ProblemException(IdentityProblem.PASSWORD_CHANGE_REQUIRED);
        }
        return caller;
    }

    private String path(UUID unitId) {
        return units.path(unitId).orElse(null);
    }
}
