package cn.zhibu.exports;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * The export jobs in table {@code export_job}: asked for (an identical one queued or running is answered instead),
 * claimed by one replica's worker, their progress, their end, their files (table {@code export_file}) and their
 * expiry; each request and download audited in {@code export_audit}.
 */
@ApplicationScoped
public class ExportJobs {

    private static final String COLUMNS = "j.id as id, j.unit_id as unit_id, j.year as year, "
            + "array_to_string(j.sections, ',') as sections, j.state as state, j.percent as percent, "
            + "j.current_section as current_section, j.requested_by as requested_by, j.attempts as attempts, "
            + "j.created_at as created_at, j.started_at as started_at, j.finished_at as finished_at, "
            + "j.expires_at as expires_at, j.error as error, j.sha256 as sha256, j.bytes as bytes, "
            + "j.version as version";

    private final EntityManager em;
    private final BusinessCalendar calendar;

    ExportJobs(EntityManager em, BusinessCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    /** A job asked for: whether this request made it, or joined an identical one already queued or running. */
    public record Asked(ExportViews.Job job, boolean created) {
    }

    /** The sections sorted (the workbook's order) and each once. */
    static List<ExportSection> normalise(Collection<ExportSection> sections) {
        return sections.stream().distinct().sorted().toList();
    }

    /** Queues the export, or answers the identical one queued or running; audited either way. */
    @Transactional
    public Asked ask(UUID unitId, int year, List<ExportSection> requested, String by) {
        List<ExportSection> sections = normalise(requested);
        String key = sections.stream().map(Enum::name).collect(Collectors.joining(","));
        Instant now = calendar.now();
        for (int round = 0; round < 3; round++) {
            UUID id = UUID.randomUUID();
            @SuppressWarnings("unchecked")
            List<UUID> made = em.createNativeQuery("""
                    insert into export_job (id, unit_id, year, sections, requested_by, created_at, state, percent,
                        attempts, version)
                    values (:id, :unit, :year, cast(string_to_array(:sections, ',') as varchar(32)[]), :by, :now,
                        'QUEUED', 0, 0, 1)
                    on conflict (unit_id, year, sections) where state in ('QUEUED', 'RUNNING') do nothing
                    returning id""").setParameter("id", id).setParameter("unit", unitId)
                    .setParameter("year", year).setParameter("sections", key).setParameter("by", by)
                    .setParameter("now", now).getResultList();
            Optional<ExportViews.Job> job = made.isEmpty() ? running(unitId, year, key) : find(id);
            if (job.isPresent()) {
                audit(job.get(), made.isEmpty() ? "JOINED" : "REQUESTED", by, now);
                return new Asked(job.get(), !made.isEmpty());
            }
            // the identical one ended between the two statements: ask again
        }
        throw new IllegalStateException("an identical export kept ending while this one was asked for");
    }

    private Optional<ExportViews.Job> running(UUID unitId, int year, String sections) {
        return one("where j.unit_id = :unit and j.year = :year and j.sections = cast(string_to_array(:sections, ',') "
                + "as varchar(32)[]) and j.state in ('QUEUED', 'RUNNING')", q -> q.setParameter("unit", unitId)
                .setParameter("year", year).setParameter("sections", sections));
    }

    public Optional<ExportViews.Job> find(UUID id) {
        return one("where j.id = :id", q -> q.setParameter("id", id));
    }

    @SuppressWarnings("unchecked")
    private Optional<ExportViews.Job> one(String where, java.util.function.Consumer<jakarta.persistence.Query> bind) {
        jakarta.persistence.Query query = em.createNativeQuery("select " + COLUMNS + " from export_job j " + where,
                Tuple.class);
        bind.accept(query);
        List<Tuple> rows = query.getResultList();
        return rows.stream().findFirst().map(this::view);
    }

    /**
     * The exports of units within the reach, the latest first; those with INTEGRITY_COUNTS only within the
     * integrity reach too.
     */
    @SuppressWarnings("unchecked")
    public Page<ExportViews.Job> list(Access.Reach reach, Access.Reach integrity, PageRequest page) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from export_job j join org_unit u on u.id = "
                + "j.unit_id where true");
        if (!reach.everywhere()) {
            // the units bound as one parameter: the SQL's text stays the same whoever asks
            sql.append(" and u.path like any(string_to_array(:patterns, ','))");
        }
        if (!integrity.everywhere()) {
            sql.append(" and (not 'INTEGRITY_COUNTS' = any(j.sections) or u.path like any(string_to_array("
                    + ":integrity, ',')))");
        }
        page.after().ifPresent(a -> sql.append(" and (j.created_at, j.id) < (cast(:at as timestamptz), "
                + "cast(:after as uuid))"));
        sql.append(" order by j.created_at desc, j.id desc limit :limit");
        jakarta.persistence.Query query = em.createNativeQuery(sql.toString(), Tuple.class)
                .setParameter("limit", page.fetchSize());
        if (!reach.everywhere()) {
            query.setParameter("patterns", patterns(reach));
        }
        if (!integrity.everywhere()) {
            query.setParameter("integrity", patterns(integrity));
        }
        page.after().ifPresent(a -> query.setParameter("at", a.get(0)).setParameter("after", a.get(1)));
        List<Tuple> rows = query.getResultList();
        return page.page(rows.stream().map(this::view).toList(),
                j -> List.of(j.createdAt().toInstant().toString(), j.id().toString()), j -> j);
    }

    /** The reach's subtrees as path patterns, comma separated (none: empty, which matches nothing). */
    private static String patterns(Access.Reach reach) {
        return reach.unitIds().stream().map(u -> "%/" + u + "/%").collect(Collectors.joining(","));
    }

    /** Records who asked for, joined or downloaded an export. */
    @Transactional
    public void audit(ExportViews.Job job, String action, String actor, Instant at) {
        em.createNativeQuery("insert into export_audit (id, job_id, action, unit_id, year, sections, actor, at) "
                + "values (:id, :job, :action, :unit, :year, cast(string_to_array(:sections, ',') as varchar(32)[]), "
                + ":actor, :at)").setParameter("id", UUID.randomUUID()).setParameter("job", job.id())
                .setParameter("action", action).setParameter("unit", job.unitId()).setParameter("year", job.year())
                .setParameter("sections", job.sections().stream().map(Enum::name).collect(Collectors.joining(",")))
                .setParameter("actor", actor).setParameter("at", at).executeUpdate();
    }

    /**
     * Claims the oldest queued export, or a running one whose claim ran out (its replica gone: it runs again from
     * scratch); first fails those whose claim ran out after their last attempt. The claimed job, if any.
     */
    @Transactional
    public Optional<ExportViews.Job> claim(String replica, Instant now, java.time.Duration lease, int maxAttempts) {
        return take("", replica, now, lease, maxAttempts, null);
    }

    /** Claims this export if it waits (queued, or its claim ran out), after failing as {@link #claim} does. */
    @Transactional
    public Optional<ExportViews.Job> claim(UUID id, String replica, Instant now, java.time.Duration lease,
            int maxAttempts) {
        return take("and id = :id ", replica, now, lease, maxAttempts, id);
    }

    private Optional<ExportViews.Job> take(String which, String replica, Instant now, java.time.Duration lease,
            int maxAttempts, UUID id) {
        em.createNativeQuery("update export_job set state = 'FAILED', finished_at = :now, claimed_by = null, "
                + "lease_until = null, current_section = null, version = version + 1, error = 'the replica running it "
                + "stopped ' || attempts || ' times; ask again' where state = 'RUNNING' and lease_until < :now "
                + "and attempts >= :max").setParameter("now", now).setParameter("max", maxAttempts).executeUpdate();
        jakarta.persistence.Query query = em.createNativeQuery("""
                update export_job set state = 'RUNNING', attempts = attempts + 1, claimed_by = :me,
                    lease_until = :until, started_at = :now, percent = 0, current_section = null,
                    version = version + 1
                where id = (select id from export_job where (state = 'QUEUED' or (state = 'RUNNING'
                    and lease_until < :now)) %sorder by created_at, id limit 1 for update skip locked)
                returning id""".formatted(which)).setParameter("me", replica).setParameter("until", now.plus(lease))
                .setParameter("now", now);
        if (id != null) {
            query.setParameter("id", id);
        }
        @SuppressWarnings("unchecked")
        List<UUID> claimed = query.getResultList();
        return claimed.stream().findFirst().flatMap(this::find);
    }

    /** Tells how far a claimed job has come and renews its claim; false when the claim was lost. */
    @Transactional
    public boolean progress(UUID id, String replica, ExportSection section, int percent, Instant now,
            java.time.Duration lease) {
        return em.createNativeQuery("update export_job set current_section = :section, percent = :percent, "
                + "lease_until = :until, version = version + 1 where id = :id and state = 'RUNNING' "
                + "and claimed_by = :me").setParameter("section", section == null ? null : section.name())
                .setParameter("percent", percent).setParameter("until", now.plus(lease)).setParameter("id", id)
                .setParameter("me", replica).executeUpdate() == 1;
    }

    /** Stores the ZIP (streamed from the file) and marks the job DONE; false when the claim was lost meanwhile. */
    @Transactional
    public boolean done(UUID id, String replica, Path zip, String sha256, Instant now, Instant expiresAt) {
        int updated = em.createNativeQuery("update export_job set state = 'DONE', percent = 100, current_section = "
                + "null, claimed_by = null, lease_until = null, finished_at = :now, expires_at = :expires, "
                + "sha256 = :sha, bytes = :bytes, error = null, version = version + 1 where id = :id "
                + "and state = 'RUNNING' and claimed_by = :me").setParameter("now", now)
                .setParameter("expires", expiresAt).setParameter("sha", sha256).setParameter("bytes", size(zip))
                .setParameter("id", id).setParameter("me", replica).executeUpdate();
        if (updated == 0) {
            return false;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement("insert into export_file (job_id, content) values (?, ?)");
                    InputStream in = Files.newInputStream(zip)) {
                insert.setObject(1, id);
                insert.setBinaryStream(2, in, size(zip));
                insert.executeUpdate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return true;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Marks a claimed job FAILED with the reason. */
    @Transactional
    public void failed(UUID id, String replica, String error, Instant now) {
        em.createNativeQuery("update export_job set state = 'FAILED', current_section = null, claimed_by = null, "
                + "lease_until = null, finished_at = :now, error = :error, version = version + 1 where id = :id "
                + "and state = 'RUNNING' and claimed_by = :me").setParameter("now", now)
                .setParameter("error", error.length() > 200 ? error.substring(0, 200) : error).setParameter("id", id)
                .setParameter("me", replica).executeUpdate();
    }

    /** Deletes the files of exports kept past their time and marks them EXPIRED; how many. */
    @Transactional
    public int expire(Instant now) {
        // one statement, its text the same however many expire
        return ((Number) em.createNativeQuery("""
                with expired as (update export_job set state = 'EXPIRED', version = version + 1
                    where state = 'DONE' and expires_at <= :now returning id),
                deleted as (delete from export_file where job_id in (select id from expired) returning job_id)
                select count(*) from expired""").setParameter("now", now).getSingleResult()).intValue();
    }

    /** The ZIP of a DONE export; empty once its file was deleted (expired). */
    public Optional<byte[]> content(UUID id) {
        @SuppressWarnings("unchecked")
        List<byte[]> rows = em.createNativeQuery("select content from export_file where job_id = :id")
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst();
    }

    private ExportViews.Job view(Tuple r) {
        UUID id = Rows.uuid(r, "id");
        ExportState state = ExportState.valueOf(Rows.string(r, "state"));
        String section = Rows.string(r, "current_section");
        return new ExportViews.Job(id, Rows.uuid(r, "unit_id"), Rows.integer(r, "year"),
                Arrays.stream(Rows.string(r, "sections").split(",")).map(ExportSection::valueOf).toList(), state,
                Rows.integer(r, "percent"), section == null ? null : ExportSection.valueOf(section),
                Rows.string(r, "requested_by"), Rows.integer(r, "attempts"), at(Rows.instant(r, "created_at")),
                at(Rows.instant(r, "started_at")), at(Rows.instant(r, "finished_at")),
                at(Rows.instant(r, "expires_at")), Rows.string(r, "error"), Rows.string(r, "sha256"),
                Rows.longValue(r, "bytes"), state == ExportState.DONE ? "/v1/exports/" + id + "/download" : null,
                Rows.longValue(r, "version"));
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
    }
}
