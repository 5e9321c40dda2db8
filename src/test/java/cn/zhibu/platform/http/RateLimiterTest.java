package cn.zhibu.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RateLimiterTest {

    /** Waits, if need be, until the current one-minute window has at least five seconds left. */
    static void awayFromWindowEnd() throws InterruptedException {
        long left = RateLimiter.WINDOW_MILLIS - System.currentTimeMillis() % RateLimiter.WINDOW_MILLIS;
        if (left < 5_000) {
            Thread.sleep(left + 50);
        }
    }

    @Property(tries = 50)
    void allowsExactlyTheLimitPerCallerAndWindow(@ForAll @IntRange(min = 1, max = 200) int limit,
            @ForAll @IntRange(min = 0, max = 400) int requests) throws InterruptedException {
        awayFromWindowEnd();
        RateLimiter limiter = new RateLimiter(limit);
        int allowed = 0;
        int previousRemaining = limit;
        for (int i = 0; i < requests; i++) {
            RateLimiter.Decision d = limiter.acquire("caller");
            assertEquals(limit, d.limit());
            assertTrue(d.remaining() >= 0 && d.remaining() <= previousRemaining);
            assertTrue(d.resetSeconds() >= 1 && d.resetSeconds() <= 60);
            previousRemaining = d.remaining();
            if (d.allowed()) {
                allowed++;
            }
        }
        assertEquals(Math.min(limit, requests), allowed);
        assertTrue(limiter.acquire("someone else").allowed(), "callers have their own counts");
    }

    @Property(tries = 20)
    void theRequestAfterTheLimitIsRefusedWithNothingRemaining(@ForAll @IntRange(min = 1, max = 20) int limit)
            throws InterruptedException {
        awayFromWindowEnd();
        RateLimiter limiter = new RateLimiter(limit);
        for (int i = 0; i < limit; i++) {
            assertTrue(limiter.acquire("c").allowed());
        }
        RateLimiter.Decision refused = limiter.acquire("c");
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
    }
}
