package cn.zhibu.platform.lifecycle;

import cn.zhibu.platform.http.RateLimiter;
import cn.zhibu.platform.problem.Problem;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemMessages;
import cn.zhibu.platform.problem.Problems;
import cn.zhibu.platform.security.Callers;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * How a stop (SIGTERM, Ctrl-C) goes, in this order:
 * <ol>
 * <li>readiness reports DOWN at once (Quarkus' own "Graceful Shutdown" check, with
 * {@code quarkus.shutdown.delay-enabled}), so that load balancers stop sending requests here; scheduled jobs
 * start no more;</li>
 * <li>for {@code quarkus.shutdown.delay} the requests that still arrive are served as usual (balancers take a
 * moment to notice);</li>
 * <li>then every new request is answered 503 {@code SERVICE_BUSY} with {@code Retry-After} and
 * {@code Connection: close}, before anything of it runs, while the requests in flight get up to
 * {@code quarkus.shutdown.timeout} to finish;</li>
 * <li>only then do the {@code ShutdownEvent} observers run (the embedded database stops last), and the
 * listener closes.</li>
 * </ol>
 * A request that fails while the service stops (a database going away under it) is answered 503 as well,
 * never 500 (see the problem mappers).
 */
@Singleton
public class Stopping {

    private static final Logger LOG = Logger.getLogger(Stopping.class);
    /** Below the CORS filter (300), so that refusals carry its headers; above every route. */
    static final int FILTER_PRIORITY = 200;
    static final String RETRY_AFTER_SECONDS = "1";

    private final Duration delay;
    private final RateLimiter rateLimiter;
    private final Scheduler scheduler;
    private volatile boolean stopping;
    private volatile boolean refusingAtOnce;
    private volatile long refuseFrom; // System.nanoTime() when new requests are refused

    Stopping(@ConfigProperty(name = "quarkus.shutdown.delay") Optional<Duration> delay, RateLimiter rateLimiter,
            Scheduler scheduler) {
        this.delay = delay.orElse(Duration.ZERO);
        this.rateLimiter = rateLimiter;
        this.scheduler = scheduler;
    }

    /** Whether a stop has begun (readiness is DOWN). */
    public boolean stopping() {
        return stopping;
    }

    /** Whether new requests are refused: the delay after the stop began is over, or the shutdown itself runs. */
    public boolean refusing() {
        return refusingAtOnce || stopping && System.nanoTime() - refuseFrom >= 0;
    }

    void begin(@Observes ShutdownDelayInitiatedEvent event) {
        refuseFrom = System.nanoTime() + delay.toNanos();
        stopping = true;
        if (scheduler.isStarted() && scheduler.isRunning()) {
            scheduler.pause(); // a job started now would find the database going away
        }
        LOG.infof("Stopping: readiness is DOWN; new requests are served for %s more, then refused with 503 "
                + "while those in flight finish", delay);
    }

    /** Requests in flight are done (or the shutdown timeout is over): from now on nothing new runs. */
    void drained(@Observes @Priority(Integer.MIN_VALUE) ShutdownEvent event) {
        stopping = true;
        refusingAtOnce = true;
    }

    void install(@Observes Filters filters) {
        filters.register(this::refuseWhileStopping, FILTER_PRIORITY);
    }

    private void refuseWhileStopping(RoutingContext context) {
        if (!refusing()) {
            context.next();
            return;
        }
        Locale locale = ProblemMessages.resolve(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = Problems.of(ProblemCode.SERVICE_BUSY, locale, context.request().path(), List.of());
        try { // answered below JAX-RS, counted against the client address as the other refusals there
            rateLimiter.acquire(Callers.key(null, context.request())).headers()
                    .forEach(context.response()::putHeader);
        } catch (RuntimeException late) {
            LOG.debugf(late, "No rate-limit headers on a refusal while stopping");
        }
        context.response().setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .putHeader(RateLimiter.RETRY_AFTER, RETRY_AFTER_SECONDS);
        if (context.request().version() != HttpVersion.HTTP_2) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close"); // the next try goes elsewhere
        }
        context.response().end(Problems.json(problem));
    }
}
