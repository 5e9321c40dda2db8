package cn.zhibu.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** The start of a one-minute window. */
    private static final Instant WINDOW_START = Instant.parse("2026-03-02T01:00:00Z");

    @Property(tries = 50)
    void allowsExactlyTheLimitPerCallerAndWindow(@ForAll @IntRange(min = 1, max = 200) int limit,
            @ForAll @IntRange(min = 0, max = 400) int requests,
            @ForAll @IntRange(min = 0, max = 59_999) int millisIntoWindow) {
        TestClock clock = new TestClock();
        clock.set(WINDOW_START.plusMillis(millisIntoWindow));
        RateLimiter limiter = new RateLimiter(clock, limit);
        int allowed = 0;
        int previousRemaining = limit;
        for (int i = 0; i < requests; i++) {
            RateLimiter.Decision d = limiter.acquire("caller");
            assertEquals(limit, d.limit());
            assertTrue(d.remaining() >= 0 && d.remaining() <= previousRemaining);
            assertEquals((60_000 - millisIntoWindow + 999) / 1000, d.resetSeconds(), "seconds to the window's end");
            previousRemaining = d.remaining();
            if (d.allowed()) {
                allowed++;
            }
        }
        assertEquals(Math.min(limit, requests), allowed);
        assertTrue(limiter.acquire("someone else").allowed(), "callers have their own counts");
    }

    @Property(tries = 20)
    void theRequestAfterTheLimitIsRefusedWithNothingRemaining(@ForAll @IntRange(min = 1, max = 20) int limit) {
        TestClock clock = new TestClock();
        clock.set(WINDOW_START.plusSeconds(59));
        RateLimiter limiter = new RateLimiter(clock, limit);
        for (int i = 0; i < limit; i++) {
            assertTrue(limiter.acquire("c").allowed());
        }
        RateLimiter.Decision refused = limiter.acquire("c");
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.resetSeconds());
    }

    @Test
    void theNextWindowStartsAFreshCount() {
        TestClock clock = new TestClock();
        clock.set(WINDOW_START.plusSeconds(30));
        RateLimiter limiter = new RateLimiter(clock, 2);
        assertTrue(limiter.acquire("c").allowed());
        assertTrue(limiter.acquire("c").allowed());
        assertFalse(limiter.acquire("c").allowed());
        clock.advance(Duration.ofMillis(29_999));
        assertFalse(limiter.acquire("c").allowed(), "the last millisecond of the window still counts");
        clock.advance(Duration.ofMillis(1));
        RateLimiter.Decision next = limiter.acquire("c");
        assertTrue(next.allowed(), "a new window");
        assertEquals(1, next.remaining());
        assertEquals(60, next.resetSeconds());
        limiter.forgetEndedWindows();
        assertEquals(0, limiter.acquire("c").remaining(), "the current window is kept");
    }
}
