package cn.zhibu.identity;

import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.security.VerifiedCallers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads what a verified caller may do from the caller loaded with their identity (CallerAugmentor). */
@ApplicationScoped
public class VerifiedCallerReach implements VerifiedCallers {

    @Override
    public boolean mayAnywhere(SecurityIdentity identity, Action action) {
        if (identity == null || identity.isAnonymous()) {
            return false;
        }
        Caller caller = identity.getAttribute(Caller.ATTRIBUTE);
        return caller != null && !caller.mustChangePassword() && !AccessPolicy.reach(caller, action).none();
    }
}
