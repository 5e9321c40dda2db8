package cn.zhibu.platform.fuzz;

import static cn.zhibu.platform.fuzz.SchemaSamples.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Bad bodies for an operation that takes JSON: the whole body (empty with {@code Content-Length: 0}, {@code {}},
 * {@code []}, {@code null}, invalid JSON, no Content-Type, UTF-16) and each property of a valid-ish body in turn
 * (dropped when required, {@code null}, a value of the wrong JSON type, a string of 100,000 chars, a NUL, -1,
 * Long.MAX_VALUE, 1e309, an unknown enum value, an id that is no UUID, far dates, huge arrays).
 */
@SuppressWarnings("rawtypes")
final class BodyMutations {

    static final String JSON_TYPE = "application/json";
    static final String EMPTY_BODY = "body: empty, Content-Length: 0";
    static final int HUGE = 100_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BodyMutations() {
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mutations of {@code base} (a request with a valid-ish body {@code valid} of schema {@code schema}). */
    static List<FuzzRequest> of(FuzzRequest base, Schema schema, ObjectNode valid, boolean required) {
        List<FuzzRequest> out = new ArrayList<>();
        boolean hasRequired = !requiredOf(schema).isEmpty();
        out.add(base.as("body: valid-ish", "", false));
        out.add(base.withBody(new byte[0], JSON_TYPE).as(EMPTY_BODY, "", required));
        out.add(base.withBody("{}", JSON_TYPE).as("body: {}", "", hasRequired));
        out.add(base.withBody("[]", JSON_TYPE).as("body: []", "", true));
        out.add(base.withBody("null", JSON_TYPE).as("body: null", "", required));
        out.add(base.withBody("{\"" + first(schema) + "\": ", JSON_TYPE).as("body: invalid JSON", "", true));
        out.add(base.withBody("\"" + "x".repeat(HUGE) + "\"", JSON_TYPE).as("body: a string of 100,000 chars", "", true));
        out.add(base.withBody("[".repeat(5_000) + "]".repeat(5_000), JSON_TYPE).as("body: arrays nested 5,000 deep", "",
                true));
        out.add(base.withBody("{\"" + first(schema) + "\": " + "9".repeat(2_000) + "}", JSON_TYPE)
                .as("body: number of 2,000 digits", first(schema), true));
        out.add(base.withBody(bytes(valid), null).as("body: valid-ish without Content-Type", "", true));
        out.add(base.withBody(valid.toString().getBytes(StandardCharsets.UTF_16), JSON_TYPE + "; charset=UTF-16")
                .as("body: valid-ish in UTF-16", "", true));
        out.add(base.withBody(bytes(valid), "text/plain").as("body: valid-ish as text/plain", "", true));
        out.addAll(properties(base, valid, List.of(), schema, 0));
        return out;
    }

    /** The mutations of each property of the object at {@code at} (its schema {@code schema}), and of those inside. */
    private static List<FuzzRequest> properties(FuzzRequest base, ObjectNode valid, List<Object> at, Schema schema,
            int depth) {
        List<FuzzRequest> out = new ArrayList<>();
        java.util.Map<String, Schema> properties = SchemaSamples.concrete(schema).getProperties();
        if (properties == null) {
            return out;
        }
        Set<String> required = requiredOf(schema);
        properties.forEach((name, property) -> {
            List<Object> path = new ArrayList<>(at);
            path.add(name);
            out.addAll(property(base, valid, path, property, required.contains(name)));
            if (depth < 2) {
                Schema inner = SchemaSamples.concrete(property);
                if ("object".equals(SchemaSamples.type(property))) {
                    out.addAll(properties(base, valid, path, inner, depth + 1));
                } else if ("array".equals(SchemaSamples.type(property)) && inner.getItems() != null
                        && "object".equals(SchemaSamples.type(inner.getItems()))) {
                    List<Object> first = new ArrayList<>(path);
                    first.add(0);
                    out.addAll(properties(base, valid, first, inner.getItems(), depth + 1));
                }
            }
        });
        return out;
    }

    private static List<FuzzRequest> property(FuzzRequest base, ObjectNode valid, List<Object> path, Schema schema,
            boolean required) {
        List<FuzzRequest> out = new ArrayList<>();
        Schema s = SchemaSamples.concrete(schema);
        String type = SchemaSamples.type(schema);
        boolean nullable = SchemaSamples.nullable(schema);
        JsonNode current = at(valid, path);
        if (current == null) {
            return out; // the valid-ish body has nothing there (an empty array)
        }
        if (required) {
            out.add(with(base, valid, path, null, "body: required field missing", true));
        }
        if (!nullable) {
            out.add(with(base, valid, path, JSON.nullNode(), "body: null", required));
        }
        out.add(with(base, valid, path, wrongType(type), "body: wrong JSON type", true));
        switch (type) {
            case "string" -> {
                out.add(with(base, valid, path, JSON.textNode("x".repeat(HUGE)), "body: string of 100,000 chars", true));
                out.add(with(base, valid, path, JSON.textNode(current.asText("x") + "\u0000"), "body: NUL in string",
                        true));
                out.add(with(base, valid, path, JSON.textNode(""), "body: empty string", refusesEmpty(s)));
                if (s.getEnum() != null) {
                    out.add(with(base, valid, path, JSON.textNode("NO_SUCH_VALUE"), "body: unknown enum value", true));
                    out.add(with(base, valid, path, JSON.numberNode(0), "body: enum given as number 0", true));
                }
                if ("uuid".equals(s.getFormat())) {
                    out.add(with(base, valid, path, JSON.textNode("not-a-uuid"), "body: id that is not a UUID", true));
                }
                if ("date".equals(s.getFormat()) || looksLikeDate(current)) {
                    out.add(with(base, valid, path, JSON.textNode("2026-02-30"), "body: impossible date", true));
                    out.add(with(base, valid, path, JSON.textNode("9999-12-31"), "body: date 9999-12-31", false));
                    out.add(with(base, valid, path, JSON.textNode("0001-01-01"), "body: date 0001-01-01", false));
                    out.add(with(base, valid, path, JSON.textNode("+999999999-12-31"), "body: date +999999999-12-31",
                            true));
                }
                if ("date-time".equals(s.getFormat()) || looksLikeInstant(current)) {
                    out.add(with(base, valid, path, JSON.textNode("+100000-01-01T00:00:00Z"),
                            "body: instant in year 100000", false));
                    out.add(with(base, valid, path, JSON.textNode("0001-01-01T00:00:00Z"), "body: instant in year 1",
                            false));
                }
            }
            case "integer", "number" -> {
                out.add(with(base, valid, path, JSON.numberNode(-1), "body: number -1",
                        s.getMinimum() != null && s.getMinimum().signum() >= 0));
                out.add(with(base, valid, path, JSON.numberNode(Long.MAX_VALUE), "body: number Long.MAX_VALUE",
                        s.getMaximum() != null || "int32".equals(s.getFormat())));
                out.add(withRaw(base, valid, path, "1e309", "body: number 1e309"));
                out.add(withRaw(base, valid, path, "123456789012345678901234567890", "body: number 10^29"));
            }
            case "array" -> {
                out.add(with(base, valid, path, JSON.arrayNode(), "body: empty array",
                        s.getMinItems() != null && s.getMinItems() > 0));
                ArrayNode many = JSON.arrayNode();
                JsonNode item = current.path(0);
                for (int i = 0; i < 10_000; i++) {
                    many.add(item.isMissingNode() ? JSON.textNode("x") : item);
                }
                out.add(with(base, valid, path, many, "body: array of 10,000 items", s.getMaxItems() != null));
                out.add(with(base, valid, path, JSON.arrayNode().addNull(), "body: array holding null", true));
            }
            default -> {
                // objects and booleans: null and the wrong type above
            }
        }
        return out;
    }

    private static boolean refusesEmpty(Schema s) {
        if (s.getMinLength() != null && s.getMinLength() > 0 || s.getEnum() != null || s.getFormat() != null) {
            return true;
        }
        try {
            return s.getPattern() != null && !java.util.regex.Pattern.compile(s.getPattern()).matcher("").find();
        } catch (java.util.regex.PatternSyntaxException e) {
            return false;
        }
    }

    /** The node at this path of field names and indexes, or null. */
    private static JsonNode at(JsonNode node, List<Object> path) {
        JsonNode current = node;
        for (Object step : path) {
            current = step instanceof Integer index ? current.get(index) : current.get((String) step);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** A copy of the body with the value at the path replaced ({@code null}: the field removed). */
    private static FuzzRequest with(FuzzRequest base, ObjectNode valid, List<Object> path, JsonNode value,
            String mutation, boolean mustRefuse) {
        ObjectNode body = valid.deepCopy();
        JsonNode parent = at(body, path.subList(0, path.size() - 1));
        String name = (String) path.get(path.size() - 1);
        if (value == null) {
            ((ObjectNode) parent).remove(name);
        } else {
            ((ObjectNode) parent).set(name, value);
        }
        return base.withBody(bytes(body), JSON_TYPE).as(mutation, target(path), mustRefuse);
    }

    /** A number Jackson's tree cannot hold as written: put in the text directly. */
    private static FuzzRequest withRaw(FuzzRequest base, ObjectNode valid, List<Object> path, String number,
            String mutation) {
        String text = new String(with(base, valid, path, JSON.textNode("@@NUMBER@@"), mutation, true).body(),
                StandardCharsets.UTF_8).replace("\"@@NUMBER@@\"", number);
        return base.withBody(text, JSON_TYPE).as(mutation, target(path), true);
    }

    private static String target(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.isEmpty() ? "" : ".").append(step);
            }
        }
        return text.toString();
    }

