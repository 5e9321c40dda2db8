package cn.zhibu.leaderboard;

import cn.zhibu.platform.db.ClusterJobs;
import cn.zhibu.platform.paging.Pagination;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.platform.time.IsoWeek;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Publishes the week that just ended at Monday 00:00 in the business zone, for every branch and committee
 * with a participant that week and its weekly publication on (a week without any publishes nothing). One replica
 * runs it (see {@link ClusterJobs}); and were two to run it, each unit's week is published in a transaction of its
 * own under the publisher's lock, so it is published once and the other finds it done.
 */
@ApplicationScoped
public class WeeklyPublication {

    private static final Logger LOG = Logger.getLogger(WeeklyPublication.class);

    private final PublishedWeeks weeks;
    private final BusinessCalendar calendar;
    private final Pagination pagination;
    private final Standings standings;
    private final BoardVisibility visibility;

    WeeklyPublication(PublishedWeeks weeks, BusinessCalendar calendar, Pagination pagination, Standings standings,
            BoardVisibility visibility) {
        this.standings = standings;
        this.visibility = visibility;
        this.weeks = weeks;
        this.calendar = calendar;
        this.pagination = pagination;
    }

    @Scheduled(identity = "publish-weeks", cron = "0 0 0 ? * MON", timeZone = "{zhibu.time-zone}",
            skipExecutionIf = ClusterJobs.ClaimedElsewhere.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishLastWeek() {
        // the week that was current twelve hours ago: the one that just ended, whether the trigger fires a
        // moment early or hours late
        publishWeek(calendar.weekOf(calendar.now().minus(Duration.ofHours(12))));
    }

    /**
     * Catches up on last week when no replica ran at Monday 00:00 (or a unit's publication failed then):
     * a minute after start and then every {@code zhibu.leaderboards.catch-up-every}, the units of last week
     * with participants and no snapshot are published. Those published already cost one look-up each.
     */
    @Scheduled(identity = "publish-weeks-catch-up", every = "{zhibu.leaderboards.catch-up-every}", delayed = "1m",
            skipExecutionIf = ClusterJobs.ClaimedElsewhere.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void catchUp() {
        publishWeek(calendar.currentWeek().previous());
    }

    /** The branches and committees with a participant in the week whose weekly publication is on. */
    List<UUID> unitsToPublish(IsoWeek week) {
        return weeks.unitsWithParticipants(week).stream().filter(unit -> visibility.of(unit).weeklyPublication())
                .toList();
    }

    /**
     * Publishes the week for every branch and committee with a participant whose weekly publication is on (its
     * board visibility); the units this call published
     * (not those found published already). Throws after trying every unit when any failed.
     */
    public List<UUID> publishWeek(IsoWeek week) {
        // the units with participants as the standings know them once they hold every entry of the week
        standings.catchUp(week, weeks.catchUpWait());
        List<UUID> published = new ArrayList<>();
        List<UUID> failed = new ArrayList<>();
        for (UUID unit : unitsToPublish(week)) {
            try {
                if (weeks.publish(unit, week, PublishedWeeks.SCHEDULER,
                        pagination.request("1", null, "published-week"), Duration.ZERO, Seen.EVERYTHING).created()) {
                    published.add(unit);
                }
            } catch (RuntimeException e) { // one unit's failure does not keep the others unpublished
                LOG.errorf(e, "Publishing %s of unit %s failed", week, unit);
                failed.add(unit);
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("publishing " + week + " failed for units " + failed);
        }
        if (!published.isEmpty()) {
            LOG.infof("Published %s for %d units", week, published.size());
        }
        return published;
    }
}
