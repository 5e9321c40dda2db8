package cn.zhibu.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The committed contract as swagger-request-validator checks it fully. Given OpenAPI 3.1 as it is, the
 * validator checks required properties but no types at all: a null, a number or an object passes for a
 * string. So it is given the same document in OpenAPI 3.0 terms: {@code type: [X, "null"]} becomes
 * {@code type: X, nullable: true}; schema {@code examples} lists and the licence identifier (3.1 only) go.
 */
final class ValidatorContract {

    private ValidatorContract() {
    }

    static String read(Path contract) {
        try {
            ObjectNode tree = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(Files.readString(contract));
            tree.put("openapi", "3.0.3");
            if (tree.path("info").path("license") instanceof ObjectNode license) {
                license.remove("identifier");
            }
            downgrade(tree);
            return new ObjectMapper().writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void downgrade(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("type") instanceof ArrayNode types) {
                String type = null;
                boolean nullable = false;
                for (JsonNode t : types) {
                    if ("null".equals(t.asText())) {
                        nullable = true;
                    } else if (type == null) {
                        type = t.asText();
                    } else {
                        throw new IllegalStateException("a schema of two types: " + types);
                    }
                }
                if (type == null) {
                    object.remove("type");
                } else {
                    object.put("type", type);
                }
                if (nullable) {
                    object.put("nullable", true);
                }
            }
            if (object.get("examples") instanceof ArrayNode) {
                object.remove("examples"); // a schema's examples (3.1); media types' examples are a map
            }
            object.elements().forEachRemaining(ValidatorContract::downgrade);
        } else if (node instanceof ArrayNode array) {
            array.forEach(ValidatorContract::downgrade);
        }
    }
}
