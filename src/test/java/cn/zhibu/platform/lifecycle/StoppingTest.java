package cn.zhibu.platform.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.problem.Problem;
import cn.zhibu.platform.problem.ProblemMappers;
import cn.zhibu.testing.Await;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The phases of a stop: readiness DOWN at once, new requests refused after the delay (or as soon as the shutdown
 * itself runs), and a failure while stopping answered 503 {@code SERVICE_BUSY}, not 500.
 */
class StoppingTest {

    private static Stopping stopping(Duration delay) {
        Scheduler idle = (Scheduler) Proxy.newProxyInstance(Scheduler.class.getClassLoader(),
                new Class<?>[] {Scheduler.class}, (proxy, method, args) -> method.getReturnType() == boolean.class
                        ? Boolean.FALSE : null);
        return new Stopping(Optional.of(delay), null, idle);
    }

    @Test
    void newRequestsAreRefusedOnceTheDelayIsOver() {
        Duration delay = Duration.ofMillis(300);
        Stopping stopping = stopping(delay);
        assertFalse(stopping.stopping());
        assertFalse(stopping.refusing());
        long began = System.nanoTime();
        stopping.begin(new ShutdownDelayInitiatedEvent());
        assertTrue(stopping.stopping(), "readiness is DOWN at once");
        boolean refusing = stopping.refusing();
        long elapsed = System.nanoTime() - began;
        assertTrue(elapsed >= delay.toNanos() || !refusing, "requests are still served during the delay");
        Await.until("refusing", Duration.ofSeconds(30), stopping::refusing);
        assertTrue(System.nanoTime() - began >= delay.toNanos(), "refused only once the delay is over");
    }

    @Test
    void theShutdownItselfRefusesAtOnce() {
        Stopping stopping = stopping(Duration.ofSeconds(30));
        stopping.begin(new ShutdownDelayInitiatedEvent());
        stopping.drained(new ShutdownEvent());
        assertTrue(stopping.refusing());
        Stopping withoutDelay = stopping(Duration.ZERO); // quarkus.shutdown.delay-enabled off: no event before
        withoutDelay.drained(new ShutdownEvent());
        assertTrue(withoutDelay.stopping() && withoutDelay.refusing());
    }

    @Test
    void aFailureWhileStoppingIsAnsweredBusyNotAsAnInternalError() throws ReflectiveOperationException {
        RuntimeException closed = new IllegalStateException("EntityManagerFactory is closed");
        ProblemMappers mappers = new ProblemMappers();
        var field = ProblemMappers.class.getDeclaredField("stopping");
        field.setAccessible(true);
        Stopping stopping = stopping(Duration.ZERO);
        field.set(mappers, stopping);
        assertEquals(500, mappers.internal(closed, null, null).getStatus(), "a failure while serving is a bug");
        stopping.begin(new ShutdownDelayInitiatedEvent());
        Response busy = mappers.internal(closed, null, null);
        assertEquals(503, busy.getStatus());
        assertEquals("SERVICE_BUSY", ((Problem) busy.getEntity()).code());
        assertEquals("1", String.valueOf(busy.getHeaders().getFirst("Retry-After")));
    }
}
