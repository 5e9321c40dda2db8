package cn.zhibu.platform.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;

/** AES-256 keys listed as {@code id:base64,id:base64} in a setting, in the order listed. */
public final class Keyring {

    /** What a key id may be: stored beside every value it encrypted. */
    public static final String ID = "^[A-Za-z0-9._-]{1,32}$";

    private Keyring() {
    }

    /** The keys of a setting's list, by id; refuses a malformed item, a key not of 32 bytes or an id listed twice. */
    public static Map<String, SecretKeySpec> parse(String setting, List<String> listed) {
        Map<String, SecretKeySpec> parsed = new LinkedHashMap<>();
        for (String item : listed) {
            int colon = item.indexOf(':');
            String id = colon < 0 ? "" : item.substring(0, colon).trim();
            if (!id.matches(ID)) {
                throw new IllegalStateException(setting + ": each key is id:base64 with an id of letters, digits, "
                        + "'.', '_' or '-' (at most 32)");
            }
            if (parsed.put(id, key(setting + ": key " + id, item.substring(colon + 1))) != null) {
                throw new IllegalStateException(setting + ": key id " + id + " is listed twice");
            }
        }
        return parsed;
    }

    /** One AES-256 key in base64; {@code what} names it in the message when it is not 32 bytes. */
    public static SecretKeySpec key(String what, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(what + " must be 32 bytes, base64");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
