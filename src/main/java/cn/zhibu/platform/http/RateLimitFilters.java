package cn.zhibu.platform.http;

import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemMessages;
import cn.zhibu.platform.problem.Problems;
import cn.zhibu.platform.security.Callers;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Applies the {@link RateLimiter} to every {@code /v1} request, per caller: the token's subject
 * when signed in, otherwise the client address. Every answer carries the {@code RateLimit-*}
 * headers; a caller over the limit gets 429 with {@code Retry-After}.
 */
public class RateLimitFilters {

    private static final String DECISION = RateLimitFilters.class.getName();

    @Inject
    RateLimiter limiter;
    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> limit(ContainerRequestContext context, HttpServerRequest request) {
        if (!context.getUriInfo().getPath().startsWith("/v1/")) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .map(identity -> decide(context, request, identity));
    }

    private Response decide(ContainerRequestContext context, HttpServerRequest request, SecurityIdentity identity) {
        RateLimiter.Decision decision = limiter.acquire(Callers.key(identity, request));
        context.setProperty(DECISION, decision);
        if (decision.allowed()) {
            return null;
        }
        Locale locale = ProblemMessages.resolve(context.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Response problem = Problems.response(ProblemCode.RATE_LIMITED, locale, context.getUriInfo().getPath(),
                List.of(), decision.resetSeconds());
        return Response.fromResponse(problem).header(RateLimiter.RETRY_AFTER, decision.resetSeconds()).build();
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            decision.headers().forEach(headers::putSingle);
        }
    }
}
