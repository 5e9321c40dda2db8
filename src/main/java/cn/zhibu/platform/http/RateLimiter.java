package cn.zhibu.platform.http;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed-window request limiter per caller: {@code zhibu.rate-limit.requests-per-minute} requests
 * in each wall-clock minute. The counts live in this replica's memory: with N replicas a caller
 * may get up to N times the limit, which is harmless; nothing else depends on them.
 */
@ApplicationScoped
public class RateLimiter {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";
    public static final String RETRY_AFTER = "Retry-After";
    static final long WINDOW_MILLIS = 60_000;

    private final Clock clock;
    private final int limit;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @jakarta.inject.Inject
    RateLimiter(Clock clock, RateLimitSettings settings) {
        this(clock, settings.requestsPerMinute());
    }

    RateLimiter(Clock clock, int limit) {
        this.clock = clock;
        this.limit = limit;
    }

    /** Counts one request of this caller and tells whether it may go ahead. */
    public Decision acquire(String caller) {
        long now = clock.millis();
        long start = now - now % WINDOW_MILLIS;
        Window window = windows.compute(caller, (k, w) -> w == null || w.start != start ? new Window(start) : w);
        int used = window.count.incrementAndGet();
        long resetSeconds = Math.max(1, (start + WINDOW_MILLIS - now + 999) / 1000);
        return new Decision(used <= limit, limit, Math.max(0, limit - used), resetSeconds);
    }

    /** Forgets the windows that have ended, so memory stays bounded by the callers of one minute. */
    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetEndedWindows() {
        long now = clock.millis();
        long start = now - now % WINDOW_MILLIS;
        windows.values().removeIf(w -> w.start != start);
    }

    /** The outcome for one request, and the values of the {@code RateLimit-*} headers. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {

        public Map<String, String> headers() {
            return Map.of(LIMIT, String.valueOf(limit), REMAINING, String.valueOf(remaining),
                    RESET, String.valueOf(resetSeconds));
        }
    }

    private static final class Window {
        final long start;
        final AtomicInteger count = new AtomicInteger();

        Window(long start) {
            this.start = start;
        }
    }
}
