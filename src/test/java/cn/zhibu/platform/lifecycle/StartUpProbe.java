package cn.zhibu.platform.lifecycle;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.SchedulerResumed;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code zhibu.test.start-up-probe=true} (see {@link JobsAfterStartupTest}): looks at the scheduler at the first
 * and at the last moment of start-up, and schedules a job every second at the first; start-up then takes longer
 * than that second several times over. Does nothing otherwise.
 */
@Singleton
public class StartUpProbe {

    static final Duration SLOW_START_UP = Duration.ofMillis(2500);

    final boolean enabled;
    final Scheduler scheduler;
    final List<Instant> runs = new CopyOnWriteArrayList<>();
    volatile Boolean runningAtFirst;
    volatile Boolean runningAtLast;
    volatile Instant startUpEnded;
    volatile Instant resumed;

    StartUpProbe(@ConfigProperty(name = "zhibu.test.start-up-probe", defaultValue = "false") boolean enabled,
            Scheduler scheduler) {
        this.enabled = enabled;
        this.scheduler = scheduler;
    }

    /** Before every start-up observer of zhibu (the first admin comes at 5, demo data from 10). */
    void first(@Observes @Priority(1) StartupEvent event) {
        if (enabled) {
            runningAtFirst = scheduler.isRunning();
            scheduler.newJob("start-up-probe").setInterval("1s").setTask(execution -> runs.add(Instant.now()))
                    .schedule();
        }
    }

    /** After every other start-up observer but the one that resumes the scheduler. */
    void last(@Observes @Priority(JobsAfterStartup.LAST - 1) StartupEvent event) throws InterruptedException {
        if (enabled) {
            Thread.sleep(SLOW_START_UP.toMillis());
            runningAtLast = scheduler.isRunning();
            startUpEnded = Instant.now();
        }
    }

    void resumed(@Observes SchedulerResumed event) {
        if (enabled && resumed == null) {
            resumed = Instant.now();
        }
    }
}
