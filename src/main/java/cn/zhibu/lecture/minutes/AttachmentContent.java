package cn.zhibu.lecture.minutes;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * What the bytes of an attachment are, whatever its name or declared type says: a JPEG, a PNG or a PDF, well formed
 * from the first byte to the last, and nothing else besides.
 * <ul>
 * <li>JPEG: its segments, walked from the start-of-image marker, end with the end-of-image marker {@code FF D9} as
 * the file's last two bytes (no trailing padding or appended data, even data that ends in {@code FF D9}: what
 * follows the image is where a second file hides).</li>
 * <li>PNG: the 8-byte signature, then chunks whose lengths, types and CRCs are right, the first IHDR and the last
 * IEND, with nothing after it.</li>
 * <li>PDF: starts {@code %PDF-1.0} to {@code %PDF-1.7} or {@code %PDF-2.0}; its last bytes other than white space
 * are {@code %%EOF}; no name (also when written with {@code #xx} escapes) of an action, script, form or embedded
 * file ({@code /JavaScript}, {@code /JS}, {@code /Launch}, {@code /OpenAction}, {@code /AA}, {@code /URI},
 * {@code /SubmitForm}, {@code /GoToR}, {@code /GoToE}, {@code /ImportData}, {@code /XFA}, {@code /RichMedia},
 * {@code /EmbeddedFile(s)}, {@code /EF}, {@code /FileAttachment}) outside compressed streams.</li>
 * </ul>
 * Any file that also carries markup a browser or interpreter would act on ({@code <script}, {@code <html},
 * {@code <?php}, {@code <svg} followed by white space, {@code >} or {@code /}, in any case) is refused, and so is
 * a JPEG or PNG that holds {@code %PDF-}: such a file is a polyglot, read as one thing and run as another.
 */
final class AttachmentContent {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String PDF = "application/pdf";
    static final Set<String> TYPES = Set.of(JPEG, PNG, PDF);

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final String[] MARKUP = {"<script", "<html", "<?php"};
    private static final Set<String> ACTIVE_NAMES = Set.of("javascript", "js", "launch", "embeddedfile",
            "embeddedfiles", "ef", "fileattachment", "openaction", "aa", "uri", "submitform", "gotor", "gotoe",
            "importdata", "xfa", "richmedia");

    /** Why a file is refused. */
    enum Verdict { ACCEPTED, NOT_AS_DECLARED, ACTIVE_CONTENT }

    private AttachmentContent() {
    }

    /** The type the bytes are, if any of the three. */
    static Optional<String> typeOf(byte[] bytes) {
        if (isJpeg(bytes)) {
            return Optional.of(JPEG);
        }
        if (isPng(bytes)) {
            return Optional.of(PNG);
        }
        if (isPdf(bytes)) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    /** Whether the bytes are what the declared type says, and nothing else besides. */
    static Verdict check(byte[] bytes, String declaredType) {
        Optional<String> type = typeOf(bytes);
        if (type.isEmpty() || !type.get().equals(declaredType)) {
            return Verdict.NOT_AS_DECLARED;
        }
        if (hasMarkup(bytes) || (!PDF.equals(declaredType) && indexOf(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII),
                false) >= 0) || (PDF.equals(declaredType) && hasActiveNames(bytes))) {
            return Verdict.ACTIVE_CONTENT;
        }
        return Verdict.ACCEPTED;
    }

    /**
     * Walks the JPEG's segments from SOI to EOI (each scan's entropy-coded data up to its next marker), so an EOI
     * is the image's own end and not two bytes someone appended after another file.
     */
    static boolean isJpeg(byte[] b) {
        int n = b.length;
        if (n < 6 || u(b, 0) != 0xFF || u(b, 1) != 0xD8 || u(b, 2) != 0xFF) {
            return false;
        }
        int at = 2;
        while (at + 1 < n) {
            if (u(b, at) != 0xFF) {
                return false;
            }
            while (at + 1 < n && u(b, at + 1) == 0xFF) {
                at++; // fill bytes before a marker
            }
            int marker = at + 1 < n ? u(b, at + 1) : -1;
            at += 2;
            if (marker == 0xD9) {
                return at == n;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;
            }
            if (marker < 0 || marker == 0x00 || marker == 0xD8 || at + 2 > n) {
                return false;
            }
            int length = (u(b, at) << 8) | u(b, at + 1);
            if (length < 2 || at + length > n) {
                return false;
            }
            at += length;
            if (marker == 0xDA) {
                // entropy-coded data: FF 00 is a stuffed byte, FF D0..D7 a restart; any other FF xx a marker
                while (at + 1 < n && !(u(b, at) == 0xFF && u(b, at + 1) != 0x00
                        && (u(b, at + 1) < 0xD0 || u(b, at + 1) > 0xD7))) {
                    at++;
                }
            }
        }
        return false;
    }

    private static int u(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    static boolean isPng(byte[] b) {
        if (b.length < PNG_SIGNATURE.length + 12 || !startsWith(b, PNG_SIGNATURE)) {
            return false;
        }
        int at = PNG_SIGNATURE.length;
        boolean first = true;
        while (at + 12 <= b.length) {
            long length = ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8)
                    | (b[at + 3] & 0xFF);
            if (length > Integer.MAX_VALUE || at + 12 + length > b.length) {
                return false;
            }
            String type = new String(b, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
                    || (first && !type.equals("IHDR"))) {
                return false;
            }
            CRC32 crc = new CRC32();
            crc.update(b, at + 4, 4 + (int) length);
            int end = at + 8 + (int) length;
            long stored = ((b[end] & 0xFFL) << 24) | ((b[end + 1] & 0xFF) << 16) | ((b[end + 2] & 0xFF) << 8)
                    | (b[end + 3] & 0xFF);
            if (crc.getValue() != stored) {
                return false;
            }
            at = end + 4;
            first = false;
            if (type.equals("IEND")) {
                return length == 0 && at == b.length;
            }
        }
        return false;
    }

    static boolean isPdf(byte[] b) {
        if (b.length < 14) {
            return false;
        }
        String head = new String(b, 0, 8, StandardCharsets.ISO_8859_1);
        if (!head.matches("%PDF-1\\.[0-7]") && !head.equals("%PDF-2.0")) {
            return false;
        }
        int end = b.length;
        while (end > 0 && isWhiteSpace(b[end - 1])) {
            end--;
        }
        return end >= 5 && new String(b, end - 5, 5, StandardCharsets.ISO_8859_1).equals("%%EOF");
    }

    /** Markup that makes a browser or an interpreter act on the file, in any case, anywhere. */
    static boolean hasMarkup(byte[] b) {
        for (String marker : MARKUP) {
            if (indexOf(b, marker.getBytes(StandardCharsets.US_ASCII), true) >= 0) {
                return true;
            }
        }
        byte[] svg = "<svg".getBytes(StandardCharsets.US_ASCII);
        int from = 0;
        int at;
        while ((at = indexOf(b, svg, true, from)) >= 0) {
            int next = at + svg.length;
            if (next == b.length || isWhiteSpace(b[next]) || b[next] == '>' || b[next] == '/') {
                return true;
            }
            from = at + 1;
        }
        return false;
    }

    /** PDF names that run or carry something: /JavaScript, /JS, /Launch, /EmbeddedFile (also #xx-escaped). */
    static boolean hasActiveNames(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] != '/') {
                continue;
            }
            StringBuilder name = new StringBuilder();
            int j = i + 1;
            while (j < b.length && isNameChar(b[j]) && name.length() <= 16) {
                if (b[j] == '#' && j + 2 < b.length && hex(b[j + 1]) >= 0 && hex(b[j + 2]) >= 0) {
                    name.append((char) (hex(b[j + 1]) * 16 + hex(b[j + 2])));
                    j += 3;
                } else {
                    name.append((char) (b[j] & 0xFF));
                    j++;
                }
            }
            if (ACTIVE_NAMES.contains(name.toString().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNameChar(byte c) {
        return c > 0x20 && c < 0x7F && "()<>[]{}/%".indexOf(c) < 0;
    }

    private static int hex(byte c) {
        return Character.digit(c, 16);
    }

    private static boolean isWhiteSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] b, byte[] needle, boolean ignoreCase) {
        return indexOf(b, needle, ignoreCase, 0);
    }

    private static int indexOf(byte[] b, byte[] needle, boolean ignoreCase, int from) {
        outer:
        for (int i = from; i <= b.length - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                byte x = b[i + k];
                byte y = needle[k];
                if (x != y && !(ignoreCase && lower(x) == lower(y))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte lower(byte c) {
        return c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
    }
}
