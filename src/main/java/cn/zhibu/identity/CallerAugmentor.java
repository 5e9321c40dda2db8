package cn.zhibu.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns a verified token into a caller read from the database (see {@link CallerLoader}), with the
 * names of the caller's roles as identity roles. A token whose account, session or client no
 * longer stands fails authentication (401).
 */
@ApplicationScoped
public class CallerAugmentor implements SecurityIdentityAugmentor {

    private final CallerLoader loader;

    CallerAugmentor(CallerLoader loader) {
        this.loader = loader;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            Caller caller = loader.load(token).orElseThrow(
                    () -> new AuthenticationFailedException("The token's account, session or client no longer stands"));
            QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                    .setPrincipal(token).addCredentials(identity.getCredentials())
                    .addAttributes(identity.getAttributes()).addAttribute(Caller.ATTRIBUTE, caller)
                    .addPermissionChecker(identity::checkPermission);
            caller.grants().stream().filter(g -> g.role() != null).forEach(g -> builder.addRole(g.role()));
            return builder.build();
        });
    }
}
