package cn.zhibu.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The one authenticated encryption of stored values: AES-256-GCM with a fresh 12-byte nonce and a 16-byte tag, bound
 * to where the value belongs by its {@code context} (the associated data, e.g. the row and the field), so a value
 * copied elsewhere does not open. Stored form: the caller's header (its form byte, and the key's id when the value
 * carries it), the nonce, the ciphertext with its tag. The header is not encrypted; the caller reads it first to
 * learn the key.
 */
public final class AeadEnvelope {

    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;
    private static final int TAG_BITS = TAG_LENGTH * 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AeadEnvelope() {
    }

    /** A header of a form byte, the key id's length (one byte) and the key id (ASCII, 1 to 127 bytes). */
    public static byte[] keyIdHeader(byte form, String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        if (id.length < 1 || id.length > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("A key id has 1 to 127 characters");
        }
        byte[] header = new byte[2 + id.length];
        header[0] = form;
        header[1] = (byte) id.length;
        System.arraycopy(id, 0, header, 2, id.length);
        return header;
    }

    /**
     * The key id in a {@link #keyIdHeader} at the start of {@code stored}, or null when {@code stored} is too short
     * to hold one and a sealed value after it.
     */
    public static String keyIdOf(byte[] stored) {
        if (stored.length < 2 || stored[1] < 1 || stored.length < 2 + stored[1] + NONCE_LENGTH + TAG_LENGTH) {
            return null;
        }
        return new String(stored, 2, stored[1], StandardCharsets.US_ASCII);
    }

    /** {@code header | nonce | ciphertext+tag} of {@code plain} under {@code key}, bound to {@code context}. */
    public static byte[] seal(SecretKey key, byte[] header, byte[] plain, String context)
            throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[header.length + NONCE_LENGTH + cipher.getOutputSize(plain.length)];
        System.arraycopy(header, 0, stored, 0, header.length);
        System.arraycopy(nonce, 0, stored, header.length, NONCE_LENGTH);
        int written = cipher.doFinal(plain, 0, plain.length, stored, header.length + NONCE_LENGTH);
        if (written != stored.length - header.length - NONCE_LENGTH) {
            throw new GeneralSecurityException("Unexpected ciphertext length");
        }
        return stored;
    }

    /**
     * The plaintext of {@code stored} (a {@code headerLength}-byte header, then as {@link #seal} wrote it) under
     * {@code key} and {@code context}; {@link javax.crypto.AEADBadTagException} when the value was altered, moved or
     * sealed under another key.
     */
    public static byte[] open(SecretKey key, byte[] stored, int headerLength, String context)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, headerLength, NONCE_LENGTH));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        int start = headerLength + NONCE_LENGTH;
        return cipher.doFinal(stored, start, stored.length - start);
    }
}
