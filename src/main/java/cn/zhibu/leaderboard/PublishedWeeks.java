package cn.zhibu.leaderboard;

import cn.zhibu.leaderboard.LeaderboardViews.Metric;
import cn.zhibu.leaderboard.LeaderboardViews.PersonRow;
import cn.zhibu.leaderboard.LeaderboardViews.UnitRow;
import cn.zhibu.platform.db.SqlValues;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.platform.time.IsoWeek;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Publishes a unit's standings of a week once and reads what was published. Publishing holds a
 * transaction-scoped advisory lock on (unit, week) and looks for an existing snapshot first, so a
 * second publisher (another replica's weekly job, a repeated request) waits for the first and gets its
 * snapshot; the unique (unit_id, iso_week) index refuses a second one all the same. The snapshot's rows
 * are never written again: ledger entries of the week made later are counted as revisions when read.
 */
@ApplicationScoped
public class PublishedWeeks {

    /** Who publishes at the end of each week. */
    public static final String SCHEDULER = "SCHEDULER";

    private final EntityManager em;
    private final LeaderboardService boards;
    private final BusinessCalendar calendar;
    private final StudyLeaders leaders;
    private final LeaderboardSettings settings;

    PublishedWeeks(EntityManager em, LeaderboardService boards, BusinessCalendar calendar, StudyLeaders leaders,
            LeaderboardSettings settings) {
        this.em = em;
        this.settings = settings;
        this.leaders = leaders;
        this.boards = boards;
        this.calendar = calendar;
    }

    /**
     * Publishes the unit's week unless it is already: the snapshot made, or the one found. Only weeks
     * that have begun can be published.
     */
    @Transactional
    public PublishedViews.Outcome publish(UUID unitId, IsoWeek week, String by, PageRequest page) {
        if (week.compareTo(calendar.currentWeek()) > 0) {
            throw new ProblemException(LeaderboardProblem.LEADERBOARD_WEEK_IN_FUTURE, week.toString());
        }
        LeaderboardService.Unit unit = boards.unit(unitId);
        em.createNativeQuery("select pg_advisory_xact_lock(:lock)").setParameter("lock", lockId(unitId, week))
                .getSingleResult();
        Optional<Object[]> existing = header(unitId, week);
        if (existing.isPresent()) {
            return new PublishedViews.Outcome(view(existing.get(), page), false);
        }
        UUID id = UUID.randomUUID();
        Instant now = calendar.now();
        // ranked by the unit's own choice of metric when it is published (each row keeps every figure)
        Metric metric = settings.metricOf(unitId);
        int inserted = em.createNativeQuery("""
                insert into published_week (id, unit_id, iso_week, published_at, published_by, participants, metric,
                    minimum_size)
                values (:id, :unit, :week, :at, :by, 0, :metric, 0)
                on conflict (unit_id, iso_week) do nothing""")
                .setParameter("id", id).setParameter("unit", unitId).setParameter("week", week.toString())
                .setParameter("at", now).setParameter("by", by).setParameter("metric", metric.name())
                .executeUpdate();
        if (inserted == 0) { // published meanwhile without the lock's help: theirs stands
            return new PublishedViews.Outcome(view(header(unitId, week).orElseThrow(), page), false);
        }
        long participants = snapshotPeople(id, unit, week);
        LeaderboardViews.UnitsBoard units = boards.units(unitId, week, metric);
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
        leaders.propose(id, unitId, week);
        return new PublishedViews.Outcome(view(header(unitId, week).orElseThrow(), page), true);
    }

    /** The units the weekly job publishes: every branch and committee with a participant that week. */
    @Transactional
    public List<UUID> unitsWithParticipants(IsoWeek week) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("""
                select distinct u.id from week_bucket b join org_unit u on u.id = b.unit_id
                where b.iso_week = :week and u.kind in ('BRANCH', 'COMMITTEE')
                group by u.id, b.points having sum(b.people) > 0
                order by u.id""").setParameter("week", week.toString()).getResultList();
        return ids.stream().map(UUID.class::cast).toList();
    }

    /** The unit's published week, with one page of its people and the revisions since. */
    @Transactional
    public PublishedViews.Published find(UUID unitId, IsoWeek week, PageRequest page) {
        readOnly();
        boards.unit(unitId);
        return view(header(unitId, week).orElseThrow(() -> new ProblemException(
                LeaderboardProblem.LEADERBOARD_WEEK_NOT_PUBLISHED, week.toString())), page);
    }

    /** The unit's published weeks, newest first. */
    @Transactional
    public PublishedViews.SummaryPage list(UUID unitId, PageRequest page) {
        readOnly();
        boards.unit(unitId);
        String after = page.after().map(a -> " and iso_week < :after").orElse("");
        var query = em.createNativeQuery("select id, iso_week, published_at, participants from published_week "
                + "where unit_id = :unit" + after + " order by iso_week desc limit " + page.fetchSize())
                .setParameter("unit", unitId);
        page.after().ifPresent(a -> query.setParameter("after", a.get(0)));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Page<PublishedViews.Summary> result = page.page(rows, r -> List.of((String) r[1]),
                r -> new PublishedViews.Summary((UUID) r[0], (String) r[1], SqlValues.instant(r[2]),
                        ((Number) r[3]).longValue()));
        return new PublishedViews.SummaryPage(unitId, result.items(), result.nextCursor());
    }

    /** The people board of the week, in board order, into the snapshot; how many there are. */
    private long snapshotPeople(UUID id, LeaderboardService.Unit unit, IsoWeek week) {
        String filter = switch (unit.kind()) {
            case "BRANCH" -> "s.branch_id = :unit";
            case "PARTY_GROUP", "DEPARTMENT" -> "s.branch_id = :branch and s.unit_ids @> array[cast(:unit as uuid)]";
            default -> "s.unit_ids @> array[cast(:unit as uuid)]";
        };
        var query = em.createNativeQuery("""
                insert into published_person (published_week_id, position, rank, person_id, name, points)
                select :id, row_number() over (order by s.points desc, s.reached_at, s.person_id),
                    rank() over (order by s.points desc),
                    case when coalesce(f.anonymous, false) then null else s.person_id end,
                    case when coalesce(f.anonymous, false) then :anonymous else p.name end,
                    s.points
                from week_score s join person p on p.id = s.person_id
                left join leaderboard_preference f on f.person_id = s.person_id
                where s.iso_week = :week and s.entries > 0 and\s""" + filter)
                .setParameter("id", id).setParameter("anonymous", LeaderboardService.ANONYMOUS)
                .setParameter("week", week.toString()).setParameter("unit", unit.id());
        if (filter.contains(":branch")) {
            query.setParameter("branch", unit.parentId());
        }
        return query.executeUpdate();
    }

    /** id, unit_id, iso_week, published_at, published_by, participants, metric, minimum_size. */
    private Optional<Object[]> header(UUID unitId, IsoWeek week) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, unit_id, iso_week, published_at, published_by, "
                + "participants, metric, minimum_size from published_week where unit_id = :unit and iso_week = :week")
                .setParameter("unit", unitId).setParameter("week", week.toString()).getResultList();
        return rows.stream().findFirst();
    }

    private PublishedViews.Published view(Object[] header, PageRequest page) {
        UUID id = (UUID) header[0];
        UUID unitId = (UUID) header[1];
        String week = (String) header[2];
        Instant publishedAt = SqlValues.instant(header[3]);
        @SuppressWarnings("unchecked")
        List<Object[]> units = em.createNativeQuery("""
                select rank, unit_id, name, members, participants, total, per_member, participation_rate,
                    below_minimum_size
                from published_unit where published_week_id = :id order by position""")
                .setParameter("id", id).getResultList();
        List<UnitRow> unitRows = units.stream().map(r -> new UnitRow(r[0] == null ? null : ((Number) r[0]).intValue(),
                (UUID) r[1], (String) r[2], ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                ((Number) r[5]).longValue(), ((Number) r[6]).doubleValue(), ((Number) r[7]).doubleValue(),
                (Boolean) r[8])).toList();
        String after = page.after().map(a -> " and position > :after").orElse("");
        var query = em.createNativeQuery("select position, rank, person_id, name, points from published_person "
                + "where published_week_id = :id" + after + " order by position limit " + page.fetchSize())
                .setParameter("id", id);
        page.after().ifPresent(a -> query.setParameter("after", Integer.parseInt(a.get(0))));
        @SuppressWarnings("unchecked")
        List<Object[]> people = query.getResultList();
        Page<PersonRow> result = page.page(people, r -> List.of(String.valueOf(r[0])),
                r -> new PersonRow(((Number) r[1]).longValue(), (UUID) r[2], (String) r[3], ((Number) r[4]).intValue()));
        // what the ledger gained for this board's people since: their entries of the week made later
        Object[] revisions = (Object[]) em.createNativeQuery("""
                select count(*), coalesce(sum(e.points), 0) from ledger_entry e
                where e.iso_week = :week and e.created_at > :at
                and (exists (select 1 from published_person pp where pp.published_week_id = :id
                             and pp.person_id = e.person_id)
                     or exists (select 1 from week_score s where s.iso_week = :week and s.person_id = e.person_id
                                and s.unit_ids @> array[cast(:unit as uuid)]))""")
                .setParameter("week", week).setParameter("at", publishedAt).setParameter("id", id)
                .setParameter("unit", unitId).getSingleResult();
        return new PublishedViews.Published(id, unitId, week, publishedAt, (String) header[4],
                ((Number) header[5]).longValue(), Metric.valueOf((String) header[6]), ((Number) header[7]).intValue(),
                unitRows, result.items(), result.nextCursor(),
                new PublishedViews.Revisions(((Number) revisions[0]).longValue(), ((Number) revisions[1]).longValue()));
    }

    /** The advisory lock of a unit's week: 64 bits of a SHA-256. */
    static long lockId(UUID unitId, IsoWeek week) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("published-week\n" + unitId + "\n" + week).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the calling transaction one consistent, read-only snapshot (its first statement). */
    private void readOnly() {
        em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
    }
}
