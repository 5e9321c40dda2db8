package cn.zhibu.platform.lifecycle;

import cn.zhibu.testing.Await;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.SchedulerResumed;
import io.quarkus.scheduler.Trigger;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code zhibu.test.start-up-probe=true} (see {@link JobsAfterStartupTest}): looks at the scheduler at the first
 * and at the last moment of start-up, and schedules a job every second at the first; start-up then lasts
 * until that job has been due twice. Does nothing otherwise.
 */
@Singleton
public class StartUpProbe {

    /** How long after its first due time the probe job waits at the end of start-up: it is due twice meanwhile. */
    static final Duration OVERDUE = Duration.ofMillis(1500);

    final boolean enabled;
    final Scheduler scheduler;
    final Clock clock;
    final List<Instant> runs = new CopyOnWriteArrayList<>();
    volatile Boolean runningAtFirst;
    volatile Boolean runningAtLast;
    volatile Instant startUpEnded;
    volatile Instant resumed;

    StartUpProbe(@ConfigProperty(name = "zhibu.test.start-up-probe", defaultValue = "false") boolean enabled,
            Scheduler scheduler, Clock clock) {
        this.enabled = enabled;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Before every start-up observer of zhibu (the first admin comes at 5, demo data from 10). */
    void first(@Observes @Priority(1) StartupEvent event) {
        if (enabled) {
            runningAtFirst = scheduler.isRunning();
            scheduler.newJob("start-up-probe").setInterval("1s").setTask(execution -> runs.add(clock.instant()))
                    .schedule();
        }
    }

    /** After every other start-up observer but the one that resumes the scheduler. */
    void last(@Observes @Priority(JobsAfterStartup.LAST - 1) StartupEvent event) {
        if (enabled) {
            // start-up lasts until the probe job has been due twice (a halted scheduler does not move its trigger)
            Trigger probe = scheduler.getScheduledJob("start-up-probe");
            Await.until("the probe job overdue by " + OVERDUE, Duration.ofSeconds(30),
                    () -> !probe.getNextFireTime().plus(OVERDUE).isAfter(clock.instant()));
            runningAtLast = scheduler.isRunning();
            startUpEnded = clock.instant();
        }
    }

    void resumed(@Observes SchedulerResumed event) {
        if (enabled && resumed == null) {
            resumed = clock.instant();
        }
    }
}
