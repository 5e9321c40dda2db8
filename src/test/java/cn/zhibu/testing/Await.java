package cn.zhibu.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Waiting for a condition, with a deadline: the wait ends as soon as the condition holds, and fails with the
 * condition's last state when the deadline passes. A slow machine makes the wait longer, never the check weaker.
 */
public final class Await {

    /** How often the condition is looked at. */
    public static final Duration POLL = Duration.ofMillis(25);

    private Await() {
    }

    /** Waits until the condition holds; an {@link AssertionError} naming {@code what} after the timeout. */
    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        value(what, timeout, condition, Boolean.TRUE::equals, () -> "");
    }

    /**
     * Waits until {@code ready} accepts the value {@code read} answers, and answers that value; after the timeout an
     * {@link AssertionError} naming {@code what} and telling {@code state}.
     */
    public static <T> T value(String what, Duration timeout, Callable<T> read, java.util.function.Predicate<T> ready,
            Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value;
            try {
                value = read.call();
            } catch (Exception e) {
                throw new AssertionError("while waiting until " + what + ": " + e.getMessage(), e);
            }
            if (ready.test(value)) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not " + what + " within " + timeout + " (last: " + value + ") "
                        + state.get());
            }
            pause();
        }
    }

    /** One poll interval. */
    public static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
