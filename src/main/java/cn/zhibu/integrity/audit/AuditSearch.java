package cn.zhibu.integrity.audit;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Access;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Searches the access audit, newest first, within the caller's reach: rows of files in units under it, and
 * rows of no file or unit (list requests, refusals before a file was known, key rotations, purges) only for
 * callers whose reach is everywhere.
 */
@ApplicationScoped
public class AuditSearch {

    /** The most rows one export holds. */
    public static final int EXPORT_CAP = 100_000;

    private static final String COLUMNS = "a.id as id, a.at as at, a.actor_kind as actor_kind, a.actor_id as actor_id, "
            + "a.actor_person_id as actor_person_id, a.action as action, a.file_id as file_id, a.unit_id as unit_id, "
            + "array_to_string(a.entry_ids, ',') as entry_ids, a.declaration_id as declaration_id, a.purpose as purpose, "
            + "a.purpose_detail as purpose_detail, a.outcome as outcome, a.status as status, a.reason as reason, "
            + "a.client_address as client_address, a.request as request";

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final IntegrityAudit audit;

    AuditSearch(EntityManager em, BusinessCalendar calendar, IntegrityAudit audit) {
        this.em = em;
        this.calendar = calendar;
        this.audit = audit;
    }

    /** What to look for; every part optional. Dates are business dates, both inclusive. */
    public record Filter(Optional<UUID> fileId, Optional<UUID> actorId, Optional<AuditAction> action,
            Optional<AuditViews.Outcome> outcome, Optional<LocalDate> from, Optional<LocalDate> to) {

        public Filter {
            if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
                throw new ProblemException(ProblemCode.INVALID_PARAMETER, "to", "on or after from");
            }
        }

        /** The filter as text, which binds a page cursor to it. */
        public String query() {
            return "integrity-audit?fileId=" + text(fileId) + "&actorId=" + text(actorId) + "&action="
                    + text(action) + "&outcome=" + text(outcome) + "&from=" + text(from) + "&to=" + text(to);
        }

        private static String text(Optional<?> value) {
            return value.map(Object::toString).orElse("");
        }
    }

    /** One page of rows, audited as the caller's search. */
    @Transactional
    public Page<AuditViews.Row> search(Access.Reach reach, Filter filter, PageRequest page) {
        Optional<Long> after = page.after().map(position -> parseId(position.get(0)));
        List<Tuple> rows = rows(reach, filter, after, page.fetchSize());
        Page<Tuple> shown = page.page(rows, r -> List.of(Long.toString(Rows.longValue(r, "id"))), r -> r);
        audit.allowed(IntegrityAudit.Subject.none(), 200);
        return new Page<>(shown.items().stream().map(AuditSearch::row).toList(), shown.nextCursor());
    }

    /**
     * Every row the filter finds (newest first), audited as the caller's export; 400 when there are more than
     * {@link #EXPORT_CAP}, rather than a file that silently leaves some out.
     */
    @Transactional
    public List<AuditViews.Row> export(Access.Reach reach, Filter filter) {
        List<Tuple> rows = rows(reach, filter, Optional.empty(), EXPORT_CAP + 1);
        if (rows.size() > EXPORT_CAP) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "from",
                    "more than " + EXPORT_CAP + " rows match; narrow the dates");
        }
        audit.allowed(IntegrityAudit.Subject.none(), 200);
        return rows.stream().map(AuditSearch::row).toList();
    }

    private List<Tuple> rows(Access.Reach reach, Filter filter, Optional<Long> afterId, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from integrity_audit a");
        Map<String, Object> parameters = new HashMap<>();
        if (reach.everywhere()) {
            sql.append(" where true");
        } else {
            if (reach.unitIds().isEmpty()) {
                return List.of();
            }
            sql.append(" join org_unit u on u.id = a.unit_id where u.path like any (cast(:prefixes as text[]))");
            parameters.put("prefixes", reach.unitIds().stream().map(id -> "%/" + id + "/%").toArray(String[]::new));
        }
        filter.fileId().ifPresent(id -> {
            sql.append(" and a.file_id = :fileId");
            parameters.put("fileId", id);
        });
        filter.actorId().ifPresent(id -> {
            sql.append(" and a.actor_id = :actorId");
            parameters.put("actorId", id);
        });
        filter.action().ifPresent(action -> {
            sql.append(" and a.action = :action");
            parameters.put("action", action.name());
        });
        filter.outcome().ifPresent(outcome -> {
            sql.append(" and a.outcome = :outcome");
            parameters.put("outcome", outcome.name());
        });
        filter.from().ifPresent(day -> {
            sql.append(" and a.at >= :from");
            parameters.put("from", startOf(day));
        });
        filter.to().ifPresent(day -> {
            sql.append(" and a.at < :to");
            parameters.put("to", startOf(day.plusDays(1)));
        });
        afterId.ifPresent(id -> {
            sql.append(" and a.id < :afterId");
            parameters.put("afterId", id);
        });
        var query = em.createNativeQuery(sql + " order by a.id desc limit " + limit, Tuple.class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(calendar.zone()).toInstant();
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemCode.INVALID_CURSOR);
        }
    }

    private static AuditViews.Row row(Tuple r) {
        String entries = Rows.string(r, "entry_ids");
        List<UUID> entryIds = entries == null || entries.isEmpty() ? List.of()
                : Arrays.stream(entries.split(",")).map(UUID::fromString).toList();
        return new AuditViews.Row(Rows.instant(r, "at"), AuditViews.ActorKind.valueOf(Rows.string(r, "actor_kind")),
                Rows.uuid(r, "actor_id"), Rows.uuid(r, "actor_person_id"), Rows.string(r, "action"),
                Rows.uuid(r, "file_id"), Rows.uuid(r, "unit_id"), entryIds, Rows.uuid(r, "declaration_id"),
                Rows.string(r, "purpose"), Rows.string(r, "purpose_detail"),
                AuditViews.Outcome.valueOf(Rows.string(r, "outcome")), Rows.integer(r, "status"),
                Rows.string(r, "reason"), Rows.string(r, "client_address"), Rows.string(r, "request"));
    }
}
