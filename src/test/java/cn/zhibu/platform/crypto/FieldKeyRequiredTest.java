package cn.zhibu.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** On a configured database the service does not start without a field key kept apart from it. */
class FieldKeyRequiredTest {

    private static final Optional<String> CONFIGURED = Optional.of("jdbc:postgresql://db.example:5432/zhibu");

    @Test
    void aConfiguredDatabaseWithoutAFieldKeyIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new FieldCipher(Optional.empty(), null, CONFIGURED));
        assertTrue(refused.getMessage().contains("ZHIBU_CRYPTO_FIELD_KEY"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> new FieldCipher(Optional.empty(), null, Optional.empty()));
    }

    @Test
    void withAKeyItEncryptsBoundToItsContext() {
        FieldCipher cipher = new FieldCipher(Optional.of("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="), null,
                CONFIGURED);
        byte[] stored = cipher.encrypt("13800001234", "person:1:phone");
        assertArrayEquals("13800001234".getBytes(), cipher.decrypt(stored, "person:1:phone").getBytes());
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(stored, "person:2:phone"));
    }
}
