package cn.zhibu.integrity.entry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An entry's sealed content and the id of the key that sealed it; re-sealed by a key rotation only. */
@Entity
@Table(name = "integrity_entry_payload")
public class EntryPayload extends PanacheEntityBase {

    @Id
    @Column(name = "entry_id")
    public UUID entryId;

    @Column(name = "key_id", nullable = false, length = 32)
    public String keyId;

    @Column(nullable = false)
    public byte[] sealed;

    /** The context a payload is sealed in: it opens only as this entry's. */
    public static String context(UUID entryId) {
        return cn.zhibu.integrity.crypto.Sealer.entryContext(entryId);
    }
}
