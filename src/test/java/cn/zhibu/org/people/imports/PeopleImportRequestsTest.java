package cn.zhibu.org.people.imports;

import static cn.zhibu.org.people.imports.ImportFiles.BOM;
import static cn.zhibu.org.people.imports.ImportFiles.HEADER;
import static cn.zhibu.org.people.imports.ImportFiles.IMPORTS;
import static cn.zhibu.org.people.imports.ImportFiles.csv;
import static cn.zhibu.org.people.imports.ImportFiles.upload;
import static cn.zhibu.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Requests to import people: replays, polling with ETags, checks of the request, size limits, byte order marks,
 * and who may import where. */
@QuarkusTest
class PeopleImportRequestsTest extends PeopleImportTests {

    @Test
    void theSameKeyAndFileReplayTheFirstAnswer() {
        byte[] file = csv(HEADER, List.of(id("1") + ",甲,FEMALE,1985-03-08,ACTIVIST,,,false,," + branchName + ","))
                .getBytes(StandardCharsets.UTF_8);
        String key = UUID.randomUUID().toString();
        Response first = ImportFiles.typed(admin(), "text/csv").header("Idempotency-Key", key).body(file).post(IMPORTS);
        first.then().statusCode(202).header("Idempotent-Replayed", "false");
        Response again = ImportFiles.typed(admin(), "text/csv").header("Idempotency-Key", key).body(file).post(IMPORTS);
        again.then().statusCode(202).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")));
        ImportFiles.finished(PeopleImportsApiTest::admin, first.header("Location"), job -> { });
        problem(ImportFiles.typed(admin(), "text/csv").header("Idempotency-Key", key).body("x\n".getBytes())
                .post(IMPORTS).then(), 422, "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void pollingShowsTheImportWithAnETag() {
        byte[] file = csv(HEADER, List.of(id("1") + ",甲,FEMALE,1985-03-08,ACTIVIST,,,false,," + branchName + ","))
                .getBytes(StandardCharsets.UTF_8);
        Response accepted = upload(admin(), file, "text/csv", "false");
        String location = accepted.header("Location");
        assertEquals("\"0\"", accepted.header("ETag"));
        Map<String, Object> done = ImportFiles.finished(PeopleImportsApiTest::admin, location, job -> { });
        String etag = admin().get(location).then().statusCode(200).extract().header("ETag");
        assertNotEquals("\"0\"", etag);
        assertEquals("\"" + done.get("version") + "\"", etag);
        admin().header("If-None-Match", etag).get(location).then().statusCode(304);
        assertTrue(done.get("finishedAt") != null && done.get("startedAt") != null);
    }

    @Test
    void requestsAreChecked() {
        byte[] file = csv(HEADER, List.of()).getBytes(StandardCharsets.UTF_8);
        problem(upload(admin(), file, "application/json", "false").then(), 415, "IMPORT_NOT_CSV");
        problem(upload(admin(), file, "text/csv; charset=ISO-8859-1", "false").then(), 415, "IMPORT_NOT_CSV");
        problem(upload(admin(), file, "text/plain", null).then(), 415, "IMPORT_NOT_CSV");
        problem(upload(admin(), file, "text/csv", "yes").then(), 400, "INVALID_PARAMETER");
        problem(upload(admin(), new byte[0], "text/csv", null).then(), 400, "IMPORT_FILE_EMPTY");
        problem(admin().contentType("text/csv").body(file).post(IMPORTS).then(), 400, "IDEMPOTENCY_KEY_REQUIRED");
        problem(admin().get(IMPORTS + "/" + UUID.randomUUID()).then(), 404, "NOT_FOUND");
        problem(admin().get(IMPORTS + "/" + UUID.randomUUID() + "/errors").then(), 404, "NOT_FOUND");
        Map<String, Object> job = run(file, "text/csv", "true");
        problem(admin().queryParam("limit", 0).get(IMPORTS + "/" + job.get("id") + "/errors").then(), 400,
                "INVALID_PARAMETER");
        problem(admin().queryParam("cursor", "abc.def").get(IMPORTS + "/" + job.get("id") + "/errors").then(), 400,
                "INVALID_CURSOR");
    }

    @Test
    void aFileOverTheLimitIsA413AndOneOverAMebibyteIsTaken() throws Exception {
        // the server answers from the declared length, before the body (the JDK's client waits forever there)
        try (Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
            socket.setSoTimeout(30_000);
            String head = "POST " + IMPORTS + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "Authorization: " + adminAuthorization() + "\r\nIdempotency-Key: " + UUID.randomUUID()
                    + "\r\nContent-Length: " + (16 * 1024 * 1024 + 1) + "\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            int read;
            while (!answer.toString().endsWith("}") && (read = socket.getInputStream().read(buffer)) > 0) {
                answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
            assertTrue(answer.toString().startsWith("HTTP/1.1 413"), answer.toString());
            assertTrue(answer.toString().contains("\"code\":\"PAYLOAD_TOO_LARGE\""), answer.toString());
            assertTrue(answer.toString().contains("16777216"), answer.toString());
        }
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        int n = 0;
        while (file.length() < 1_200_000) {
            file.append(id("m" + n++)).append(",某人,MALE,1990-01-01,NON_MEMBER,,,false,,").append(branchName)
                    .append(",\n");
        }
        Map<String, Object> job = run(file.toString().getBytes(StandardCharsets.UTF_8), "text/csv", "true");
        assertEquals("SUCCEEDED", job.get("state"));
        assertEquals(n, job.get("created"));
    }

    @Test
    void aBranchNamedByIdMustBeABranchEvenWithoutAGroupsColumn() {
        byte[] file = ("externalId,name,gender,birthDate,politicalStatus,branch\n"
                + id("g") + ",甲,FEMALE,1985-03-08,ACTIVIST," + group + "\n"
                + ",,,,,\n" // Excel's cleared row: skipped like a blank line
                + id("b") + ",乙,FEMALE,1985-03-08,ACTIVIST," + branch + "\n").getBytes(StandardCharsets.UTF_8);
        Map<String, Object> job = run(file, "text/csv", "true");
        assertEquals("FAILED", job.get("state"));
        assertEquals(List.of("2 branch PERSON_UNIT_KIND_WRONG"), lineColumnCodes(errors(job.get("id"), "en")));
    }

    @Test
    void aFileWithAUtf8ByteOrderMarkIsUtf8EvenWithABadByte() {
        byte[] good = csv(HEADER, List.of(id("1") + ",甲,FEMALE,1985-03-08,ACTIVIST,,,false,," + branchName + ","))
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[3 + good.length + 1];
        System.arraycopy(ImportFiles.BOM, 0, file, 0, 3);
        System.arraycopy(good, 0, file, 3, good.length);
        file[file.length - 1] = (byte) 0xFF; // not UTF-8 anywhere
        Map<String, Object> job = run(file, "text/csv", "true");
        assertEquals("FAILED", job.get("state"));
        assertEquals("UTF-8", job.get("charset"));
        List<String> codes = lineColumnCodes(errors(job.get("id"), "en"));
        assertEquals(1, codes.size(), codes.toString());
        assertTrue(codes.get(0).endsWith("IMPORT_ENCODING_INVALID"), codes.toString());
    }

    @Test
    void secretariesImportIntoTheirOwnBranchesOnly() {
        byte[] empty = csv(HEADER, List.of()).getBytes(StandardCharsets.UTF_8);
        problem(upload(caller(), empty, "text/csv", "true").then(), 401, "UNAUTHENTICATED");
        problem(caller().get(IMPORTS + "/" + UUID.randomUUID()).then(), 401, "UNAUTHENTICATED");
        UUID inBranch = UUID.fromString(branch);
        for (String role : List.of(Roles.MEMBER, Roles.GROUP_LEADER, Roles.INTEGRITY_OFFICER)) {
            problem(upload(Api.as("importer-" + role, role, inBranch), empty, "text/csv", "true").then(), 403,
                    "FORBIDDEN");
        }
        Supplier<RequestSpecification> secretary = () -> Api.as("import-secretary", Roles.SECRETARY, inBranch);
        problem(secretary.get().get(IMPORTS + "/" + UUID.randomUUID()).then(), 404, "NOT_FOUND");
        // someone of the other branch, whom the secretary may not take over
        Map<String, Object> other = new HashMap<>();
        other.put("externalId", id("other"));
        other.put("name", "外人");
        other.put("gender", "MALE");
        other.put("birthDate", "1980-01-01");
        other.put("politicalStatus", "ACTIVIST");
        other.put("leadingCadre", false);
        other.put("branchId", otherBranch);
        admin().header("Idempotency-Key", UUID.randomUUID().toString()).body(other).post("/v1/people").then()
                .statusCode(201);
        byte[] file = csv(HEADER, List.of(
                id("1") + ",甲,FEMALE,1985-03-08,ACTIVIST,,,false,," + branchName + ",",
                id("2") + ",乙,FEMALE,1985-03-08,ACTIVIST,,,false,," + otherBranchName + ",",
                id("other") + ",外人,MALE,1980-01-01,ACTIVIST,,,false,," + branchName + ","))
                .getBytes(StandardCharsets.UTF_8);
        Response accepted = upload(secretary.get(), file, "text/csv", "false");
        accepted.then().statusCode(202);
        Map<String, Object> job = ImportFiles.finished(secretary, accepted.header("Location"), seen -> { });
        assertEquals("FAILED", job.get("state"));
        List<Map<String, Object>> problems = new ArrayList<>();
        secretary.get().get(accepted.header("Location") + "/errors").then().statusCode(200)
                .extract().<List<Map<String, Object>>>path("items").forEach(problems::add);
        assertEquals(List.of("3 branch IMPORT_UNIT_NOT_FOUND", "4 externalId IMPORT_PERSON_OUT_OF_REACH"),
                lineColumnCodes(problems));
        // an import is seen by whoever started it and by those who import everywhere, not by others
        problem(Api.as("import-other-secretary", Roles.SECRETARY, UUID.fromString(otherBranch))
                .get(accepted.header("Location")).then(), 404, "NOT_FOUND");
        admin().get(accepted.header("Location")).then().statusCode(200);
        // within the branch it works
        byte[] own = csv(HEADER, List.of(id("1") + ",甲,FEMALE,1985-03-08,ACTIVIST,,,false,," + branchName + ","))
                .getBytes(StandardCharsets.UTF_8);
        Response ok = upload(secretary.get(), own, "text/csv", "false");
        assertEquals("SUCCEEDED", ImportFiles.finished(secretary, ok.header("Location"), seen -> { }).get("state"));
    }
}
