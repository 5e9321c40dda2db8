package cn.zhibu.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.testing.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed contract is one that client generators (openapi-generator's Java and TypeScript clients)
 * understand as it is: objects say which properties are always there, every property has one type (and
 * maybe null), enums are named schemas, every parameter is typed, downloads are bytes. Reads openapi/openapi.yaml; no service.
 */
class ContractShapeTest {

    private static JsonNode contract;

    @BeforeAll
    static void read() throws Exception {
        contract = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Api.CONTRACT));
    }

    @Test
    void everyObjectWithPropertiesListsItsRequiredProperties() {
        List<String> missing = new ArrayList<>();
        walkSchemas(contract, "#", (where, schema) -> {
            if (schema.has("properties") && !schema.has("required")) {
                missing.add(where);
            }
        });
        assertEquals(List.of(), missing, missing.size() + " object schemas have properties but no required list");
    }

    @Test
    void everySchemaHasOneTypeAndMaybeNull() {
        List<String> mixed = new ArrayList<>();
        walkSchemas(contract, "#", (where, schema) -> {
            JsonNode type = schema.get("type");
            if (type != null && type.isArray()) {
                long nonNull = 0;
                for (JsonNode t : type) {
                    nonNull += "null".equals(t.asText()) ? 0 : 1;
                }
                if (nonNull != 1) {
                    mixed.add(where + " " + type);
                }
            }
        });
        assertEquals(List.of(), mixed, mixed.size() + " schemas have a type array beyond one type and null");
    }

    @Test
    void enumsAreNamedSchemas() {
        List<String> inline = new ArrayList<>();
        JsonNode components = contract.path("components");
        components.path("schemas").fields().forEachRemaining(schema ->
                schema.getValue().fields().forEachRemaining(field -> walkSchemas(field.getValue(),
                        "#/components/schemas/" + schema.getKey() + "/" + field.getKey(),
                        (where, s) -> collectEnum(where, s, inline))));
        walkSchemas(contract.path("paths"), "#/paths", (where, s) -> collectEnum(where, s, inline));
        walkSchemas(components.path("parameters"), "#/components/parameters", (where, s) -> collectEnum(where, s, inline));
        assertEquals(List.of(), inline, "enums of more than one value written inline instead of as a named schema");
    }

    private static void collectEnum(String where, JsonNode schema, List<String> inline) {
        if (schema.path("enum").size() > 1 && !where.contains("/headers/")) {
            inline.add(where);
        }
    }

    @Test
    void everyParameterIsTyped() {
        List<String> untyped = new ArrayList<>();
        contract.path("components").path("parameters").fields()
                .forEachRemaining(e -> checkParameter("#/components/parameters/" + e.getKey(), e.getValue(), untyped));
        contract.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            for (JsonNode parameter : op.getValue().path("parameters")) {
                String name = op.getValue().path("operationId").asText(path.getKey() + " " + op.getKey());
                checkParameter(name + " " + parameter.path("name").asText(), parameter, untyped);
            }
        }));
        assertEquals(List.of(), untyped, untyped.size() + " parameters have no type");
    }

    @Test
    void downloadsAreBytes() {
        List<String> notBytes = new ArrayList<>();
        contract.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                op.getValue().path("responses").fields().forEachRemaining(response ->
                        response.getValue().path("content").fields().forEachRemaining(media -> {
                            if (!media.getKey().contains("json")) {
                                JsonNode schema = media.getValue().path("schema");
                                if (!"string".equals(schema.path("type").asText())
                                        || !"binary".equals(schema.path("format").asText())) {
                                    notBytes.add(op.getValue().path("operationId").asText() + " " + media.getKey());
                                }
                            }
                        }))));
        assertEquals(List.of(), notBytes, "downloads not declared as type string, format binary");
    }

    private static void checkParameter(String where, JsonNode parameter, List<String> untyped) {
        if (parameter.has("$ref")) {
            return;
        }
        JsonNode schema = parameter.path("schema");
        if (!schema.has("type") && !schema.has("$ref")) {
            untyped.add(where);
        }
    }

    /** Calls back every schema object of the document: components, and inline ones under paths. */
    private static void walkSchemas(JsonNode node, String where, java.util.function.BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            boolean isSchema = node.has("type") || node.has("properties");
            if (isSchema && !node.has("in") && !node.has("content")) {
                visit.accept(where, node);
            }
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                if (!"examples".equals(field.getKey()) && !"example".equals(field.getKey())) {
                    walkSchemas(field.getValue(), where + "/" + field.getKey(), visit);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walkSchemas(node.get(i), where + "/" + i, visit);
            }
        }
    }
}
