package cn.zhibu.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A stable key for "who is calling", for per-caller state such as idempotency keys and rate
 * limits: the token's issuer and subject when signed in, the client address otherwise.
 */
public final class Callers {

    private Callers() {
    }

    public static String key(SecurityIdentity identity, HttpServerRequest request) {
        if (identity != null && !identity.isAnonymous()) {
            if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
                return "subject:" + token.getIssuer() + "|" + token.getSubject();
            }
            return "principal:" + identity.getPrincipal().getName();
        }
        String address = request == null || request.remoteAddress() == null ? "unknown"
                : request.remoteAddress().hostAddress();
        return "address:" + address;
    }
}
