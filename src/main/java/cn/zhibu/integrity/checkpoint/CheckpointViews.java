package cn.zhibu.integrity.checkpoint;

import cn.zhibu.platform.paging.Pagination;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answers about signed checkpoints of integrity files. */
public final class CheckpointViews {

    static final String KEY_ID = "^[A-Za-z0-9._-]{1,32}$";
    static final String BASE64 = "^[A-Za-z0-9+/]+={0,2}$";

    private CheckpointViews() {
    }

    @Schema(name = "IntegrityCheckpoint", description = "A file's head as the service signed it (Ed25519) when an "
            + "entry was appended. The signed bytes are six lines, each ending in a line feed: "
            + "'zhibu/integrity-checkpoint/v1', fileId, entryCount, headHash, at, keyId")
    public record CheckpointView(
            @Schema(required = true) UUID fileId,
            @Schema(description = "How many entries the file's chain had", minimum = "1", maximum = "100000",
                    required = true) int entryCount,
            @Schema(description = "SHA-256 of the last of them, hex", maxLength = 64, pattern = "^[0-9a-f]{64}$",
                    required = true) String headHash,
            @Schema(description = "When it was signed (UTC, as signed)", required = true) Instant at,
            @Schema(description = "The key that signed it (see GET /v1/integrity-checkpoints/keys)", maxLength = 32,
                    pattern = KEY_ID, required = true) String keyId,
            @Schema(description = "The Ed25519 signature, base64", maxLength = 88, pattern = BASE64, required = true)
            String signature) {
    }

    static CheckpointView view(SignedCheckpoint checkpoint) {
        return new CheckpointView(checkpoint.fileId(), checkpoint.entryCount(), checkpoint.headHashHex(),
                checkpoint.at(), checkpoint.keyId(), checkpoint.signatureBase64());
    }

    /** The view of a checkpoint, for the answer of a verification. */
    public static CheckpointView of(SignedCheckpoint checkpoint) {
        return view(checkpoint);
    }

    @Schema(name = "IntegrityCheckpointPage", description = "One page of the checkpoints kept in the database, in "
            + "the order they were written")
    public record CheckpointPage(
            @Schema(maxItems = 100, required = true) List<CheckpointView> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true) String nextCursor) {
    }

    @Schema(name = "IntegrityCheckpointKey", description = "A public key that checkpoints are verified with")
    public record KeyView(
            @Schema(maxLength = 32, pattern = KEY_ID, required = true) String keyId,
            @Schema(description = "Always Ed25519", maxLength = 16, enumeration = {"Ed25519"}, required = true)
            String algorithm,
            @Schema(description = "The public key, base64 of its DER SubjectPublicKeyInfo (PEM without its lines)",
                    maxLength = 64, pattern = BASE64, required = true) String publicKey,
            @Schema(description = "Whether new checkpoints are signed with it (else an earlier key still listed)",
                    required = true) boolean current) {
    }

    @Schema(name = "IntegrityCheckpointKeys", description = "The public keys of integrity checkpoints, current first")
    public record KeyList(
            @Schema(maxItems = 100, required = true) List<KeyView> items) {
    }
}
