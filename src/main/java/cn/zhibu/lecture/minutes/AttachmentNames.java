package cn.zhibu.lecture.minutes;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * File names of attachments: kept as given, less what could mislead or break a header (folders, control and format
 * characters such as right-to-left overrides, quotes, backslashes), with the extension of what the bytes are; and
 * served in {@code Content-Disposition} as RFC 6266 says, an ASCII fallback and the UTF-8 name (RFC 8187/5987).
 */
final class AttachmentNames {

    static final int MAX_LENGTH = 255;
    private static final Map<String, String> EXTENSIONS = Map.of(AttachmentContent.JPEG, ".jpg",
            AttachmentContent.PNG, ".png", AttachmentContent.PDF, ".pdf");
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private AttachmentNames() {
    }

    /** The name to keep: its last path segment, cleaned, ending with the extension of its type. */
    static String sanitise(String given, String contentType) {
        String name = given == null ? "" : given;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean hidden = Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            if (!hidden && c != '"' && c != '\\' && c != ';' && c != '*') {
                clean.appendCodePoint(c);
            }
        });
        name = clean.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        String extension = EXTENSIONS.get(contentType);
        String lower = name.toLowerCase(Locale.ROOT);
        boolean fits = lower.endsWith(extension) || (AttachmentContent.JPEG.equals(contentType)
                && lower.endsWith(".jpeg"));
        if (name.isEmpty()) {
            name = "attachment";
        }
        if (!fits) {
            name = name + extension;
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            String stem = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH - extension.length()));
            name = stem + (fits ? name.substring(name.lastIndexOf('.')) : extension);
        }
        return name;
    }

    /** {@code attachment; filename="<ASCII>"; filename*=UTF-8''<percent-encoded>}. */
    static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%'
                ? (char) c : '_'));
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ATTR_CHARS.indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
