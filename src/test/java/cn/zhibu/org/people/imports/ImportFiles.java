package cn.zhibu.org.people.imports;

import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Making CSV files, sending them to /v1/people/imports and waiting for the outcome. */
final class ImportFiles {

    static final String IMPORTS = "/v1/people/imports";
    static final String HEADER =
            "externalId,name,gender,birthDate,politicalStatus,partyJoinDate,jobTitle,leadingCadre,phone,branch,groups";
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final Charset GB18030 = Charset.forName("GB18030");

    private ImportFiles() {
    }

    static String csv(String header, List<String> lines) {
        return header + "\r\n" + String.join("\r\n", lines) + "\r\n";
    }

    /** A request with this Content-Type exactly (rest-assured adds no charset). */
    static RequestSpecification typed(RequestSpecification caller, String contentType) {
        return caller.config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType);
    }

    /** Sends a file as it is with a new Idempotency-Key. */
    static Response upload(RequestSpecification caller, byte[] file, String contentType, String dryRun) {
        RequestSpecification request = typed(caller, contentType)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(file);
        if (dryRun != null) {
            request.queryParam("dryRun", dryRun);
        }
        return request.post(IMPORTS);
    }

    /** Polls the import until it has finished; {@code seen} gets every view read on the way. */
    static Map<String, Object> finished(Supplier<RequestSpecification> caller, String location,
            Consumer<Map<String, Object>> seen) {
        return finished(caller, location, seen, 50);
    }

    /** As above, polling every {@code pauseMillis} (each poll costs the client a signed token and a contract check). */
    static Map<String, Object> finished(Supplier<RequestSpecification> caller, String location,
            Consumer<Map<String, Object>> seen, long pauseMillis) {
        long deadline = System.nanoTime() + 600_000_000_000L; // ten minutes: a busy machine, not a slow import (18 s alone)
        while (System.nanoTime() < deadline) {
            Map<String, Object> job = caller.get().get(location).then().statusCode(200).extract().as(Map.class);
            seen.accept(job);
            if (List.of("SUCCEEDED", "FAILED", "ERROR").contains(job.get("state"))) {
                return job;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("the import " + location + " did not finish");
    }
}
