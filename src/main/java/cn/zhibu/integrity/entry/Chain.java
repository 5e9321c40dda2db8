package cn.zhibu.integrity.entry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash chain of a file's entries: each entry's hash is SHA-256 over a fixed header (its id, file,
 * place in the file, type, what it amends, where it came from, when and by whom it was filed, and the
 * previous entry's hash) followed by the exact plaintext bytes of its sealed payload. The payload holds a
 * random salt, so a hash reveals nothing about low-entropy content (an identity number) to someone who
 * has the database but not the key. Re-encrypting a payload under another key leaves its hash as it was.
 */
public final class Chain {

    private static final String VERSION = "zhibu/integrity-entry/v1";

    private Chain() {
    }

    /** PostgreSQL keeps microseconds: an entry's time is cut to them before it is hashed and stored. */
    public static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static byte[] hash(UUID entryId, UUID fileId, int seq, EntryType type, UUID amendsId, UUID declarationId,
            Instant recordedAt, UUID recordedBy, byte[] prevHash, byte[] payload) {
        String header = String.join("\n", VERSION, entryId.toString(), fileId.toString(), Integer.toString(seq),
                type.name(), text(amendsId), text(declarationId), storable(recordedAt).toString(), text(recordedBy),
                prevHash == null ? "-" : HexFormat.of().formatHex(prevHash)) + "\n";
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(header.getBytes(StandardCharsets.UTF_8));
            digest.update(payload);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("No SHA-256", e);
        }
    }

    public static byte[] hash(Entry entry, byte[] payload) {
        return hash(entry.id, entry.fileId, entry.seq, entry.type, entry.amendsId, entry.declarationId,
                entry.recordedAt, entry.recordedBy, entry.prevHash, payload);
    }

    private static String text(UUID id) {
        return id == null ? "-" : id.toString();
    }
}
