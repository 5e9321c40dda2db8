package cn.zhibu.leaderboard;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.time.IsoWeek;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Keeps the weekly standings (tables week_score and week_bucket) from the ledger, outside the transactions that
 * write it: a check-in writes its own rows and nothing shared by other people, and the applier brings the
 * standings up to date a moment later. It takes the ledger in order (the writing transaction's id, then a
 * sequence; only entries of transactions that have all ended, so none can appear later behind its position),
 * in batches of {@link #BATCH}, and moves its position (table standings_position) in the same transaction as the
 * changes it applies: each entry is applied exactly once, whatever crashes. The position row's lock makes one
 * applier run at a time across replicas; every replica's applier tries every {@code zhibu.leaderboards.applier-every},
 * and the one that gets the lock applies. Each bucket is kept in {@link #SHARDS} rows, a person's always in the
 * same one (rows from before the applier may still be shared); readers sum a bucket's shards.
 *
 * <p>Others' boards may lag by the applier's delay ({@code zhibu_standings_lag_seconds} and
 * {@code zhibu_standings_lag_entries} in /q/metrics); a person's own figures read the ledger itself.
 */
@ApplicationScoped
public class Standings {

    private static final Logger LOG = Logger.getLogger(Standings.class);

    /**
     * The units a person ({@code :person}) belongs to now and every unit above them, as {@code up.id} (text):
     * the units whose boards count them.
     */
    static final String UNITS_NOW = """
            from membership m join org_unit u on u.id = m.org_unit_id
            cross join lateral unnest(string_to_array(trim(both '/' from u.path), '/')) as up(id)
            where m.person_id = :person and m.end_date is null""";

    /** How many rows each bucket is split into (week_bucket.shard is 0 to 15). */
    static final int SHARDS = 16;
    /** The most ledger entries one applier transaction takes. */
    static final int BATCH = 1_000;
    /** How often the applier measures its lag for /q/metrics. */
    private static final long LAG_EVERY_NANOS = Duration.ofSeconds(1).toNanos();
    /** Entries after the applier's position, as a condition on ledger_entry {@code e}. */
    static final String PENDING = "(e.tx, e.seq) > (select p.tx, p.seq from standings_position p where p.id = 1)";

    private final EntityManager em;
    private final Duration every;
    private final AtomicLong lagEntries = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private long lagMeasuredAt;
    private volatile Thread applier;
    private volatile boolean running;

    Standings(EntityManager em, MeterRegistry metrics, LeaderboardConfig settings) {
        this.em = em;
        this.every = settings.applierEvery();
        Gauge.builder("zhibu.standings.lag.entries", lagEntries, AtomicLong::get)
                .description("Ledger entries not yet in the weekly standings (as this replica last saw)")
                .register(metrics);
        Gauge.builder("zhibu.standings.lag.seconds", lagMillis, m -> m.get() / 1000.0)
                .description("Age of the oldest ledger entry not yet in the weekly standings (as this replica last saw)")
                .register(metrics);
    }

    /** Starts this replica's applier once start-up (migrations, demo data) is over. */
    void start(@Observes @Priority(Integer.MAX_VALUE - 100) StartupEvent event) {
        running = true;
        Thread thread = new Thread(this::run, "standings-applier");
        thread.setDaemon(true);
        applier = thread;
        thread.start();
    }

    /** Stops the applier before the database goes (a batch under way commits or rolls back whole). */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        Thread thread = applier;
        if (thread != null) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    private void run() {
        while (running) {
            try {
                int applied = apply();
                if (System.nanoTime() - lagMeasuredAt > LAG_EVERY_NANOS) {
                    measureLag();
                    lagMeasuredAt = System.nanoTime();
                }
                if (applied < BATCH) {
                    Thread.sleep(every.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) { // the database is away for a moment, or the batch failed: try again
                if (running) {
                    LOG.warnf("Applying the ledger to the weekly standings failed; trying again: %s", e.getMessage());
                    try {
                        Thread.sleep(Math.max(1000, every.toMillis()));
                    } catch (InterruptedException stopped) {
                        return;
                    }
                }
            }
        }
    }

    /**
     * Applies every entry committed before this call (and any committed meanwhile), waiting for another replica's
     * applier when it holds the position; false when that took longer than {@code wait}.
     */
    public boolean catchUp(Duration wait) {
        return catchUp(null, wait);
    }

    /** {@link #catchUp(Duration)} for the entries of one week (all weeks: null). */
    public boolean catchUp(IsoWeek week, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            int applied = apply();
            if (applied < BATCH && pending(week) == 0) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (applied < BATCH) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /** One batch in a transaction of its own: how many entries it applied; -1 when another applier holds the position. */
    int apply() {
        return QuarkusTransaction.requiringNew().call(this::applyBatch);
    }

    /** Entries after the applier's position (of the week, when given): committed but not yet in the standings. */
    long pending(IsoWeek week) {
        return ((Number) QuarkusTransaction.joiningExisting().call(() -> {
            var query = em.createNativeQuery("select count(*) from ledger_entry e where " + PENDING
                    + (week == null ? "" : " and e.iso_week = :week"));
            if (week != null) {
                query.setParameter("week", week.toString());
            }
            return query.getSingleResult();
        })).longValue();
    }

    private void measureLag() {
        Tuple lag = QuarkusTransaction.requiringNew().call(() -> (Tuple) em.createNativeQuery("""
                select count(*) as entries,
                    coalesce(extract(epoch from clock_timestamp() - min(e.created_at)) * 1000, 0) as millis
                from ledger_entry e where\s""" + PENDING, Tuple.class).getSingleResult());
        lagEntries.set(Rows.longValue(lag, "entries"));
        lagMillis.set(Math.max(0, Rows.longValue(lag, "millis")));
    }

    /** A person's change in one week, summed over a batch. */
    private static final class Change {
        int points;
        int entries;
        Instant reachedAt;
    }

    private record PersonWeek(String week, UUID person) implements Comparable<PersonWeek> {
        @Override
        public int compareTo(PersonWeek o) {
            int byWeek = week.compareTo(o.week);
            return byWeek != 0 ? byWeek : person.compareTo(o.person);
        }
    }

    private record Bucket(String week, UUID unit, int points, int shard) implements Comparable<Bucket> {
        @Override
        public int compareTo(Bucket o) {
            int c = week.compareTo(o.week);
            c = c != 0 ? c : unit.compareTo(o.unit);
            c = c != 0 ? c : Integer.compare(points, o.points);
            return c != 0 ? c : Integer.compare(shard, o.shard);
        }
    }

    private int applyBatch() {
        // a look without a lock first: an idle applier costs one read, no lock, no transaction id, no commit flush
        boolean ready = (Boolean) em.createNativeQuery("select exists (select 1 from ledger_entry e where " + PENDING
                + " and e.tx < pg_snapshot_xmin(pg_current_snapshot()))").getSingleResult();
        if (!ready) {
            return 0;
        }
        List<Tuple> position = em.createNativeQuery("select cast(tx as text) as tx, seq as seq from standings_position "
                + "where id = 1 for update skip locked", Tuple.class).getResultList();
        if (position.isEmpty()) {
            return -1;
        }
        List<Tuple> entries = em.createNativeQuery("""
                select e.person_id as person_id, e.iso_week as iso_week, e.points as points,
                    e.reverses is not null as reversal, e.created_at as created_at, cast(e.tx as text) as tx, e.seq as seq
                from ledger_entry e
                where (e.tx, e.seq) > (cast(:tx as xid8), :seq) and e.tx < pg_snapshot_xmin(pg_current_snapshot())
                order by e.tx, e.seq limit\s""" + BATCH, Tuple.class)
                .setParameter("tx", Rows.string(position.get(0), "tx"))
                .setParameter("seq", Rows.longValue(position.get(0), "seq")).getResultList();
        if (entries.isEmpty()) {
            return 0;
        }
        Map<PersonWeek, Change> changes = new TreeMap<>();
        for (Tuple e : entries) {
            Change change = changes.computeIfAbsent(
                    new PersonWeek(Rows.string(e, "iso_week"), Rows.uuid(e, "person_id")), k -> new Change());
            int points = Rows.integer(e, "points");
            change.points += points;
            change.entries += Rows.bool(e, "reversal") ? -1 : 1;
            // when the person reached their total: the latest entry that moved it (ledger order is not time order)
            Instant at = Rows.instant(e, "created_at");
            if (change.reachedAt == null || (points != 0 && at.isAfter(change.reachedAt))) {
                change.reachedAt = at;
            }
        }
        writeBuckets(moves(changes));
        Tuple last = entries.get(entries.size() - 1);
        em.createNativeQuery("update standings_position set tx = cast(:tx as xid8), seq = :seq, "
                + "applied_at = clock_timestamp(), applied = applied + :n where id = 1")
                .setParameter("tx", Rows.string(last, "tx")).setParameter("seq", Rows.longValue(last, "seq"))
                .setParameter("n", entries.size())
                .executeUpdate();
        return entries.size();
    }

    /**
     * Adds the batch's changes to the people's rows of their weeks (one statement; a row is created with the person's
     * units now and every unit above them), and answers the people's moves between totals on each of their boards:
     * out of the bucket of their old total, into that of the new one.
     */
    private Map<Bucket, Integer> moves(Map<PersonWeek, Change> changes) {
        List<PersonWeek> keys = new ArrayList<>(changes.keySet());
        List<Tuple> rows = em.createNativeQuery("""
                insert into week_score as s (iso_week, person_id, branch_id, unit_ids, points, entries, reached_at)
                select i.iso_week, i.person_id,
                    (select m.org_unit_id from membership m where m.person_id = i.person_id and m.is_branch
                     and m.end_date is null),
                    coalesce((select array_agg(distinct cast(up.id as uuid)) """ + UNITS_NOW.replace(":person",
                        "i.person_id") + """
                              ), cast('{}' as uuid[])),
                    i.points, i.entries, i.reached_at
                from unnest(cast(:weeks as varchar[]), cast(:people as uuid[]), cast(:points as integer[]),
                    cast(:entries as integer[]), cast(:ats as timestamptz[]))
                    as i(iso_week, person_id, points, entries, reached_at)
                order by i.iso_week, i.person_id
                on conflict (iso_week, person_id) do update
                    set points = s.points + excluded.points, entries = s.entries + excluded.entries,
                        reached_at = case when excluded.points <> 0 then greatest(s.reached_at, excluded.reached_at)
                            else s.reached_at end
                returning s.iso_week as iso_week, s.person_id as person_id, s.points as points, s.entries as entries,
                    cast(s.unit_ids as text) as unit_ids""", Tuple.class)
                .setParameter("weeks", array(keys, PersonWeek::week))
                .setParameter("people", array(keys, k -> k.person().toString()))
                .setParameter("points", array(keys, k -> String.valueOf(changes.get(k).points)))
                .setParameter("entries", array(keys, k -> String.valueOf(changes.get(k).entries)))
                .setParameter("ats", array(keys, k -> changes.get(k).reachedAt.toString()))
                .getResultList();
        Map<Bucket, Integer> buckets = new TreeMap<>();
        for (Tuple row : rows) {
            PersonWeek key = new PersonWeek(Rows.string(row, "iso_week"), Rows.uuid(row, "person_id"));
            Change change = changes.get(key);
            int points = Rows.integer(row, "points");
            int count = Rows.integer(row, "entries");
            String units = Rows.string(row, "unit_ids");
            int before = points - change.points;
            boolean was = count - change.entries > 0;
            boolean is = count > 0;
            if (units.equals("{}") || (was == is && before == points)) {
                continue;
            }
            int shard = shard(key.person());
            for (String unit : units.substring(1, units.length() - 1).split(",")) {
                UUID id = UUID.fromString(unit);
                if (was) {
                    buckets.merge(new Bucket(key.week(), id, before, shard), -1, Integer::sum);
                }
                if (is) {
                    buckets.merge(new Bucket(key.week(), id, points, shard), 1, Integer::sum);
                }
            }
        }
        return buckets;
    }

    /** Every bucket change of the batch in one statement, in a fixed order. */
    private void writeBuckets(Map<Bucket, Integer> buckets) {
        List<Map.Entry<Bucket, Integer>> moves = new ArrayList<>(buckets.entrySet());
        moves.removeIf(m -> m.getValue() == 0);
        if (moves.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                insert into week_bucket as b (iso_week, unit_id, points, shard, people)
                select * from unnest(cast(:weeks as varchar[]), cast(:units as uuid[]), cast(:points as integer[]),
                    cast(:shards as smallint[]), cast(:people as integer[]))
                on conflict (iso_week, unit_id, points, shard) do update set people = b.people + excluded.people""")
                .setParameter("weeks", array(moves, m -> m.getKey().week()))
                .setParameter("units", array(moves, m -> m.getKey().unit().toString()))
                .setParameter("points", array(moves, m -> String.valueOf(m.getKey().points())))
                .setParameter("shards", array(moves, m -> String.valueOf(m.getKey().shard())))
                .setParameter("people", array(moves, m -> String.valueOf(m.getValue())))
                .executeUpdate();
    }

    /** A PostgreSQL array literal of plain values (ISO weeks, uuids, numbers, instants: nothing to quote). */
    private static <T> String array(List<T> items, java.util.function.Function<T, String> value) {
        return items.stream().map(value).collect(Collectors.joining(",", "{", "}"));
    }

    /** The shard of a person's bucket rows: the same for every credit of theirs. */
    static int shard(UUID person) {
        return Math.floorMod(person.hashCode(), SHARDS);
    }
}
