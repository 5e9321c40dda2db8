package cn.zhibu.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.testing.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The committed contract equals what the service serves. To rewrite it after an API change:
 * {@code ./mvnw test -Dtest=ContractTest -Dzhibu.contract.write=true}.
 */
@QuarkusTest
class ContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)); // quoted strings: no YAML 1.1 reader takes 2026-10-01 for a date

    @Test
    void committedContractEqualsServedDocument() throws Exception {
        String served = RestAssured.given().accept("application/yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        JsonNode servedTree = YAML.readTree(served);
        if (Boolean.getBoolean("zhibu.contract.write")) {
            Files.createDirectories(Api.CONTRACT.getParent());
            Files.writeString(Api.CONTRACT, YAML.writeValueAsString(servedTree));
        }
        assertTrue(Files.exists(Api.CONTRACT), "openapi/openapi.yaml is missing; write it with -Dzhibu.contract.write=true");
        JsonNode committed = YAML.readTree(Files.readString(Api.CONTRACT));
        assertEquals(committed, servedTree,
                "openapi/openapi.yaml differs from the served contract; rewrite it with "
                        + "./mvnw test -Dtest=ContractTest -Dzhibu.contract.write=true and review the diff");
    }
}
