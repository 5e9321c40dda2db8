package cn.zhibu.platform.problem;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The slots in which files posted to {@code /v1/people/imports} are read (two per replica, each for up to the file
 * timeout) go only to callers whose token verifies and who may import somewhere: a junk token is answered 401 and a
 * member's 403 before any of the body is read, and holds nothing.
 */
@QuarkusTest
class FileSlotsTest {

    @Test
    void onlyCallersWhoMayImportHoldFileSlots() throws Exception {
        String member = Api.token("file-slots-member", Roles.MEMBER);
        List<Socket> held = new ArrayList<>();
        try {
            // more callers than slots start sending a large file and stop: none of them is waited for
            for (String authorization : List.of("Bearer junk", "Bearer junk.junk.junk", "Basic YWRtaW46YWRtaW4=",
                    "Bearer " + member)) {
                held.add(startUpload(authorization));
            }
            for (int i = 0; i < held.size(); i++) {
                String answer = head(held.get(i));
                String expected = i < 3 ? "HTTP/1.1 401" : "HTTP/1.1 403";
                assertTrue(answer.startsWith(expected), "upload " + i + ": " + answer);
                assertTrue(answer.contains(Problem.MEDIA_TYPE), answer);
                assertTrue(i >= 3 || answer.toLowerCase(java.util.Locale.ROOT).contains("www-authenticate: bearer"),
                        answer);
            }
            // while their connections are still open, an org admin's file is read and taken
            String file = "externalId,name,gender,birthDate,politicalStatus,branch\r\n";
            Api.as("file-slots-admin", Roles.ORG_ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType("text/csv; charset=utf-8").queryParam("dryRun", "true").body(file.getBytes(StandardCharsets.UTF_8))
                    .post("/v1/people/imports").then().statusCode(202);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /** A POST of a 10 MB file whose first bytes only are sent. */
    private static Socket startUpload(String authorization) throws IOException {
        Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port);
        socket.setSoTimeout(20_000);
        socket.getOutputStream().write(("POST /v1/people/imports HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + authorization + "\r\nIdempotency-Key: " + UUID.randomUUID() + "\r\n"
                + "Content-Type: text/csv\r\nContent-Length: 10000000\r\n\r\nexternalId,name\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** The answer's head (status line and headers), waited for up to the socket's timeout. */
    private static String head(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        while (!read.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            read.write(b);
        }
        return read.toString(StandardCharsets.ISO_8859_1);
    }
}
