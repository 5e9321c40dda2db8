package cn.zhibu.platform.crypto;

import cn.zhibu.platform.db.DefaultDatabase;
import cn.zhibu.platform.secrets.ServerSecrets;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Encrypts single fields (a phone number) with AES-256-GCM. The key comes from
 * {@code zhibu.crypto.field-key} (32 bytes, base64); without it, one is made and kept in the
 * database, which protects a leaked backup of one table but not of the whole database.
 * Stored form: version byte, 12-byte nonce, ciphertext with its tag. Each value is bound to where
 * it belongs ({@code context}, e.g. the person and the field), so a ciphertext copied to another
 * row does not decrypt.
 */
@ApplicationScoped
public class FieldCipher {

    private static final Logger LOG = Logger.getLogger(FieldCipher.class);
    private static final byte VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<String> configuredKey;
    private final ServerSecrets secrets;
    private volatile SecretKeySpec key;

    FieldCipher(@ConfigProperty(name = "zhibu.crypto.field-key") Optional<String> configuredKey, ServerSecrets secrets,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl) {
        this.configuredKey = configuredKey;
        this.secrets = secrets;
        configuredKey.ifPresent(FieldCipher::decodeKey); // a bad key fails at start, not at the first write
        if (configuredKey.isEmpty() && (jdbcUrl.isEmpty() || !DefaultDatabase.isEmbedded(jdbcUrl.get()))) {
            // a key kept in the database it protects: a backup of the database would be enough to sign tokens
            throw new IllegalStateException("zhibu.crypto.field-key (ZHIBU_CRYPTO_FIELD_KEY) is not set: on a "
                    + "configured database, personal fields and token signing keys need a key kept apart from it, in a "
                    + "Secret. A database used before without it keeps its key in server_secret: set the variable to "
                    + "that key (select encode(secret, 'base64') from server_secret where name = 'field-cipher'), "
                    + "never to a new one, or what it encrypted cannot be read; a new database takes a new key "
                    + "(openssl rand -base64 32). Only the embedded default keeps its key in the database");
        }
    }

    /** Refuses to start without a key kept apart, on a configured database (see the constructor). */
    void start(@Observes @Priority(1) StartupEvent event) {
        // constructed (and checked) by being observed
    }

    public byte[] encrypt(String plain, String context) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + nonce.length + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A field could not be encrypted", e);
        }
    }

    public String decrypt(byte[] stored, String context) {
        try {
            if (stored.length < 1 + 12 + 16 || stored[0] != VERSION) {
                throw new IllegalStateException("Not a field encrypted by this service");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, stored, 1, 12));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(stored, 13, stored.length - 13), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A field could not be decrypted (wrong key?)", e);
        }
    }

    private static byte[] decodeKey(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("zhibu.crypto.field-key must be 32 bytes, base64");
        }
        return bytes;
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            byte[] bytes;
            if (configuredKey.isPresent()) {
                bytes = decodeKey(configuredKey.get());
            } else {
                LOG.warn("zhibu.crypto.field-key is not set: on the embedded default, personal fields are encrypted "
                        + "with a key kept in the database itself; set the key to keep it apart");
                bytes = secrets.get("field-cipher");
            }
            current = new SecretKeySpec(bytes, "AES");
            key = current;
        }
        return current;
    }
}
