package cn.zhibu.integrity.crypto;

import cn.zhibu.platform.crypto.AeadEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;

/**
 * Seals integrity content ({@link AeadEnvelope}: AES-256-GCM) under the current key, bound to where it belongs (the
 * {@code context}, e.g. the entry's id), so a value copied to another row does not open. Stored form:
 * version byte, 12-byte nonce, ciphertext with its 16-byte tag; the key's id is stored beside it.
 */
@ApplicationScoped
public class Sealer {

    private static final byte VERSION = 1;

    private final IntegrityKeys keys;

    public Sealer(IntegrityKeys keys) {
        this.keys = keys;
    }

    /** A sealed value and the id of the key that sealed it. */
    public record Sealed(String keyId, byte[] bytes) {
    }

    /** The context an entry's content is sealed in: it opens only as that entry's. */
    public static String entryContext(java.util.UUID entryId) {
        return "integrity-entry|" + entryId;
    }

    /** The context a cadre's declaration is sealed in. */
    public static String declarationContext(java.util.UUID declarationId) {
        return "integrity-declaration|" + declarationId;
    }

    public String currentKeyId() {
        return keys.currentId();
    }

    public Sealed seal(byte[] plain, String context) {
        try {
            return new Sealed(keys.currentId(), AeadEnvelope.seal(keys.current(), new byte[] {VERSION}, plain, context));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Integrity content could not be sealed", e);
        }
    }

    /** The plaintext, or {@link Unreadable} when the key is gone, or the value was altered or moved. */
    public byte[] open(String keyId, byte[] stored, String context) {
        var key = keys.key(keyId).orElseThrow(() -> new Unreadable("key " + keyId + " is not configured"));
        if (stored == null || stored.length < 1 + AeadEnvelope.NONCE_LENGTH + AeadEnvelope.TAG_LENGTH
                || stored[0] != VERSION) {
            throw new Unreadable("not a value sealed by this service");
        }
        try {
            return AeadEnvelope.open(key, stored, 1, context);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new Unreadable("the sealed value was altered, or belongs elsewhere");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Integrity content could not be opened", e);
        }
    }

    /** A sealed value that does not open: a missing key, or tampering. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