    /** Bad files for an operation that takes CSV: empty, NUL, bytes that are not UTF-8, a line of 100,000 chars. */
    static List<FuzzRequest> csv(FuzzRequest base) {
        String type = "text/csv";
        List<FuzzRequest> out = new ArrayList<>();
        out.add(base.withBody("name,phone\n测试,13800138000\n", type).as("csv: valid-ish", "", false));
        out.add(base.withBody(new byte[0], type).as(EMPTY_BODY, "", true));
        out.add(base.withBody("name\n\u0000\n", type).as("csv: NUL", "", false));
        out.add(base.withBody(new byte[] {'a', ',', (byte) 0xff, (byte) 0xfe, '\n', (byte) 0xc3, '\n'}, type)
                .as("csv: bytes that are not UTF-8", "", false));
        out.add(base.withBody("name\n" + "x".repeat(HUGE) + "\n", type).as("csv: line of 100,000 chars", "", false));
        out.add(base.withBody("\"a,b\n\"\"\"\n", type).as("csv: unterminated quote", "", false));
        out.add(base.withBody("a,b\n", (String) null).as("csv: without Content-Type", "", true));
        return out;
    }

    /** Bad forms for an operation that takes {@code application/x-www-form-urlencoded}. */
    static List<FuzzRequest> form(FuzzRequest base) {
        String type = "application/x-www-form-urlencoded";
        String valid = "grant_type=client_credentials&client_id=fuzz&client_secret=fuzz";
        List<FuzzRequest> out = new ArrayList<>();
        out.add(base.withBody(valid, type).as("form: valid-ish", "", false));
        out.add(base.withBody(new byte[0], type).as(EMPTY_BODY, "", true));
        out.add(base.withBody("client_id=fuzz&client_secret=fuzz", type).as("form: required field missing",
                "grant_type", true));
        out.add(base.withBody("grant_type=NO_SUCH_VALUE&client_id=fuzz&client_secret=fuzz", type)
                .as("form: unknown enum value", "grant_type", true));
        out.add(base.withBody("grant_type=client_credentials&client_id=" + "x".repeat(HUGE) + "&client_secret=fuzz",
                type).as("form: 100,000 chars", "client_id", true));
        out.add(base.withBody("grant_type=client_credentials&client_id=a%00b&client_secret=fuzz", type)
                .as("form: NUL", "client_id", true));
        out.add(base.withBody("grant_type=client_credentials&client_id=%zz&client_secret=%", type)
                .as("form: broken percent-encoding", "client_id", true));
        out.add(base.withBody("grant_type=client_credentials&grant_type=client_credentials&client_id=fuzz"
                + "&client_secret=fuzz", type).as("form: field given twice", "grant_type", true));
        out.add(base.withBody("{\"grant_type\":\"client_credentials\"}", JSON_TYPE).as("form: JSON instead", "", true));
        out.add(base.withBody(valid, (String) null).as("form: without Content-Type", "", true));
        String basic = java.util.Base64.getEncoder().encodeToString("a%00b:fuzz".getBytes(StandardCharsets.UTF_8));
        out.add(base.withBody("grant_type=client_credentials", type).withHeader("Authorization", "Basic " + basic)
                .as("form: NUL in HTTP Basic client id", "Authorization", true));
        return out;
    }

    static JsonNode wrongType(String type) {
        return switch (type) {
            case "string" -> JSON.numberNode(12345);
            case "integer", "number" -> JSON.textNode("12");
            case "boolean" -> JSON.textNode("true");
            case "array" -> JSON.objectNode().put("a", 1);
            default -> JSON.arrayNode().add(1);
        };
    }

    @SuppressWarnings("unchecked")
    static Set<String> requiredOf(Schema schema) {
        List<String> required = SchemaSamples.concrete(schema).getRequired();
        return required == null ? Set.of() : Set.copyOf(required);
    }

    private static String first(Schema schema) {
        List<String> names = SchemaSamples.propertyNames(schema);
        return names.isEmpty() ? "a" : names.get(0);
    }

    private static boolean looksLikeDate(JsonNode value) {
        return value.isTextual() && value.asText().matches("\\d{4}-\\d{2}-\\d{2}");
    }

    private static boolean looksLikeInstant(JsonNode value) {
        return value.isTextual() && value.asText().matches("\\d{4}-\\d{2}-\\d{2}T.*");
    }
}
