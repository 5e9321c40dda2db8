package cn.zhibu.platform.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.testing.Await;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scheduler is halted through the whole start-up and resumed after its last observer: a job due every second
 * does not run while start-up takes seconds, and runs once it is over. The weekly publication's catch-up is a job of
 * this same scheduler, so it cannot run before start-up ends either.
 */
@QuarkusTest
@TestProfile(JobsAfterStartupTest.Probed.class)
class JobsAfterStartupTest {

    /** The start-up probe on, and the catch-up (off in the other tests) on. */
    public static class Probed implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zhibu.test.start-up-probe", "true", "zhibu.leaderboards.catch-up-every", "1h");
        }
    }

    @Inject
    Scheduler scheduler;
    @Inject
    StartUpProbe probe;

    @Test
    void noScheduledJobRunsBeforeStartUpHasFinished() {
        assertEquals(Boolean.FALSE, probe.runningAtFirst, "the scheduler is halted when start-up begins");
        assertEquals(Boolean.FALSE, probe.runningAtLast, "and still halted after every other start-up observer");
        assertNotNull(probe.resumed, "then it was resumed");
        assertFalse(probe.resumed.isBefore(probe.startUpEnded), "after start-up ended");
        assertNotNull(scheduler.getScheduledJob("publish-weeks-catch-up"),
                "the publication catch-up is a job of this scheduler");

        assertTrue(scheduler.isRunning(), "the scheduler runs after start-up");
        Await.until("the job due every second ran after start-up", Duration.ofSeconds(10),
                () -> !probe.runs.isEmpty());
        Instant first = probe.runs.get(0);
        assertFalse(first.isBefore(probe.startUpEnded), "a job due every second since start-up began ran only after "
                + "start-up ended (once it had been due twice): first run " + first
                + ", start-up ended " + probe.startUpEnded);
    }
}
