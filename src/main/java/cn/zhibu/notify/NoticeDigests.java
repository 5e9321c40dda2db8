package cn.zhibu.notify;

import cn.zhibu.platform.db.ClusterJobs;
import cn.zhibu.platform.notice.Notice;
import cn.zhibu.platform.notice.NoticeDigest;
import cn.zhibu.platform.notice.Notices;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Asks every {@link NoticeDigest} for its notices once a day ({@code zhibu.notify.digest-cron}, on one replica; the
 * weekly ones on Mondays) and raises them, each digest in a transaction of its own. A digest's subjects name the day
 * or week, so a second run on the same day raises nothing new.
 */
@ApplicationScoped
public class NoticeDigests {

    private static final Logger LOG = Logger.getLogger(NoticeDigests.class);

    private final List<NoticeDigest> digests;
    private final Notices notices;
    private final BusinessCalendar calendar;

    NoticeDigests(Instance<NoticeDigest> digests, Notices notices, BusinessCalendar calendar) {
        this.digests = digests.stream().sorted(Comparator.comparing(d -> d.kind().name())).toList();
        this.notices = notices;
        this.calendar = calendar;
    }

    @Scheduled(identity = "notice-digests", cron = "{zhibu.notify.digest-cron}", timeZone = "{zhibu.time-zone}",
            skipExecutionIf = ClusterJobs.ClaimedElsewhere.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        raise(calendar.now(), false);
    }

    /**
     * Raises the digests due at {@code now} (weekly ones only on a Monday, or {@code weeklyToo}); how many notices
     * were raised.
     */
    @ActivateRequestContext
    public int raise(Instant now, boolean weeklyToo) {
        boolean monday = weeklyToo || calendar.dateOf(now).getDayOfWeek() == DayOfWeek.MONDAY;
        int raised = 0;
        for (NoticeDigest digest : digests) {
            if (digest.weekly() && !monday) {
                continue;
            }
            try {
                raised += QuarkusTransaction.requiringNew().call(() -> {
                    List<Notice> collected = digest.collect(now);
                    collected.forEach(notices::raise);
                    return collected.size();
                });
            } catch (RuntimeException e) {
                LOG.errorf(e, "The %s digest failed; the others still run", digest.kind());
            }
        }
        LOG.infof("Notice digests as of %s: %d notices raised", now, raised);
        return raised;
    }
}
