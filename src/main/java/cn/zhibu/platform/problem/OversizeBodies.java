package cn.zhibu.platform.problem;

import cn.zhibu.platform.http.RateLimiter;
import cn.zhibu.platform.security.Callers;
import io.quarkus.runtime.configuration.MemorySize;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads request bodies of {@code /v1} with a limit of {@link RequestLimits#MAX_BODY_BYTES} (files
 * posted to {@link RequestLimits#FILE_PATHS}: {@code zhibu.import.max-bytes}), whether
 * their length is declared or they come in chunks, and answers a larger one with a 413 problem.
 * The endpoints then read the buffered body, which works for blocking endpoints (every {@code /v1}
 * endpoint that takes a body must be one). Multipart uploads, and HTTP/2 bodies that do not declare
 * their length (except files, which are always buffered), are left to the framework's own limit (a
 * bare 413 or a reset stream).
 */
@ApplicationScoped
public class OversizeBodies {

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    /** Files buffered at once on this replica (each up to zhibu.import.max-bytes, before anyone is signed in). */
    static final int FILES_AT_ONCE = 2;

    private final RateLimiter rateLimiter;
    private final long maxFileBytes;
    private final java.util.concurrent.Semaphore fileSlots = new java.util.concurrent.Semaphore(FILES_AT_ONCE);

    OversizeBodies(RateLimiter rateLimiter,
            @ConfigProperty(name = "zhibu.import.max-bytes", defaultValue = "16M") MemorySize maxFileBytes) {
        this.rateLimiter = rateLimiter;
        this.maxFileBytes = maxFileBytes.asLongValue();
    }

    void install(@Observes Router router) {
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(RequestLimits.MAX_BODY_BYTES);
        BodyHandler files = BodyHandler.create(false).setBodyLimit(maxFileBytes);
        router.route("/v1/*").order(Integer.MIN_VALUE)
                .handler(context -> {
                    boolean file = isFile(context);
                    if (file && !fileSlots.tryAcquire()) {
                        busy(context); // bounded memory: nobody makes this replica hold more files than that
                        return;
                    }
                    if (file) {
                        context.addEndHandler(done -> fileSlots.release());
                    }
                    read(context, file ? files : bodies, limit(context), file);
                })
                .failureHandler(context -> {
                    if (context.statusCode() == 413 && !context.response().headWritten()) {
                        // refused before anyone is signed in: counted against the client address
                        RateLimiter.Decision decision = rateLimiter.acquire(Callers.key(null, context.request()));
                        decision.headers().forEach(context.response()::putHeader);
                        tooLarge(context, limit(context));
                    } else {
                        context.next();
                    }
                });
    }

    /** A file upload: only requests that carry credentials get the larger limit (nobody else buffers 16 MiB). */
    private boolean isFile(RoutingContext context) {
        return context.request().method() == HttpMethod.POST
                && RequestLimits.FILE_PATHS.contains(context.request().path())
                && context.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    private long limit(RoutingContext context) {
        return isFile(context) ? maxFileBytes : RequestLimits.MAX_BODY_BYTES;
    }

    private static void read(RoutingContext context, BodyHandler bodies, long limit, boolean file) {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        // Quarkus REST cannot take over an HTTP/2 request whose body was read before it
        // (quarkusio/quarkus#34393): HTTP/2 bodies without a declared length get the framework's limit
        boolean http2 = context.request().version() == HttpVersion.HTTP_2;
        if (declaredOver(context.request().getHeader(HttpHeaders.CONTENT_LENGTH), limit)) {
            context.fail(413);
        } else if (WITH_BODY.contains(context.request().method()) && !multipart && (!http2 || file)) {
            // a file endpoint reads the buffered body itself (RoutingContext#body), never through Quarkus REST
            bodies.handle(context);
        } else {
            context.next();
        }
    }

    private void busy(RoutingContext context) {
        var locale = ProblemMessages.resolve(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = Problems.of(ProblemCode.RATE_LIMITED, locale, context.request().path(), List.of(), 10);
        rateLimiter.acquire(Callers.key(null, context.request())).headers().forEach(context.response()::putHeader);
        context.response().setStatusCode(429)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .putHeader(RateLimiter.RETRY_AFTER, "10");
        if (context.request().version() != HttpVersion.HTTP_2) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close"); // the body is not read
        }
        context.response().end(Problems.json(problem));
    }

    private static void tooLarge(RoutingContext context, long limit) {
        var locale = ProblemMessages.resolve(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = Problems.of(ProblemCode.PAYLOAD_TOO_LARGE, locale, context.request().path(), List.of(),
                limit);
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        if (context.request().version() != HttpVersion.HTTP_2) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close"); // the rest of the body is not read
        }
        context.response().end(Problems.json(problem));
    }

    private static boolean declaredOver(String length, long limit) {
        try {
            return length != null && Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
