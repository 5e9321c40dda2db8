package cn.zhibu.integrity.checkpoint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A signed checkpoint as the database keeps it: written once with the append it follows, never changed. */
@Entity
@Immutable
@Table(name = "integrity_checkpoint")
public class Checkpoint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "file_id", nullable = false)
    public UUID fileId;

    @Column(name = "entry_count", nullable = false)
    public int entryCount;

    @Column(name = "head_hash", nullable = false)
    public byte[] headHash;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "key_id", nullable = false, length = 32)
    public String keyId;

    @Column(nullable = false)
    public byte[] signature;

    SignedCheckpoint signed() {
        return new SignedCheckpoint(fileId, entryCount, headHash, at, keyId, signature);
    }
}
