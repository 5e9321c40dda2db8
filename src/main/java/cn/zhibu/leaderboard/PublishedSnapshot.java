package cn.zhibu.leaderboard;

import cn.zhibu.leaderboard.LeaderboardViews.Metric;
import cn.zhibu.leaderboard.LeaderboardViews.UnitRow;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.platform.time.IsoWeek;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Writes a published week: its header, its people board, what it held of each person of the board (for revisions)
 * and its units board. Called in the publishing transaction, whose one REPEATABLE READ snapshot all of them are read
 * from, so the people board, the units board and the record of what the snapshot held agree with each other whatever
 * the standings applier writes meanwhile.
 */
@ApplicationScoped
public class PublishedSnapshot {

    private final EntityManager em;
    private final LeaderboardService boards;
    private final LeaderboardSettings settings;
    private final BusinessCalendar calendar;

    PublishedSnapshot(EntityManager em, LeaderboardService boards, LeaderboardSettings settings,
            BusinessCalendar calendar) {
        this.em = em;
        this.boards = boards;
        this.settings = settings;
        this.calendar = calendar;
    }

    /** Freezes the unit's standings of the week as an edition: its id, or null when one was made meanwhile. */
    @Transactional(Transactional.TxType.MANDATORY)
    UUID freeze(LeaderboardService.Unit unit, IsoWeek week, String by, int edition, String reason) {
        UUID id = UUID.randomUUID();
        UUID unitId = unit.id();
        // ranked by the unit's own choice of metric when it is published (each row keeps every figure)
        Metric metric = settings.metricOf(unitId);
        int inserted = em.createNativeQuery("""
                insert into published_week (id, unit_id, iso_week, published_at, published_by, participants, metric,
                    minimum_size, edition, edition_reason)
                values (:id, :unit, :week, :at, :by, 0, :metric, 0, :edition, :reason)
                on conflict (unit_id, iso_week) where superseded_at is null do nothing""")
                .setParameter("id", id).setParameter("unit", unitId).setParameter("week", week.toString())
                .setParameter("at", calendar.now()).setParameter("by", by).setParameter("metric", metric.name())
                .setParameter("edition", edition).setParameter("reason", reason)
                .executeUpdate();
        if (inserted == 0) {
            return null;
        }
        long participants = people(id, unit, week);
        standings(id, unit, week);
        LeaderboardViews.UnitsBoard units = boards.unitsCountedNow(unitId, week, metric);
        int position = 0;
        for (UnitRow row : units.items()) {
            em.createNativeQuery("""
                    insert into published_unit (published_week_id, position, rank, unit_id, name, members,
                        participants, total, per_member, participation_rate, below_minimum_size)
                    values (:id, :position, :rank, :unit, :name, :members, :participants, :total, :perMember,
                        :rate, :below)""")
                    .setParameter("id", id).setParameter("position", ++position).setParameter("rank", row.rank())
                    .setParameter("unit", row.unitId()).setParameter("name", row.name())
                    .setParameter("members", row.members()).setParameter("participants", row.participants())
                    .setParameter("total", row.total()).setParameter("perMember", row.perMember())
                    .setParameter("rate", row.participationRate()).setParameter("below", row.belowMinimumSize())
                    .executeUpdate();
        }
        em.createNativeQuery("update published_week set participants = :participants, minimum_size = :size "
                + "where id = :id").setParameter("participants", participants)
                .setParameter("size", units.minimumSize()).setParameter("id", id).executeUpdate();
        return id;
    }

    /** The people board of the week, in board order, into the snapshot; how many there are. */
    private long people(UUID id, LeaderboardService.Unit unit, IsoWeek week) {
        return bind(em.createNativeQuery("""
                insert into published_person (published_week_id, position, rank, person_id, name, points)
                select :id, row_number() over (order by s.points desc, s.reached_at, s.person_id),
                    rank() over (order by s.points desc),
                    case when coalesce(f.anonymous, false) then null else s.person_id end,
                    case when coalesce(f.anonymous, false) then :anonymous else p.name end,
                    s.points
                from week_score s join person p on p.id = s.person_id
                left join leaderboard_preference f on f.person_id = s.person_id
                where s.iso_week = :week and s.entries > 0 and\s""" + PublishedRevisions.board(unit))
                .setParameter("anonymous", LeaderboardService.ANONYMOUS), id, unit, week).executeUpdate();
    }

    /** What the snapshot holds of each person of the board, anonymous or not: the base of its revisions. */
    private void standings(UUID id, LeaderboardService.Unit unit, IsoWeek week) {
        bind(em.createNativeQuery("""
                insert into published_standing (published_week_id, person_id, points, entries)
                select :id, s.person_id, s.points, s.entries from week_score s
                where s.iso_week = :week and s.entries > 0 and\s""" + PublishedRevisions.board(unit)), id, unit, week)
                .executeUpdate();
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, UUID id,
            LeaderboardService.Unit unit, IsoWeek week) {
        query.setParameter("id", id).setParameter("week", week.toString()).setParameter("unit", unit.id());
        if (PublishedRevisions.board(unit).contains(":branch")) {
            query.setParameter("branch", unit.parentId());
        }
        return query;
    }
}
