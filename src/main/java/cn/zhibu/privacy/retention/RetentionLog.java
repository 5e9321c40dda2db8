package cn.zhibu.privacy.retention;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads the log of the retention purge ({@code retention_purge}). */
@ApplicationScoped
public class RetentionLog {

    private final EntityManager em;

    RetentionLog(EntityManager em) {
        this.em = em;
    }

    /** The purge's rows, newest first (by when each class began, then id). */
    public Page<RetentionViews.Purge> list(PageRequest page) {
        String after = page.after().isPresent() ? "where (started_at, id) < (:startedAt, :id)" : "";
        var query = em.createNativeQuery("""
                select id, run_id, data_class, retention, cutoff, purged, batches, complete, started_at, finished_at
                from retention_purge %s order by started_at desc, id desc limit :limit""".formatted(after), Tuple.class)
                .setParameter("limit", page.fetchSize());
        page.after().ifPresent(position -> query.setParameter("startedAt", Instant.parse(position.get(0)))
                .setParameter("id", UUID.fromString(position.get(1))));
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return page.page(rows.stream().map(RetentionLog::view).toList(),
                purge -> List.of(purge.startedAt().toString(), purge.id().toString()), purge -> purge);
    }

    private static RetentionViews.Purge view(Tuple row) {
        return new RetentionViews.Purge(Rows.uuid(row, "id"), Rows.uuid(row, "run_id"), Rows.string(row, "data_class"),
                Rows.string(row, "retention"), Rows.instant(row, "cutoff"), Rows.longValue(row, "purged"),
                Rows.integer(row, "batches"), Rows.bool(row, "complete"), Rows.instant(row, "started_at"),
                Rows.instant(row, "finished_at"));
    }
}
