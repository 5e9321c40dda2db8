package cn.zhibu.platform.paging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque page cursors: {@code base64url(position) "." base64url(HMAC-SHA256(query, position))}.
 * The signature binds a cursor to the query it came from, so a client can neither forge a
 * position nor carry a cursor over to another query.
 */
final class CursorCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    static final int MAX_LENGTH = 512;

    private final byte[] key;

    CursorCodec(byte[] key) {
        this.key = key.clone();
    }

    String encode(String query, List<String> position) {
        try {
            byte[] payload = JSON.writeValueAsBytes(position);
            String cursor = ENCODER.encodeToString(payload) + '.' + ENCODER.encodeToString(sign(query, payload));
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("a sort key this long does not fit in a cursor");
            }
            return cursor;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The position a cursor carries, or empty when it is malformed, altered or from another query. */
    Optional<List<String>> decode(String query, String cursor) {
        if (cursor == null || cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = cursor.indexOf('.');
        if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(cursor.substring(0, dot));
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(query, payload))) {
                return Optional.empty();
            }
            List<String> position = JSON.readValue(payload, new TypeReference<List<String>>() { });
            return position == null || position.isEmpty() || position.contains(null)
                    ? Optional.empty() : Optional.of(List.copyOf(position));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String query, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(query.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
