package cn.zhibu.lecture.minutes;

import static cn.zhibu.lecture.minutes.MinutesFixtures.jpeg;
import static cn.zhibu.lecture.minutes.MinutesFixtures.pdf;
import static cn.zhibu.lecture.minutes.MinutesFixtures.png;
import static cn.zhibu.lecture.minutes.MinutesFixtures.secretary;
import static cn.zhibu.lecture.minutes.MinutesFixtures.setting;
import static cn.zhibu.lecture.minutes.MinutesFixtures.upload;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.lecture.minutes.MinutesFixtures.Setting;
import cn.zhibu.study.StudyFixtures;
import cn.zhibu.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Photos, sign-in sheets and scanned minutes: checked by their bytes, stored with their SHA-256, served as stored. */
@QuarkusTest
class MinutesAttachmentsApiTest {

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void eachKindOfFileRoundTripsByteForByteWithItsSha256() throws Exception {
        Setting s = setting(false);
        List<Object[]> files = List.of(new Object[] {"image/jpeg", jpeg(), "PHOTO", "合影 2027/03.jpg", "03.jpg"},
                new Object[] {"image/png", png(), "SIGN_IN_SHEET", "签到表", "签到表.png"},
                new Object[] {"application/pdf", pdf(), "MINUTES_SCAN", "..\\会议记录\u202Egpj.pdf", "会议记录gpj.pdf"});
        for (Object[] f : files) {
            byte[] bytes = (byte[]) f[1];
            ExtractableResponse<Response> stored = upload(secretary(s.branch()), (String) f[0], bytes, (String) f[2],
                    (String) f[3]).post(s.attachments()).then().statusCode(201)
                    .header("Location", containsString("/v1/party-days/" + s.day() + "/attachments/"))
                    .body("purpose", equalTo(f[2])).body("contentType", equalTo(f[0]))
                    .body("fileName", equalTo(f[4])).body("size", equalTo(bytes.length))
                    .body("sha256", equalTo(sha256(bytes))).extract();
            String id = stored.path("id");
            ExtractableResponse<Response> served = StudyFixtures.member(s.branch()).api().accept("*/*")
                    .get(s.attachments() + "/" + id).then().statusCode(200).contentType((String) f[0])
                    .header("ETag", "\"" + sha256(bytes) + "\"").header("X-Content-Type-Options", "nosniff")
                    .header("Content-Disposition", startsWith("attachment; filename=\"")).extract();
            assertArrayEquals(bytes, served.asByteArray());
            assertEquals(sha256(bytes), sha256(served.asByteArray()));
            assertEquals(1, Sql.count("select count(*) from minutes_attachment where id = ?1 "
                    + "and sha256 = encode(sha256(content), 'hex') and content = decode(?2, 'hex')", id,
                    HexFormat.of().formatHex(bytes)), "the row holds the bytes and their digest");
        }
        String disposition = secretary(s.branch()).accept("*/*").get(s.attachments() + "/"
                + secretary(s.branch()).get(s.attachments()).then().extract().path("items[0].id")).then()
                .extract().header("Content-Disposition");
        assertEquals("attachment; filename=\"03.jpg\"; filename*=UTF-8''03.jpg", disposition);
        secretary(s.branch()).get(s.attachments()).then().statusCode(200).body("items", hasSize(3))
                .body("items.purpose", equalTo(List.of("PHOTO", "SIGN_IN_SHEET", "MINUTES_SCAN")));
    }

