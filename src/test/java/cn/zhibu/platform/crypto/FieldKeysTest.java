package cn.zhibu.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.junit.jupiter.api.Test;

/**
 * Field keys: on a configured database the service does not start without one kept apart from it; values carry the
 * id of their key, so that several keys can be configured while one is rotated out.
 */
class FieldKeysTest {

    static final Optional<String> CONFIGURED = Optional.of("jdbc:postgresql://db.example:5432/zhibu");
    static final String OLD = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final String NEW = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

    static FieldCipher single(String key) {
        return new FieldCipher(Optional.of(key), Optional.empty(), Optional.empty(), null, CONFIGURED);
    }

    static FieldCipher keyring(String current, String... listed) {
        return new FieldCipher(Optional.empty(), Optional.of(List.of(listed)), Optional.ofNullable(current), null,
                CONFIGURED);
    }

    @Test
    void aConfiguredDatabaseWithoutAFieldKeyIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new FieldCipher(Optional.empty(), Optional.empty(), Optional.empty(), null, CONFIGURED));
        assertTrue(refused.getMessage().contains("ZHIBU_CRYPTO_FIELD_KEY"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> new FieldCipher(Optional.empty(), Optional.empty(),
                Optional.empty(), null, Optional.empty()));
    }

    @Test
    void badKeysAndAnUnknownCurrentKeyAreRefusedAtStart() {
        assertThrows(IllegalStateException.class, () -> single("c2hvcnQ="));
        assertThrows(IllegalStateException.class, () -> keyring(null, "k1:" + OLD, "k1:" + NEW));
        assertThrows(IllegalStateException.class, () -> keyring(null, "no id"));
        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> keyring("k9", "k1:" + OLD, "k2:" + NEW));
        assertTrue(unknown.getMessage().contains("k9"), unknown.getMessage());
    }

    @Test
    void aValueIsBoundToItsContextAndCarriesItsKeyId() {
        FieldCipher cipher = single(OLD);
        byte[] stored = cipher.encrypt("13800001234", "person:1:phone");
        assertEquals(FieldCipher.SINGLE, FieldCipher.keyId(stored));
        assertEquals("13800001234", cipher.decrypt(stored, "person:1:phone"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(stored, "person:2:phone"));
    }

    @Test
    void whileRotatingOldValuesDecryptAndNewOnesTakeTheCurrentKey() {
        byte[] old = single(OLD).encrypt("13800001234", "c");
        FieldCipher rotating = keyring(null, FieldCipher.SINGLE + ":" + OLD, "k2:" + NEW);
        assertEquals("k2", rotating.currentKeyId());
        assertEquals("13800001234", rotating.decrypt(old, "c"));
        byte[] fresh = rotating.encrypt("13900005678", "c");
        assertEquals("k2", FieldCipher.keyId(fresh));
        // once the old key is dropped, its values say which key they need
        FieldCipher rotated = keyring(null, "k2:" + NEW);
        assertEquals("13900005678", rotated.decrypt(fresh, "c"));
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> rotated.decrypt(old, "c"));
        assertTrue(missing.getMessage().contains(FieldCipher.SINGLE), missing.getMessage());
    }

    @Test
    void valuesOfTheFirstFormWithoutKeyIdStillDecryptUnderTheSingleKey() throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, Keyring.key("test", OLD), new GCMParameterSpec(128, nonce));
        aes.updateAAD("c".getBytes(StandardCharsets.UTF_8));
        byte[] sealed = aes.doFinal("13800001234".getBytes(StandardCharsets.UTF_8));
        byte[] firstForm = ByteBuffer.allocate(1 + 12 + sealed.length).put((byte) 1).put(nonce).put(sealed).array();
        assertEquals(FieldCipher.SINGLE, FieldCipher.keyId(firstForm));
        assertEquals("13800001234", single(OLD).decrypt(firstForm, "c"));
        assertEquals("13800001234", keyring("k2", FieldCipher.SINGLE + ":" + OLD, "k2:" + NEW).decrypt(firstForm,
                "c"));
        assertThrows(IllegalStateException.class, () -> FieldCipher.keyId(new byte[] {2, 40, 1}));
    }
}
