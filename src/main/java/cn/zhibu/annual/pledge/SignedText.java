package cn.zhibu.annual.pledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The canonical form of what a member signed, and its SHA-256. The form is a sequence of netstrings
 * ({@code <length in UTF-8 bytes>:<UTF-8 bytes>,}), in this order: {@code zhibu-pledge-signature/1}, the pledge id,
 * the person id (both lower-case, hyphenated), the title, the text, the number of standards (decimal), then each
 * standard in order. Lengths make the form unambiguous whatever the texts hold (line breaks, colons, commas).
 */
public final class SignedText {

    static final String FORMAT = "zhibu-pledge-signature/1";

    private SignedText() {
    }

    /** The canonical form's bytes. */
    public static byte[] canonical(UUID pledgeId, UUID personId, String title, String text, List<String> standards) {
        List<String> parts = new ArrayList<>(List.of(FORMAT, pledgeId.toString(), personId.toString(), title, text,
                Integer.toString(standards.size())));
        parts.addAll(standards);
        StringBuilder form = new StringBuilder();
        for (String part : parts) {
            form.append(part.getBytes(StandardCharsets.UTF_8).length).append(':').append(part).append(',');
        }
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The SHA-256 of the canonical form, 64 lower-case hex digits. */
    public static String sha256(UUID pledgeId, UUID personId, String title, String text, List<String> standards) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical(pledgeId, personId, title, text, standards)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
