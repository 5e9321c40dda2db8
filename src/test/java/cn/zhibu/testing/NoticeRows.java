package cn.zhibu.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The rows of the notification outbox that tests raised notices into, read in SQL (in-process tests). */
public final class NoticeRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NoticeRows() {
    }

    /** One outbox row: to whom, when due, what it says, whether it was taken back. */
    public record Row(UUID personId, Instant dueAt, Map<String, String> fields, String link, boolean withdrawn) {
    }

    /** The rows of a kind and subject, by person id. */
    public static List<Row> of(String kind, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = Arc.container().instance(EntityManager.class).get().createNativeQuery("select person_id, "
                    + "due_at, cast(fields as text), link, withdrawn_at is not null from notification where kind = ?1 "
                    + "and subject = ?2 order by person_id").setParameter(1, kind).setParameter(2, subject)
                    .getResultList();
            return rows.stream().map(Object[].class::cast).map(r -> new Row((UUID) r[0], instant(r[1]),
                    fields((String) r[2]), (String) r[3], (Boolean) r[4])).toList();
        });
    }

    /** The people with a row of the kind and subject that is not withdrawn. */
    public static Set<UUID> recipients(String kind, String subject) {
        return of(kind, subject).stream().filter(r -> !r.withdrawn()).map(Row::personId).collect(Collectors.toSet());
    }

    /** How many rows of the kind name this subject, or start with it ({@code prefix%}). */
    public static long count(String kind, String subjectLike) {
        return Sql.count("select count(*) from notification where kind = ?1 and subject like ?2", kind, subjectLike);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static Map<String, String> fields(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
