package cn.zhibu.platform.db;

import cn.zhibu.platform.http.IfMatch;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What every changeable record has: a UUID id, a JPA version (its ETag, so updates can require
 * If-Match) and when it was created and last changed.
 */
@MappedSuperclass
public abstract class VersionedEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Withdraws it for good (a material or quiz withdrawn, a question retired), kept for what was done with it, if
     * {@code precondition} names its version (412 otherwise). Withdrawing it again changes nothing ({@code
     * withdrawnAt}, when it was, is not null); otherwise {@code withdraw} records {@code now}, its last change too.
     */
    public void withdraw(IfMatch precondition, Instant withdrawnAt, Consumer<Instant> withdraw, Supplier<Instant> now) {
        precondition.check(version);
        if (withdrawnAt == null) {
            Instant at = now.get();
            withdraw.accept(at);
            updatedAt = at;
            persistAndFlush();
        }
    }
}
