package cn.zhibu.integrity.checkpoint;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A file's head as the service signed it: the file, how many entries its chain had, the hash of the last one, when,
 * and under which key. What is signed is {@link #message()}: six lines, each ending in a line feed, that anyone can
 * write out again from a checkpoint's fields to check its signature (with openssl, say).
 */
public record SignedCheckpoint(UUID fileId, int entryCount, byte[] headHash, Instant at, String keyId,
        byte[] signature) {

    static final String VERSION = "zhibu/integrity-checkpoint/v1";

    /** The time as signed and stored: PostgreSQL keeps microseconds. */
    static Instant storable(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public String headHashHex() {
        return HexFormat.of().formatHex(headHash);
    }

    public String signatureBase64() {
        return Base64.getEncoder().encodeToString(signature);
    }

    /** The bytes signed: version, file id, entry count, head hash (hex), time (RFC 3339, UTC), key id. */
    public byte[] message() {
        return message(fileId, entryCount, headHash, at, keyId);
    }

    static byte[] message(UUID fileId, int entryCount, byte[] headHash, Instant at, String keyId) {
        return (VERSION + "\n" + fileId + "\n" + entryCount + "\n" + HexFormat.of().formatHex(headHash) + "\n"
                + storable(at) + "\n" + keyId + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** One line of a checkpoint file, as written (JSON, without its line feed). */
    record Line(String fileId, int entryCount, String headHash, String at, String keyId, String signature) {

        static Line of(SignedCheckpoint checkpoint) {
            return new Line(checkpoint.fileId().toString(), checkpoint.entryCount(), checkpoint.headHashHex(),
                    storable(checkpoint.at()).toString(), checkpoint.keyId(), checkpoint.signatureBase64());
        }

        SignedCheckpoint checkpoint() {
            return new SignedCheckpoint(UUID.fromString(fileId), entryCount, HexFormat.of().parseHex(headHash),
                    Instant.parse(at), keyId, Base64.getDecoder().decode(signature));
        }
    }
}
