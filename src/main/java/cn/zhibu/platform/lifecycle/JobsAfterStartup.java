package cn.zhibu.platform.lifecycle;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * No scheduled job runs before start-up has finished. The scheduler starts halted
 * ({@code quarkus.scheduler.start-mode=halted}): its triggers exist but none fires. Start-up is migrations (before
 * any {@code StartupEvent}), then the {@code StartupEvent} observers in order of priority: the first admin, keys and,
 * with {@code zhibu.demo}, the demo data, each loaded synchronously in its observer. This observer comes last of all
 * and resumes the scheduler.
 *
 * <p>What the pause does to the triggers: an interval job ({@code every}, with or without {@code delayed}) whose
 * first time passed during start-up fires once when resumed, then at its interval; a cron job whose time passed
 * during start-up fires once when resumed (missed times are never run one by one). Jobs that must not overlap
 * another replica's still claim their run ({@code ClusterJobs}).
 */
@Singleton
public class JobsAfterStartup {

    private static final Logger LOG = Logger.getLogger(JobsAfterStartup.class);

    /** After every other start-up observer: nothing may observe {@code StartupEvent} with this priority. */
    public static final int LAST = Integer.MAX_VALUE;

    void resume(@Observes @Priority(LAST) StartupEvent event, Scheduler scheduler) {
        if (!scheduler.isStarted()) {
            return; // no scheduled jobs at all
        }
        scheduler.resume();
        LOG.infof("Start-up finished: %d scheduled jobs run from now on", scheduler.getScheduledJobs().size());
    }
}
