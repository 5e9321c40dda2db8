package cn.zhibu.integrity.entry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** An entry of an integrity file: written once, never changed (the database refuses). */
@Entity
@Immutable
@Table(name = "integrity_entry")
public class Entry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "file_id", nullable = false)
    public UUID fileId;

    @Column(nullable = false)
    public int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public EntryType type;

    /** The entry this one corrects. */
    @Column(name = "amends_id")
    public UUID amendsId;

    /** The cadre's declaration it came from. */
    @Column(name = "declaration_id")
    public UUID declarationId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** The account that filed it. */
    @Column(name = "recorded_by")
    public UUID recordedBy;

    @Column(name = "prev_hash")
    public byte[] prevHash;

    @Column(nullable = false)
    public byte[] hash;
}
