package cn.zhibu.platform.problem;

import cn.zhibu.platform.http.RateLimiter;
import cn.zhibu.platform.security.Callers;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Problems answered by the HTTP layer itself, before JAX-RS sees the request (a body too large, too slow, of the
 * wrong type; a URI or headers too long): problem+json like every other answer. Each refusal counts against the
 * client address (nobody is signed in yet) and carries the {@code RateLimit-*} headers.
 */
@ApplicationScoped
public class HttpLayerAnswers {

    /** How long the rest of an unread body is read (and dropped) before the connection is closed. */
    private static final java.time.Duration DRAIN = java.time.Duration.ofSeconds(2);

    private final RateLimiter rateLimiter;

    HttpLayerAnswers(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    /**
     * Answers with the problem. {@code unread}: the request's body (or part of it) was not read, so an HTTP/1.x
     * connection is closed after the answer (nothing else could be read from it), once the rest of the body is in or
     * {@link #DRAIN} has passed.
     */
    public void send(RoutingContext context, ProblemKind code, boolean unread, Object... args) {
        send(context, code, List.of(), unread, args);
    }

    /** Answers with the problem, naming the fields at fault. */
    public void send(RoutingContext context, ProblemKind code, List<FieldError> errors, boolean unread,
            Object... args) {
        if (context.response().headWritten()) {
            context.request().connection().close();
            return;
        }
        HttpServerRequest request = context.request();
        var locale = ProblemMessages.resolve(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = Problems.of(code, locale, request.path(), errors, args);
        rateLimiter.acquire(Callers.key(null, request)).headers().forEach(context.response()::putHeader);
        context.response().setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        if (code == ProblemCode.RATE_LIMITED) {
            context.response().putHeader(RateLimiter.RETRY_AFTER, String.valueOf(args[0]));
        }
        if (code == ProblemCode.UNAUTHENTICATED) {
            context.response().putHeader("WWW-Authenticate", "Bearer"); // as the API's own 401
        }
        boolean close = unread && request.version() != HttpVersion.HTTP_2;
        if (close) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        context.response().end(Problems.json(problem)).onComplete(done -> {
            if (close && !request.isEnded()) {
                drainThenClose(context);
            }
        });
    }

    /**
     * Reads and drops what is left of the body for a moment before the connection is closed: a client still sending
     * it would otherwise find the connection reset, and its HTTP library would lose the answer.
     */
    private static void drainThenClose(RoutingContext context) {
        HttpServerRequest request = context.request();
        long timer = context.vertx().setTimer(DRAIN.toMillis(), fired -> request.connection().close());
        request.handler(ignored -> {
        });
        request.endHandler(ended -> {
            context.vertx().cancelTimer(timer);
            request.connection().close();
        });
        request.resume();
    }
}
