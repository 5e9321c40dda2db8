package cn.zhibu.integrity.crypto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answers of {@code /v1/integrity-keys}. */
public final class KeyViews {

    private static final String KEY_ID = "^[A-Za-z0-9._-]{1,32}$";

    private KeyViews() {
    }

    @Schema(name = "IntegrityKeySealed", description = "How many values one key sealed")
    public record Sealed(
            @Schema(description = "The key's id", maxLength = 32, pattern = KEY_ID, required = true) String keyId,
            @Schema(description = "Whether the key is still configured (values under a key that is not cannot be "
                    + "opened)", required = true) boolean configured,
            @Schema(description = "Entry contents sealed under it", minimum = "0", maximum = "1000000000",
                    required = true) long entries,
            @Schema(description = "Declarations sealed under it", minimum = "0", maximum = "1000000000",
                    required = true) long declarations) {
    }

    @Schema(name = "IntegrityKeyStatus", description = "The key new values are sealed with, and what each key sealed")
    public record Status(
            @Schema(description = "The id of the key new values are sealed with", maxLength = 32, pattern = KEY_ID,
                    required = true) String currentKeyId,
            @Schema(description = "Per key id that seals anything, by id", maxItems = 1000, required = true)
            List<Sealed> sealed) {
    }

    @Schema(name = "IntegrityKeyRotation", description = "What a rotation re-sealed under the current key")
    public record Rotation(
            @Schema(description = "The current key, which everything that opens is now sealed with", maxLength = 32,
                    pattern = KEY_ID, required = true) String keyId,
            @Schema(minimum = "0", maximum = "1000000000", required = true) long resealedEntries,
            @Schema(minimum = "0", maximum = "1000000000", required = true) long resealedDeclarations,
            @Schema(description = "Values still under another key: their key is no longer configured, or they do "
                    + "not open (altered); left as they are", minimum = "0", maximum = "1000000000", required = true)
            long remaining) {
    }
}
