package cn.zhibu.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the contract that takes a body, sent none ({@code Content-Length: 0}) by an org admin: answered
 * at once with a problem, a required body with 400 (a validation problem names the field {@code body}); it used to
 * hold a worker for 60 s and answer 500.
 */
@QuarkusTest
class EmptyBodiesTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    @Test
    void everyOperationAnswersAMissingBodyAtOnce() throws Exception {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(Api.CONTRACT.toFile()).path("paths");
        String token = Api.token("empty-bodies-admin", Roles.ORG_ADMIN);
        List<String> wrong = new ArrayList<>();
        int called = 0;
        for (Map.Entry<String, JsonNode> path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
            for (Map.Entry<String, JsonNode> operation : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                JsonNode body = operation.getValue().path("requestBody");
                if (body.isMissingNode()) {
                    continue;
                }
                called++;
                String declared = body.path("content").fieldNames().next();
                long started = System.nanoTime();
                // Content-Length: 0, said by the client itself
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":"
                                + RestAssured.port + concrete(path.getKey())))
                        .method(operation.getKey().toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers.noBody())
                        .header("Authorization", "Bearer " + token).header("Content-Type", declared)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).header("If-Match", "\"0\"")
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                long millis = (System.nanoTime() - started) / 1_000_000;
                String type = answer.headers().firstValue("Content-Type").orElse("");
                JsonNode problem = JSON.readTree(answer.body());
                // a validation problem names the body; others say what the operation missed (no file, no grant type)
                boolean namesBody = answer.statusCode() == 400 && (!problem.path("code").asText()
                        .equals("VALIDATION_FAILED") || problem.path("errors").findValuesAsText("field").contains("body"));
                if (!type.startsWith(Problem.MEDIA_TYPE) || answer.statusCode() >= 500 || millis > 2000
                        || (body.path("required").asBoolean() && !namesBody)) {
                    wrong.add(operation.getKey() + " " + path.getKey() + ": " + answer.statusCode() + " " + type
                            + " in " + millis + " ms " + answer.body());
                }
            }
        }
        System.out.printf("Empty bodies: %d operations take a body, %d answered otherwise than expected%n", called,
                wrong.size());
        assertEquals(List.of(), wrong);
    }

    /** The path with its parameters filled: ids that exist nowhere, a week, a date. */
    private static String concrete(String template) {
        Matcher parameter = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            String value = name.equals("week") ? "2026-W10" : name.equals("date") ? "2026-03-02"
                    : name.equals("stage") ? "PEER_EVALUATION" : UUID.randomUUID().toString();
            parameter.appendReplacement(out, value);
        }
        return parameter.appendTail(out).toString();
    }
}