    @Test
    void aScriptNamedJpgIsRefusedAndNothingIsStored() {
        Setting s = setting(false);
        byte[] script = "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.UTF_8);
        problem(upload(secretary(s.branch()), "image/jpeg", script, "PHOTO", "photo.jpg").post(s.attachments())
                .then(), 422, "ATTACHMENT_NOT_AS_DECLARED");
        // a JPEG frame around a script is a JPEG that also carries markup
        byte[] wrapped = concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xFE, 0,
                (byte) (script.length + 2)}, script,
                new byte[] {(byte) 0xFF, (byte) 0xD9});
        problem(upload(secretary(s.branch()), "image/jpeg", wrapped, "PHOTO", "photo.jpg").post(s.attachments())
                .then(), 422, "ATTACHMENT_ACTIVE_CONTENT");
        assertEquals(0, stored(s));
    }

    @Test
    void polyglotsAndMislabelledFilesAreRefused() {
        Setting s = setting(false);
        byte[] jpeg = jpeg();
        // a JPEG with a whole PDF in its comment segment: it ends FF D9 and opens as a PDF as well
        byte[] pdf = pdf();
        byte[] comment = concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, (byte) (pdf.length + 2)}, pdf);
        byte[] polyglot = concat(Arrays.copyOf(jpeg, 2), comment, Arrays.copyOfRange(jpeg, 2, jpeg.length));
        problem(upload(secretary(s.branch()), "image/jpeg", polyglot, "PHOTO", "a.jpg").post(s.attachments()).then(),
                422, "ATTACHMENT_ACTIVE_CONTENT");
        // a PNG with bytes after IEND
        byte[] trailing = concat(png(), "<?php system($_GET['c']); ?>".getBytes(StandardCharsets.US_ASCII));
        problem(upload(secretary(s.branch()), "image/png", trailing, "PHOTO", "a.png").post(s.attachments()).then(),
                422, "ATTACHMENT_NOT_AS_DECLARED");
        problem(upload(secretary(s.branch()), "image/png", concat(png(), new byte[] {0}), "PHOTO", "a.png")
                .post(s.attachments()).then(), 422, "ATTACHMENT_NOT_AS_DECLARED");
        // what the bytes are is not what the request says
        problem(upload(secretary(s.branch()), "image/png", jpeg, "PHOTO", "a.png").post(s.attachments()).then(),
                422, "ATTACHMENT_NOT_AS_DECLARED");
        problem(upload(secretary(s.branch()), "application/pdf", png(), "MINUTES_SCAN", "a.pdf")
                .post(s.attachments()).then(), 422, "ATTACHMENT_NOT_AS_DECLARED");
        // a PDF that runs script, even with its name escaped
        problem(upload(secretary(s.branch()), "application/pdf", pdf("4 0 obj << /S /J#61vaScript /JS (app.alert(1)) "
                + ">> endobj\n"), "MINUTES_SCAN", "a.pdf").post(s.attachments()).then(), 422,
                "ATTACHMENT_ACTIVE_CONTENT");
        problem(upload(secretary(s.branch()), "application/pdf", pdf("% <html><body>x</body></html>\n"),
                "MINUTES_SCAN", "a.pdf").post(s.attachments()).then(), 422, "ATTACHMENT_ACTIVE_CONTENT");
        // other types are not taken at all
        problem(upload(secretary(s.branch()), "image/svg+xml", "<svg/>".getBytes(StandardCharsets.US_ASCII),
                "PHOTO", "a.svg").post(s.attachments()).then(), 415, "UNSUPPORTED_MEDIA_TYPE");
        problem(upload(secretary(s.branch()), "image/png", new byte[0], "PHOTO", "a.png").post(s.attachments())
                .then(), 400, "ATTACHMENT_EMPTY");
        problem(upload(secretary(s.branch()), "image/png", png(), "SELFIE", "a.png").post(s.attachments()).then(),
                400, "INVALID_PARAMETER");
        problem(upload(secretary(s.branch()), "image/png", png(), null, "a.png").post(s.attachments()).then(),
                400, "INVALID_PARAMETER");
        assertEquals(0, stored(s));
    }

    @Test
    void aFileAtTheLimitIsTakenAndOneByteMoreIsRefusedWith413() {
        Setting s = setting(false);
        int limit = 10 * 1024 * 1024;
        byte[] atLimit = pdfOf(limit);
        upload(secretary(s.branch()), "application/pdf", atLimit, "MINUTES_SCAN", "scan.pdf").post(s.attachments())
                .then().statusCode(201).body("size", equalTo(limit));
        problem(upload(secretary(s.branch()), "application/pdf", pdfOf(limit + 1), "MINUTES_SCAN", "scan.pdf")
                .post(s.attachments()).then(), 413, "PAYLOAD_TOO_LARGE");
        // beyond what the HTTP layer reads at all
        problem(upload(secretary(s.branch()), "application/pdf", pdfOf(16 * 1024 * 1024 + 1), "MINUTES_SCAN",
                "scan.pdf").post(s.attachments()).then(), 413, "PAYLOAD_TOO_LARGE");
        assertEquals(1, stored(s));
    }

    @Test
    void aSessionTakesAtMostTheSettingsNumberOfAttachments() {
        Setting s = setting(false);
        byte[] photo = png();
        for (int i = 0; i < 30; i++) {
            upload(secretary(s.branch()), "image/png", photo, "PHOTO", "p" + i + ".png").post(s.attachments()).then()
                    .statusCode(201);
        }
        problem(upload(secretary(s.branch()), "image/png", photo, "PHOTO", "p30.png").post(s.attachments()).then(),
                422, "ATTACHMENT_TOO_MANY");
        assertEquals(30, stored(s));
    }

    /** A well-formed PDF of exactly this many bytes. */
    static byte[] pdfOf(int size) {
        byte[] head = "%PDF-1.7\n%".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(tail, 0, bytes, size - tail.length, tail.length);
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static long stored(Setting s) {
        return Sql.count("select count(*) from minutes_attachment where party_day_id = ?1", s.day());
    }
}
