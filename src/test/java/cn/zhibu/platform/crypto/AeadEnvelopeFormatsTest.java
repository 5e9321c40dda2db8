package cn.zhibu.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.zhibu.integrity.crypto.IntegrityKeys;
import cn.zhibu.integrity.crypto.Sealer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The stored forms of field encryption and integrity sealing, pinned: values written before (the hex below, made
 * with these keys) still open, and what is written now has the layout those were written in.
 */
class AeadEnvelopeFormatsTest {

    private static final byte[] KEY_1 = key(0x00);
    private static final byte[] KEY_2 = key(0xA0);
    private static final String CONFIGURED_DB = "jdbc:postgresql://db.example/zhibu";

    /** Form 2 under key k-2025, context person|phone|42: 13800138000. */
    private static final String FORM_2 = "02066b2d32303235712860e57d3a46fada6cb9eb67f0ead558fe57976a7207555dc698a00d51"
            + "9d370f0fb5eba2337d";
    /** Form 2 under the single key (field-key), context token-key|7. */
    private static final String FORM_2_SINGLE = "02096669656c642d6b657905c2e9cecaaf9012bfa64c25db3c67a36ab045192f73044a"
            + "38fe4b55e325c11cd6a20ad4b3dfaaabc8e9";
    /** Form 1 (no key id: the single key), context token-key|7. */
    private static final String FORM_1 = "0105c2e9cecaaf9012bfa64c25db3c67a36ab045192f73044a38fe4b55e325c11cd6a20ad4"
            + "b3dfaaabc8e9";
    private static final String SINGLE_PLAIN = "签到 note é";
    /** Sealed under integrity key i-2, as the entry 00000000-0000-0001-0000-000000000002: {"a":1}. */
    private static final String SEALED = "01eda1d53f86f69eafc2619c5f1942739d17465f321f1341bf87fa2773eb80db07dc12fa";
    private static final UUID ENTRY = new UUID(1, 2);

    @Test
    void fieldsWrittenBeforeStillDecrypt() {
        FieldCipher rotated = rotated();
        assertEquals("k-2025", FieldCipher.keyId(bytes(FORM_2)));
        assertEquals("13800138000", rotated.decrypt(bytes(FORM_2), "person|phone|42"));
        FieldCipher single = single();
        assertEquals(FieldCipher.SINGLE, FieldCipher.keyId(bytes(FORM_1)));
        assertEquals(SINGLE_PLAIN, single.decrypt(bytes(FORM_2_SINGLE), "token-key|7"));
        assertEquals(SINGLE_PLAIN, single.decrypt(bytes(FORM_1), "token-key|7"));
        assertThrows(IllegalStateException.class, () -> rotated.decrypt(bytes(FORM_2), "person|phone|43"));
    }

    @Test
    void fieldsAreWrittenInForm2() throws Exception {
        byte[] stored = rotated().encrypt("13800138000", "person|phone|42");
        byte[] id = "k-2025".getBytes(StandardCharsets.US_ASCII);
        assertEquals(2 + id.length + 12 + 11 + 16, stored.length);
        assertEquals(2, stored[0]);
        assertEquals(id.length, stored[1]);
        assertArrayEquals(id, Arrays.copyOfRange(stored, 2, 2 + id.length));
        assertEquals("13800138000", new String(gcmOpen(KEY_2, stored, 2 + id.length, "person|phone|42"),
                StandardCharsets.UTF_8));
    }

    @Test
    void integrityValuesSealedBeforeStillOpen() {
        Sealer sealer = sealer();
        assertEquals("{\"a\":1}", new String(sealer.open("i-2", bytes(SEALED), Sealer.entryContext(ENTRY)),
                StandardCharsets.UTF_8));
        assertThrows(Sealer.Unreadable.class, () -> sealer.open("i-1", bytes(SEALED), Sealer.entryContext(ENTRY)));
        assertThrows(Sealer.Unreadable.class,
                () -> sealer.open("i-2", bytes(SEALED), Sealer.entryContext(new UUID(1, 3))));
    }

    @Test
    void integrityValuesAreSealedInVersion1() throws Exception {
        byte[] plain = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        Sealer.Sealed sealed = sealer().seal(plain, Sealer.entryContext(ENTRY));
        assertEquals("i-2", sealed.keyId());
        byte[] stored = sealed.bytes();
        assertEquals(1 + 12 + plain.length + 16, stored.length);
        assertEquals(1, stored[0]);
        assertArrayEquals(plain, gcmOpen(KEY_2, stored, 1, Sealer.entryContext(ENTRY)));
    }

    /** AES-256-GCM as the values were first written: nonce after the header, tag after the ciphertext. */
    private static byte[] gcmOpen(byte[] key, byte[] stored, int header, String context) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, stored, header, 12));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(stored, header + 12, stored.length - header - 12);
    }

    private static FieldCipher rotated() {
        return new FieldCipher(Optional.empty(), Optional.of(List.of("k-2024:" + base64(KEY_1), "k-2025:"
                + base64(KEY_2))), Optional.of("k-2025"), null, Optional.of(CONFIGURED_DB));
    }

    private static FieldCipher single() {
        return new FieldCipher(Optional.of(base64(KEY_1)), Optional.empty(), Optional.empty(), null,
                Optional.of(CONFIGURED_DB));
    }

    private static Sealer sealer() {
        return new Sealer(new IntegrityKeys(Map.of("i-1", KEY_1, "i-2", KEY_2), "i-2"));
    }

    private static byte[] key(int first) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (first + i);
        }
        return key;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
