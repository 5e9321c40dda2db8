package cn.zhibu.lecture.minutes;

import static cn.zhibu.lecture.minutes.MinutesAttachmentsApiTest.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.lecture.minutes.AttachmentContent.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What the bytes of a file are, and the names it is served under. */
class AttachmentContentTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void realFilesAreWhatTheyAre() {
        assertEquals(Verdict.ACCEPTED, AttachmentContent.check(MinutesFixtures.jpeg(), AttachmentContent.JPEG));
        assertEquals(Verdict.ACCEPTED, AttachmentContent.check(MinutesFixtures.png(), AttachmentContent.PNG));
        assertEquals(Verdict.ACCEPTED, AttachmentContent.check(MinutesDemoData.photo(), AttachmentContent.PNG));
        assertEquals(Verdict.ACCEPTED, AttachmentContent.check(MinutesFixtures.pdf(), AttachmentContent.PDF));
        assertEquals(Verdict.ACCEPTED, AttachmentContent.check(concat(MinutesFixtures.pdf(), ascii("\r\n  \n")),
                AttachmentContent.PDF), "white space after %%EOF");
        assertEquals(Verdict.NOT_AS_DECLARED, AttachmentContent.check(MinutesFixtures.jpeg(), AttachmentContent.PDF));
    }

    @Test
    void aJpegEndsAtItsEndOfImageMarkerAndAPngAtIend() {
        byte[] jpeg = MinutesFixtures.jpeg();
        assertEquals(Verdict.NOT_AS_DECLARED, AttachmentContent.check(concat(jpeg, new byte[] {0, 0}),
                AttachmentContent.JPEG), "no trailing padding either");
        assertEquals(Verdict.NOT_AS_DECLARED, AttachmentContent.check(Arrays.copyOf(jpeg, jpeg.length - 1),
                AttachmentContent.JPEG));
        // a second file appended after the image, ending in FF D9 itself (a JPEG + ZIP polyglot): the image ends
        // at its own end-of-image marker, not at the file's last two bytes
        byte[] zipTail = {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, (byte) 0xFF,
            (byte) 0xD9};
        assertEquals(Verdict.NOT_AS_DECLARED, AttachmentContent.check(concat(jpeg, zipTail), AttachmentContent.JPEG),
                "appended data ending in FF D9");
        byte[] png = MinutesFixtures.png();
        byte[] broken = png.clone();
        broken[20] ^= 1; // inside IHDR: its CRC no longer matches
        assertEquals(Verdict.NOT_AS_DECLARED, AttachmentContent.check(broken, AttachmentContent.PNG));
        assertEquals(Verdict.NOT_AS_DECLARED, AttachmentContent.check(Arrays.copyOf(png, png.length - 12),
                AttachmentContent.PNG), "without IEND");
        assertEquals(Verdict.NOT_AS_DECLARED, AttachmentContent.check(ascii("%PDF-3.0\n%%EOF"),
                AttachmentContent.PDF));
        assertEquals(Verdict.NOT_AS_DECLARED, AttachmentContent.check(ascii("%PDF-1.4\n%%EOF\nmore"),
                AttachmentContent.PDF));
        for (String action : new String[] {"/OpenAction 3 0 R", "/AA << >>", "/EmbeddedFiles 4 0 R", "/URI (x)"}) {
            assertEquals(Verdict.ACTIVE_CONTENT, AttachmentContent.check(ascii("%PDF-1.7\n1 0 obj << " + action
                    + " >> endobj\n%%EOF"), AttachmentContent.PDF), action);
        }
    }

    @Test
    void markupAndActivePdfNamesMakeAPolyglot() {
        byte[] jpeg = MinutesFixtures.jpeg();
        for (String markup : new String[] {"<SCRIPT src=x>", "<Html>", "<?PHP", "<svg onload=x>", "<svg/onload=x>"}) {
            byte[] hidden = concat(Arrays.copyOf(jpeg, 2), new byte[] {(byte) 0xFF, (byte) 0xFE, 0,
                (byte) (markup.length() + 2)}, ascii(markup), Arrays.copyOfRange(jpeg, 2, jpeg.length));
            assertEquals(Verdict.ACTIVE_CONTENT, AttachmentContent.check(hidden, AttachmentContent.JPEG), markup);
        }
        assertEquals(Verdict.ACCEPTED, AttachmentContent.check(MinutesFixtures.pdf("% <svgfont> is not svg\n"),
                AttachmentContent.PDF));
        for (String name : new String[] {"/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/J#53", "/#4c#61unch"}) {
            assertEquals(Verdict.ACTIVE_CONTENT, AttachmentContent.check(MinutesFixtures.pdf("4 0 obj << /S " + name
                    + " >> endobj\n"), AttachmentContent.PDF), name);
        }
        assertEquals(Verdict.ACCEPTED, AttachmentContent.check(MinutesFixtures.pdf("4 0 obj << /JSON 1 /Length 2 >> "
                + "endobj\n"), AttachmentContent.PDF), "a longer name is another name");
    }

    @Test
    void namesAreCleanedAndServedAsRfc6266Says() {
        assertEquals("photo.jpg", AttachmentNames.sanitise("C:\\Users\\me\\photo.jpg", AttachmentContent.JPEG));
        assertEquals("photo.jpeg", AttachmentNames.sanitise("photo.jpeg", AttachmentContent.JPEG));
        assertEquals("run.sh.png", AttachmentNames.sanitise("run.sh", AttachmentContent.PNG));
        assertEquals("attachment.pdf", AttachmentNames.sanitise("../..", AttachmentContent.PDF));
        assertEquals("attachment.pdf", AttachmentNames.sanitise(null, AttachmentContent.PDF));
        assertEquals("ab.pdf", AttachmentNames.sanitise("a\"\r\n\u0000b", AttachmentContent.PDF));
        assertEquals("invoicefdp.exe.pdf", AttachmentNames.sanitise("invoice\u202Efdp.exe", AttachmentContent.PDF));
        String longName = "长".repeat(300) + ".pdf";
        String kept = AttachmentNames.sanitise(longName, AttachmentContent.PDF);
        assertEquals(AttachmentNames.MAX_LENGTH, kept.codePointCount(0, kept.length()));
        assertEquals(".pdf", kept.substring(kept.length() - 4));
        assertEquals("attachment; filename=\"__ 1.jpg\"; filename*=UTF-8''%E5%90%88%E5%BD%B1%201.jpg",
                AttachmentNames.contentDisposition("合影 1.jpg"));
        assertEquals("attachment; filename=\"100_.pdf\"; filename*=UTF-8''100%25.pdf",
                AttachmentNames.contentDisposition("100%.pdf"));
    }
}
