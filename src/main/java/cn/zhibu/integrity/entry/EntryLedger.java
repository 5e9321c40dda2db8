package cn.zhibu.integrity.entry;

import cn.zhibu.integrity.crypto.Sealer;
import cn.zhibu.platform.crypto.Secrets;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A file's entries: appended at the head of its chain with their content sealed, opened for reading, and
 * checked link by link. Callers hold the file's row lock while appending, so the chain has one head.
 */
@ApplicationScoped
public class EntryLedger {

    private final Sealer sealer;
    private final ObjectMapper json;

    EntryLedger(Sealer sealer, ObjectMapper json) {
        this.sealer = sealer;
        this.json = json;
    }

    /** What to append: the entry's header fields besides its place in the chain. */
    public record NewEntry(EntryContent content, UUID amendsId, String amendReason, UUID declarationId,
            UUID recordedBy, Instant recordedAt) {
    }

    /** Appends at {@code seq} after the entry hashed {@code prevHash}; returns the stored entry. */
    public Entry append(UUID fileId, int seq, byte[] prevHash, NewEntry entry) {
        Entry row = new Entry();
        row.id = UUID.randomUUID();
        row.fileId = fileId;
        row.seq = seq;
        row.type = entry.content().type();
        row.amendsId = entry.amendsId();
        row.declarationId = entry.declarationId();
        row.recordedAt = Chain.storable(entry.recordedAt());
        row.recordedBy = entry.recordedBy();
        row.prevHash = prevHash;
        byte[] payload = bytes(new Payload(entry.content(), entry.amendReason(), Secrets.urlSafe(16)));
        row.hash = Chain.hash(row, payload);
        row.persist();
        Sealer.Sealed sealed = sealer.seal(payload, EntryPayload.context(row.id));
        EntryPayload stored = new EntryPayload();
        stored.entryId = row.id;
        stored.keyId = sealed.keyId();
        stored.sealed = sealed.bytes();
        stored.persist();
        return row;
    }

    /** A file's entries in order. */
    public List<Entry> entries(UUID fileId) {
        return Entry.list("fileId = ?1 order by seq", fileId);
    }

    /** The opened payloads of these entries, by entry id. */
    public Map<UUID, Payload> open(List<Entry> entries) {
        Map<UUID, EntryPayload> stored = payloads(entries);
        Map<UUID, Payload> opened = new LinkedHashMap<>();
        for (Entry entry : entries) {
            opened.put(entry.id, parse(openBytes(stored.get(entry.id), entry.id)));
        }
        return opened;
    }

    /** The first link of a file's chain that does not hold, if any. */
    public record Break(int seq, UUID entryId, String problem) {
    }

    /**
     * A head the chain must have passed through, from outside the database: a signed checkpoint's entry count and
     * head hash, and whether its signature holds.
     */
    public record Anchor(int entryCount, byte[] headHash, boolean signed) {
    }

    /**
     * Checks every link: places 1, 2, 3... without gaps, each entry naming the previous entry's hash, each
     * hash recomputed from the header and the opened payload, and the last one matching the file's head; then that
     * the chain holds every anchor: as many entries at least, and at that count the anchor's hash.
     */
    public java.util.Optional<Break> verify(UUID fileId, int entryCount, byte[] headHash, List<Anchor> anchors) {
        List<Entry> entries = entries(fileId);
        Map<UUID, EntryPayload> stored = payloads(entries);
        byte[] previous = null;
        int expected = 1;
        for (Entry entry : entries) {
            if (entry.seq != expected) {
                return java.util.Optional.of(new Break(expected, entry.id, "SEQUENCE_GAP"));
            }
            if (!Arrays.equals(entry.prevHash, previous)) {
                return java.util.Optional.of(new Break(entry.seq, entry.id, "PREVIOUS_HASH_MISMATCH"));
            }
            byte[] payload;
            try {
                payload = openBytes(stored.get(entry.id), entry.id);
            } catch (Sealer.Unreadable e) {
                return java.util.Optional.of(new Break(entry.seq, entry.id, "CONTENT_UNREADABLE"));
            }
            if (!Arrays.equals(Chain.hash(entry, payload), entry.hash)) {
                return java.util.Optional.of(new Break(entry.seq, entry.id, "HASH_MISMATCH"));
            }
            previous = entry.hash;
            expected++;
        }
        if (entries.size() != entryCount || !Arrays.equals(previous, headHash)) {
            UUID last = entries.isEmpty() ? null : entries.get(entries.size() - 1).id;
            return java.util.Optional.of(new Break(entries.size() + 1, last, "ENTRIES_MISSING"));
        }
        for (Anchor anchor : anchors) {
            int seq = Math.max(1, Math.min(anchor.entryCount(), entries.size() + 1));
            if (!anchor.signed()) {
                return java.util.Optional.of(new Break(seq, null, "CHECKPOINT_SIGNATURE_INVALID"));
            }
            if (anchor.entryCount() > entries.size()) {
                UUID last = entries.isEmpty() ? null : entries.get(entries.size() - 1).id;
                return java.util.Optional.of(new Break(seq, last, "ENTRIES_MISSING"));
            }
            Entry there = entries.get(anchor.entryCount() - 1);
            if (!Arrays.equals(there.hash, anchor.headHash())) {
                return java.util.Optional.of(new Break(seq, there.id, "CHECKPOINT_MISMATCH"));
            }
        }
        return java.util.Optional.empty();
    }

    private static Map<UUID, EntryPayload> payloads(List<Entry> entries) {
        if (entries.isEmpty()) {
            return Map.of();
        }
        Map<UUID, EntryPayload> byEntry = new java.util.HashMap<>();
        EntryPayload.<EntryPayload>list("entryId in ?1", entries.stream().map(e -> e.id).toList())
                .forEach(p -> byEntry.put(p.entryId, p));
        return byEntry;
    }

    private byte[] openBytes(EntryPayload payload, UUID entryId) {
        if (payload == null) {
            throw new Sealer.Unreadable("the entry's content is missing");
        }
        return sealer.open(payload.keyId, payload.sealed, EntryPayload.context(entryId));
    }

    private byte[] bytes(Payload payload) {
        try {
            return json.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An entry could not be serialised", e);
        }
    }

    private Payload parse(byte[] bytes) {
        try {
            return json.readValue(bytes, Payload.class);
        } catch (IOException e) {
            throw new IllegalStateException("An entry's payload could not be read", e);
        }
    }
}
