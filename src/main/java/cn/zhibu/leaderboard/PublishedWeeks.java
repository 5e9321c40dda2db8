package cn.zhibu.leaderboard;

import cn.zhibu.leaderboard.LeaderboardViews.Metric;
import cn.zhibu.leaderboard.LeaderboardViews.PersonRow;
import cn.zhibu.leaderboard.LeaderboardViews.UnitRow;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import cn.zhibu.platform.time.IsoWeek;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Publishes a unit's standings of a week once and reads what was published. Publishing holds a
 * transaction-scoped advisory lock on (unit, week) and looks for an existing snapshot first, so a
 * second publisher (another replica's weekly job, a repeated request) waits for the first and gets its
 * snapshot; the unique (unit_id, iso_week) index refuses a second one all the same. The snapshot's rows
 * are never written again: ledger entries of the week it did not contain are counted as revisions when read, from
 * the standings (see {@link PublishedRevisions}).
 */
@ApplicationScoped
public class PublishedWeeks {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PublishedWeeks.class);

    /** Who publishes at the end of each week. */
    public static final String SCHEDULER = "SCHEDULER";

    private final EntityManager em;
    private final LeaderboardService boards;
    private final BusinessCalendar calendar;
    private final StudyLeaders leaders;
    private final PublishedSnapshot snapshot;
    private final PublishedRevisions revisions;
    private final Standings standings;
    private final java.time.Duration catchUpWait;
    private final BoardVisibility visibility;

    PublishedWeeks(EntityManager em, LeaderboardService boards, BusinessCalendar calendar, StudyLeaders leaders,
            PublishedSnapshot snapshot, PublishedRevisions revisions, Standings standings,
            LeaderboardConfig settings, BoardVisibility visibility) {
        this.em = em;
        this.visibility = visibility;
        this.catchUpWait = settings.publishWait();
        this.standings = standings;
        this.snapshot = snapshot;
        this.revisions = revisions;
        this.leaders = leaders;
        this.boards = boards;
        this.calendar = calendar;
    }

    /**
     * Publishes the unit's week unless it is already: the snapshot made, or the one found. Only weeks
     * that have begun can be published, and only once the standings hold every ledger entry of the week and agree
     * with the ledger (see {@link #requireComplete}).
     */
    public PublishedViews.Outcome publish(UUID unitId, IsoWeek week, String by, PageRequest page, Seen seen) {
        if (week.compareTo(calendar.currentWeek()) > 0) {
            throw new ProblemException(LeaderboardProblem.LEADERBOARD_WEEK_IN_FUTURE, week.toString());
        }
        return publish(unitId, week, by, page, catchUpWait, seen);
    }

    /**
     * {@link #publish(UUID, IsoWeek, String, PageRequest)}, waiting up to {@code wait} for the standings to take in the
     * week (the weekly job waits once for all units).
     */
    PublishedViews.Outcome publish(UUID unitId, IsoWeek week, String by, PageRequest page, java.time.Duration wait,
            Seen seen) {
        Optional<PublishedViews.Outcome> published = QuarkusTransaction.joiningExisting().call(() -> {
            LeaderboardService.Unit unit = boards.unit(unitId);
            return header(unitId, week).map(h -> new PublishedViews.Outcome(view(unit, h, page, seen), false));
        });
        if (published.isPresent()) {
            return published.get();
        }
        return inSnapshot(unitId, week, wait, () -> {
            LeaderboardService.Unit unit = boards.unit(unitId);
            Optional<Tuple> existing = header(unitId, week);
            if (existing.isPresent()) {
                return new PublishedViews.Outcome(view(unit, existing.get(), page, seen), false);
            }
            requireComplete(unit, week);
            UUID id = snapshot.freeze(unit, week, by, 1, null);
            if (id == null) { // published meanwhile without the lock's help: theirs stands
                return new PublishedViews.Outcome(view(unit, header(unitId, week).orElseThrow(), page, seen), false);
            }
            if (visibility.of(unitId).unitsPublished()) {
                leaders.propose(id, unitId, week);
            }
            return new PublishedViews.Outcome(view(unit, header(unitId, week).orElseThrow(), page, seen), true);
        });
    }

    /**
     * Publishes the unit's week again, as a new edition with its reason, when the one published was wrong (frozen
     * before its standings were complete): the earlier edition stays, marked superseded, and reads show the new one
     * with its edition number and reason. The week's study leaders are left as they were decided.
     */
    public PublishedViews.Outcome republish(UUID unitId, IsoWeek week, String reason, String by, PageRequest page,
            Seen seen) {
        return inSnapshot(unitId, week, catchUpWait, () -> {
            LeaderboardService.Unit unit = boards.unit(unitId);
            Tuple current = header(unitId, week).orElseThrow(() -> new ProblemException(
                    LeaderboardProblem.LEADERBOARD_WEEK_NOT_PUBLISHED, week.toString()));
            requireComplete(unit, week);
            em.createNativeQuery("update published_week set superseded_at = :at where id = :id")
                    .setParameter("at", calendar.now()).setParameter("id", Rows.uuid(current, "id")).executeUpdate();
            snapshot.freeze(unit, week, by, Rows.integer(current, "edition") + 1, reason);
            return new PublishedViews.Outcome(view(unit, header(unitId, week).orElseThrow(), page, seen), true);
        });
    }

    /**
     * Runs a publication of the unit's week in a transaction of its own at REPEATABLE READ (the datasource's
     * READ COMMITTED stays everyone else's): the people board, the units board and the record of what they held
     * (which revisions are counted against) all come from its one snapshot. The snapshot is taken by the statement
     * that tries the unit's week lock; when another publisher holds the lock, this waits for it to finish outside the
     * snapshot and starts again with a new one. Before each try the standings take in the week's entries (up to
     * {@code wait} in all); a try that finds entries committed since that the standings have not taken in catches up
     * and tries again while {@code wait} lasts, and one that meets a publisher its snapshot could not see (a
     * serialization failure) tries again at once.
     */
    private PublishedViews.Outcome inSnapshot(UUID unitId, IsoWeek week, java.time.Duration wait,
            Supplier<PublishedViews.Outcome> work) {
        long deadline = System.nanoTime() + wait.toNanos();
        int conflicts = 0;
        while (true) {
            // not in a transaction: each of the applier's batches is its own
            standings.catchUp(week, java.time.Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            try {
                Optional<PublishedViews.Outcome> done = QuarkusTransaction.requiringNew().call(() -> {
                    em.createNativeQuery("set transaction isolation level repeatable read").executeUpdate();
                    boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                            .setParameter("lock", lockId(unitId, week)).getSingleResult();
                    return locked ? Optional.of(work.get()) : Optional.<PublishedViews.Outcome>empty();
                });
                if (done.isPresent()) {
                    return done.get();
                }
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("select pg_advisory_xact_lock(:lock)")
                        .setParameter("lock", lockId(unitId, week)).getSingleResult());
            } catch (ProblemException e) {
                if (e.code() != LeaderboardProblem.LEADERBOARD_STANDINGS_PENDING || System.nanoTime() > deadline) {
                    throw e;
                }
            } catch (RuntimeException e) {
                if (!serializationFailure(e) || ++conflicts > 3) {
                    throw e;
                }
            }
        }
    }

    private static boolean serializationFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "40001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refuses to freeze standings that are not complete: the standings applier must have taken in every entry of
     * the week, and the unit's standings must agree with the ledger (each of its people's points and counted
     * entries, and its count of people at each total). A snapshot never changes, so a wrong one would stand.
     */
    private void requireComplete(LeaderboardService.Unit unit, IsoWeek week) {
        // in the publication's snapshot: the applier's position and the standings it wrote agree in it, and the
        // boards frozen next are read from the same standings; the ledger side counts only the entries the applier
        // has passed
        Tuple found = (Tuple) em.createNativeQuery("""
                select
                    (select count(*) from ledger_entry e where e.iso_week = :week and %1$s) as pending,
                    (select count(*) from week_score s
                     cross join lateral (select coalesce(sum(e.points), 0) as points,
                             coalesce(sum(case when e.reverses is null then 1 else -1 end), 0) as entries
                         from ledger_entry e where e.person_id = s.person_id and e.iso_week = s.iso_week
                         and not %1$s) l
                     where s.iso_week = :week and s.unit_ids @> array[cast(:unit as uuid)]
                     and (l.points <> s.points or l.entries <> s.entries)) as people,
                    (select count(*)
                     from (select s.points, count(*) as people from week_score s where s.iso_week = :week
                           and s.entries > 0 and s.unit_ids @> array[cast(:unit as uuid)] group by s.points) k
                     full join (select b.points, sum(b.people) as people from week_bucket b
                                where b.iso_week = :week and b.unit_id = :unit
                                group by b.points having sum(b.people) <> 0) b on b.points = k.points
                     where k.people is distinct from cast(b.people as bigint)) as buckets""".formatted(
                        Standings.PENDING), Tuple.class)
                .setParameter("week", week.toString()).setParameter("unit", unit.id()).getSingleResult();
        long pending = Rows.longValue(found, "pending");
        if (pending > 0) {
            throw new ProblemException(LeaderboardProblem.LEADERBOARD_STANDINGS_PENDING, week.toString(), pending);
        }
        long people = Rows.longValue(found, "people");
        long buckets = Rows.longValue(found, "buckets");
        if (people + buckets > 0) {
            LOG.errorf("Not publishing %s of unit %s: its standings disagree with the ledger (%d people, %d totals)",
                    week, unit.id(), people, buckets);
            throw new ProblemException(LeaderboardProblem.LEADERBOARD_STANDINGS_DISAGREE, week.toString(),
                    people, buckets);
        }
    }

    /** How long a publication waits for the standings to take in every ledger entry of the week. */
    java.time.Duration catchUpWait() {
        return catchUpWait;
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
    public PublishedViews.Published find(UUID unitId, IsoWeek week, PageRequest page, Seen seen) {
        readOnly();
        LeaderboardService.Unit unit = boards.unit(unitId);
        return view(unit, header(unitId, week).orElseThrow(() -> new ProblemException(
                LeaderboardProblem.LEADERBOARD_WEEK_NOT_PUBLISHED, week.toString())), page, seen);
    }

    /** The current edition's revisions of the unit's week, person by person and child unit by child unit. */
    @Transactional
    PublishedRevisions.Changes revisions(UUID unitId, IsoWeek week) {
        readOnly();
        LeaderboardService.Unit unit = boards.unit(unitId);
        UUID id = Rows.uuid(header(unitId, week).orElseThrow(() -> new ProblemException(
                LeaderboardProblem.LEADERBOARD_WEEK_NOT_PUBLISHED, week.toString())), "id");
        return new PublishedRevisions.Changes(id, revisions.people(id, unit, week.toString()),
                revisions.units(id, unit, week.toString()));
    }

    /** The unit's published weeks, newest first. */
    @Transactional
    public PublishedViews.SummaryPage list(UUID unitId, PageRequest page) {
        readOnly();
        boards.unit(unitId);
        String after = page.after().map(a -> " and iso_week < :after").orElse("");
        var query = em.createNativeQuery("select id as id, iso_week as iso_week, published_at as published_at, "
                + "participants as participants from published_week "
                + "where unit_id = :unit and superseded_at is null" + after + " order by iso_week desc limit "
                + page.fetchSize(), Tuple.class)
                .setParameter("unit", unitId);
        page.after().ifPresent(a -> query.setParameter("after", a.get(0)));
        List<Tuple> rows = query.getResultList();
        Page<PublishedViews.Summary> result = page.page(rows, r -> List.of(Rows.string(r, "iso_week")),
                r -> new PublishedViews.Summary(Rows.uuid(r, "id"), Rows.string(r, "iso_week"),
                        Rows.instant(r, "published_at"), Rows.longValue(r, "participants")));
        return new PublishedViews.SummaryPage(unitId, result.items(), result.nextCursor());
    }

    /** The current edition: id, unit_id, iso_week, published_at, published_by, participants, metric, minimum_size,
     * edition, edition_reason. */
    private Optional<Tuple> header(UUID unitId, IsoWeek week) {
        List<Tuple> rows = em.createNativeQuery("select id as id, unit_id as unit_id, iso_week as iso_week, "
                + "published_at as published_at, published_by as published_by, participants as participants, "
                + "metric as metric, minimum_size as minimum_size, edition as edition, edition_reason as edition_reason "
                + "from published_week where unit_id = :unit and iso_week = :week and superseded_at is null",
                Tuple.class)
                .setParameter("unit", unitId).setParameter("week", week.toString()).getResultList();
        return rows.stream().findFirst();
    }

    /**
     * A published edition as read, as the caller may see it now: one page of its people, its units and its
     * revisions (never the ledger). People erased after leaving are named as their person is now (已离开成员), as on
     * live boards.
     */
    private PublishedViews.Published view(LeaderboardService.Unit unit, Tuple header, PageRequest page, Seen seen) {
        UUID id = Rows.uuid(header, "id");
        UUID unitId = Rows.uuid(header, "unit_id");
        String week = Rows.string(header, "iso_week");
        Instant publishedAt = Rows.instant(header, "published_at");
        Metric metric = Metric.valueOf(Rows.string(header, "metric"));
        List<UnitRow> unitRows = seen.shown().unitsPublished() ? units(id, metric) : List.of();
        List<Tuple> people = seen.listsAnyone() ? people(id, week, page, seen.onlyPerson()) : List.of();
        Page<PersonRow> result = page.page(people, r -> List.of(String.valueOf(Rows.integer(r, "position"))), r -> {
            UUID person = Rows.uuid(r, "person_id");
            boolean anonymous = seen.anonymous(false, person, Rows.uuid(r, "branch_id"));
            return new PersonRow(Rows.longValue(r, "rank"), anonymous ? null : person,
                    anonymous ? LeaderboardService.ANONYMOUS : Rows.string(r, "name"), Rows.integer(r, "points"));
        });
        return new PublishedViews.Published(id, unitId, week, publishedAt, Rows.string(header, "published_by"),
                Rows.longValue(header, "participants"), metric, Rows.integer(header, "minimum_size"),
                Rows.integer(header, "edition"), Rows.string(header, "edition_reason"), seen.people(),
                seen.shown().unitBoards(), unitRows, result.items(), result.nextCursor(),
                revisions.summary(id, unit, week));
    }

    private List<UnitRow> units(UUID publishedWeekId, Metric metric) {
        List<Tuple> units = em.createNativeQuery("""
                select rank as rank, unit_id as unit_id, name as name, members as members, participants as participants,
                    total as total, per_member as per_member, participation_rate as participation_rate,
                    below_minimum_size as below_minimum_size
                from published_unit where published_week_id = :id order by position""", Tuple.class)
                .setParameter("id", publishedWeekId).getResultList();
        return units.stream().map(r -> new UnitRow(Rows.integer(r, "rank"), Rows.uuid(r, "unit_id"),
                Rows.string(r, "name"), Rows.longValue(r, "members"), Rows.longValue(r, "participants"),
                Rows.longValue(r, "total"), Rows.doubleValue(r, "per_member"),
                Rows.doubleValue(r, "participation_rate"), Rows.bool(r, "below_minimum_size")).shownFor(metric))
                .toList();
    }

    /** One page of the edition's people (one person's row only, when {@code only} is given), with their branch. */
    private List<Tuple> people(UUID publishedWeekId, String week, PageRequest page, UUID only) {
        String after = page.after().map(a -> " and pp.position > :after").orElse("");
        var query = em.createNativeQuery("""
                select pp.position as position, pp.rank as rank, pp.person_id as person_id,
                    case when p.erased_at is not null then p.name else pp.name end as name, pp.points as points,
                    s.branch_id as branch_id
                from published_person pp
                left join person p on p.id = pp.person_id
                left join week_score s on s.person_id = pp.person_id and s.iso_week = :week
                where pp.published_week_id = :id""" + (only == null ? "" : " and pp.person_id = :only") + after
                + " order by pp.position limit " + page.fetchSize(), Tuple.class)
                .setParameter("id", publishedWeekId).setParameter("week", week);
        if (only != null) {
            query.setParameter("only", only);
        }
        page.after().ifPresent(a -> query.setParameter("after", Integer.parseInt(a.get(0))));
        return query.getResultList();
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
