package cn.zhibu.leaderboard;

import cn.zhibu.leaderboard.LeaderboardViews.Metric;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.http.IfMatch;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** How each unit ranks its child units: its own choice of metric, or points per member. */
@ApplicationScoped
public class LeaderboardSettings {

    static final Metric DEFAULT = Metric.POINTS_PER_MEMBER;

    private final EntityManager em;
    private final BusinessCalendar calendar;

    LeaderboardSettings(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    /** The unit's metric: its own choice, or the default. */
    public Metric metricOf(UUID unitId) {
        return find(unitId).metric();
    }

    public LeaderboardViews.Settings find(UUID unitId) {
        List<Tuple> rows = em.createNativeQuery("select metric as metric, version as version from leaderboard_setting "
                + "where unit_id = :u", Tuple.class).setParameter("u", unitId).getResultList();
        return rows.isEmpty() ? new LeaderboardViews.Settings(unitId, DEFAULT, false, 0)
                : new LeaderboardViews.Settings(unitId, Metric.valueOf(Rows.string(rows.get(0), "metric")), true,
                        Rows.longValue(rows.get(0), "version"));
    }

    /**
     * Sets the unit's metric: the first time without If-Match, afterwards with the If-Match of the setting
     * last read (428 without it, 412 when stale). Two first settings at once: one wins, the other is a 409.
     */
    @Transactional
    public LeaderboardViews.Settings choose(UUID unitId, String ifMatch, Metric metric, String by) {
        @SuppressWarnings("unchecked")
        List<Object> stored = em.createNativeQuery("select version from leaderboard_setting where unit_id = :u "
                + "for update").setParameter("u", unitId).getResultList();
        if (stored.isEmpty()) {
            em.createNativeQuery("insert into leaderboard_setting (unit_id, metric, version, updated_by, updated_at) "
                    + "values (:u, :m, 0, :by, :at)").setParameter("u", unitId).setParameter("m", metric.name())
                    .setParameter("by", by).setParameter("at", calendar.now()).executeUpdate();
        } else {
            IfMatch.parse(ifMatch).check(((Number) stored.get(0)).longValue());
            em.createNativeQuery("update leaderboard_setting set metric = :m, version = version + 1, updated_by = :by, "
                    + "updated_at = :at where unit_id = :u").setParameter("u", unitId).setParameter("m", metric.name())
                    .setParameter("by", by).setParameter("at", calendar.now()).executeUpdate();
        }
        return find(unitId);
    }
}
