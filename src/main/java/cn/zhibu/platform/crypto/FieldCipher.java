package cn.zhibu.platform.crypto;

import cn.zhibu.platform.db.DefaultDatabase;
import cn.zhibu.platform.secrets.ServerSecrets;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Encrypts single fields (a phone number, a token signing key) with AES-256-GCM under keys with ids, so that the key
 * can be rotated: {@code zhibu.crypto.field-keys} ({@code id:base64,...}) with {@code zhibu.crypto.field-key-id} naming
 * the one new values take (default: the last listed), or one key alone in {@code zhibu.crypto.field-key} (its id is
 * {@value #SINGLE}). On a configured database one of them must be set; only the embedded default keeps a key (id
 * {@value #SINGLE}) in the database itself. Values under other keys are re-encrypted under the current one at start
 * ({@link FieldKeyRotation}).
 * <p>
 * Stored form: {@code 2}, the key id's length and bytes, a 12-byte nonce, the ciphertext with its tag (values of the
 * first form, {@code 1} and no key id, were encrypted with the single key). Each value is bound to where it belongs
 * ({@code context}, e.g. the person and the field), so a ciphertext copied to another row does not decrypt.
 */
@ApplicationScoped
public class FieldCipher {

    /** The id of the key given alone ({@code zhibu.crypto.field-key}, or the embedded default's own). */
    public static final String SINGLE = "field-key";
    private static final Logger LOG = Logger.getLogger(FieldCipher.class);
    private static final byte FIRST_FORM = 1;
    private static final byte KEY_ID_FORM = 2;

    private final ServerSecrets secrets;
    /** The configured keys by id; empty on the embedded default without keys (then the database's own). */
    private final Map<String, SecretKeySpec> configured;
    private final String current;
    private volatile Map<String, SecretKeySpec> keys;

    @jakarta.inject.Inject
    FieldCipher(CryptoSettings settings, ServerSecrets secrets,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl) {
        this(settings.fieldKey(), settings.fieldKeys(), settings.fieldKeyId(), secrets, jdbcUrl);
    }

    FieldCipher(Optional<String> single, Optional<List<String>> listed, Optional<String> currentId,
            ServerSecrets secrets, Optional<String> jdbcUrl) {
        this.secrets = secrets;
        Map<String, SecretKeySpec> keyring = new LinkedHashMap<>();
        // bad keys fail at start, not at the first write
        listed.filter(l -> !l.isEmpty()).ifPresent(l -> keyring.putAll(Keyring.parse("zhibu.crypto.field-keys", l)));
        single.filter(k -> !k.isBlank()).ifPresent(k -> keyring.putIfAbsent(SINGLE,
                Keyring.key("zhibu.crypto.field-key", k)));
        this.configured = Map.copyOf(keyring);
        if (keyring.isEmpty() && (jdbcUrl.isEmpty() || !DefaultDatabase.isEmbedded(jdbcUrl.get()))) {
            // a key kept in the database it protects: a backup of the database would be enough to sign tokens
            throw new IllegalStateException("zhibu.crypto.field-key (ZHIBU_CRYPTO_FIELD_KEY) is not set: on a "
                    + "configured database, personal fields and token signing keys need a key kept apart from it, in a "
                    + "Secret. A database used before without it keeps its key in server_secret: set the variable to "
                    + "that key (select encode(secret, 'base64') from server_secret where name = 'field-cipher'), "
                    + "never to a new one, or what it encrypted cannot be read; a new database takes a new key "
                    + "(openssl rand -base64 32). Only the embedded default keeps its key in the database");
        }
        this.current = currentId.filter(id -> !id.isBlank()).orElseGet(() -> keyring.isEmpty() ? SINGLE
                : List.copyOf(keyring.keySet()).get(keyring.size() - 1));
        if (!keyring.isEmpty() && !keyring.containsKey(current)) {
            throw new IllegalStateException("zhibu.crypto.field-key-id names " + current + ", which is not among "
                    + "zhibu.crypto.field-keys");
        }
    }

    /** Refuses to start without a key kept apart, on a configured database (see the constructor). */
    void start(@Observes @Priority(1) StartupEvent event) {
        // constructed (and checked) by being observed
    }

    /** The id of the key new values are encrypted with. */
    public String currentKeyId() {
        return current;
    }

    public byte[] encrypt(String plain, String context) {
        try {
            return AeadEnvelope.seal(keys().get(current), AeadEnvelope.keyIdHeader(KEY_ID_FORM, current),
                    plain.getBytes(StandardCharsets.UTF_8), context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A field could not be encrypted", e);
        }
    }

    public String decrypt(byte[] stored, String context) {
        String id = keyId(stored);
        SecretKeySpec key = keys().get(id);
        if (key == null) {
            throw new IllegalStateException("A field is encrypted under key " + id + ", which is not configured "
                    + "(zhibu.crypto.field-keys)");
        }
        int header = stored[0] == FIRST_FORM ? 1 : 2 + stored[1];
        try {
            return new String(AeadEnvelope.open(key, stored, header, context), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A field could not be decrypted (wrong key?)", e);
        }
    }

    /** The id of the key a stored value was encrypted under. */
    public static String keyId(byte[] stored) {
        if (stored.length >= 1 + AeadEnvelope.NONCE_LENGTH + AeadEnvelope.TAG_LENGTH && stored[0] == FIRST_FORM) {
            return SINGLE;
        }
        String id = stored.length < 1 || stored[0] != KEY_ID_FORM ? null : AeadEnvelope.keyIdOf(stored);
        if (id == null) {
            throw new IllegalStateException("Not a field encrypted by this service");
        }
        return id;
    }

    private Map<String, SecretKeySpec> keys() {
        Map<String, SecretKeySpec> known = keys;
        if (known == null) {
            if (configured.isEmpty()) {
                LOG.warn("zhibu.crypto.field-key is not set: on the embedded default, personal fields are encrypted "
                        + "with a key kept in the database itself; set the key to keep it apart");
                known = Map.of(SINGLE, new SecretKeySpec(secrets.get("field-cipher"), "AES"));
            } else {
                known = configured;
            }
            keys = known;
        }
        return known;
    }
}
