package cn.zhibu.platform.problem;

import cn.zhibu.platform.http.RateLimiter;
import cn.zhibu.platform.security.Callers;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads request bodies of {@code /v1} with a limit of {@link RequestLimits#MAX_BODY_BYTES}, whether
 * their length is declared or they come in chunks, and answers a larger one with a 413 problem.
 * The endpoints then read the buffered body, which works for blocking endpoints (every {@code /v1}
 * endpoint that takes a body must be one). Multipart uploads, and HTTP/2 bodies that do not declare
 * their length, are left to the framework's own limit (a bare 413 or a reset stream).
 */
@ApplicationScoped
public class OversizeBodies {

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final RateLimiter rateLimiter;

    OversizeBodies(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    void install(@Observes Router router) {
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(RequestLimits.MAX_BODY_BYTES);
        router.route("/v1/*").order(Integer.MIN_VALUE)
                .handler(context -> read(context, bodies))
                .failureHandler(context -> {
                    if (context.statusCode() == 413 && !context.response().headWritten()) {
                        // refused before anyone is signed in: counted against the client address
                        RateLimiter.Decision decision = rateLimiter.acquire(Callers.key(null, context.request()));
                        decision.headers().forEach(context.response()::putHeader);
                        tooLarge(context);
                    } else {
                        context.next();
                    }
                });
    }

    private static void read(RoutingContext context, BodyHandler bodies) {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        // Quarkus REST cannot take over an HTTP/2 request whose body was read before it
        // (quarkusio/quarkus#34393): HTTP/2 bodies without a declared length get the framework's limit
        boolean http2 = context.request().version() == HttpVersion.HTTP_2;
        if (declaredOver(context.request().getHeader(HttpHeaders.CONTENT_LENGTH))) {
            context.fail(413);
        } else if (WITH_BODY.contains(context.request().method()) && !multipart && !http2) {
            bodies.handle(context);
        } else {
            context.next();
        }
    }

    private static void tooLarge(RoutingContext context) {
        var locale = ProblemMessages.resolve(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = Problems.of(ProblemCode.PAYLOAD_TOO_LARGE, locale, context.request().path(), List.of(),
                RequestLimits.MAX_BODY_BYTES);
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        if (context.request().version() != HttpVersion.HTTP_2) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close"); // the rest of the body is not read
        }
        context.response().end(Problems.json(problem));
    }

    private static boolean declaredOver(String length) {
        try {
            return length != null && Long.parseLong(length.trim()) > RequestLimits.MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
