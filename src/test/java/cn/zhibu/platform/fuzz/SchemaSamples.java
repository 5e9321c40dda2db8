package cn.zhibu.platform.fuzz;

import cn.zhibu.testing.TestTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Valid-ish values made from the contract's schemas with a seeded generator: examples where the contract gives
 * them, else a value of the right type within the schema's bounds; ids are those of the fixtures (by the name of the
 * field or parameter), so that a request gets as far into the service as the caller may go.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class SchemaSamples {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int DEPTH = 6;

    private final Random random;
    private final Function<String, String> ids;
    private final LocalDate today = TestTime.today();

    /** @param ids the id to give a field or parameter of this name (a uuid format); a fresh one when null */
    SchemaSamples(Random random, Function<String, String> ids) {
        this.random = random;
        this.ids = ids;
    }

    /** The schema itself, or its first alternative that is not {@code null} (for {@code anyOf [X, null]}). */
    static Schema concrete(Schema schema) {
        for (List<Schema> alternatives : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf())) {
            if (alternatives != null) {
                for (Schema alternative : alternatives) {
                    if (!types(alternative).equals(Set.of("null"))) {
                        return concrete(alternative);
                    }
                }
            }
        }
        if (schema.getAllOf() != null && schema.getAllOf().size() == 1) {
            return concrete((Schema) schema.getAllOf().get(0));
        }
        return schema;
    }

    /** The JSON types a schema allows (OpenAPI 3.1 lists them; 3.0 names one). */
    static Set<String> types(Schema schema) {
        Set<String> types = new LinkedHashSet<>();
        if (schema.getTypes() != null) {
            types.addAll(schema.getTypes());
        }
        if (schema.getType() != null) {
            types.add(schema.getType());
        }
        if (types.isEmpty() && schema.getProperties() != null) {
            types.add("object");
        }
        if (types.isEmpty() && schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            types.add("string");
        }
        return types;
    }

    /** The main (non-null) type of a schema: string, integer, number, boolean, array, object, or "" if none. */
    static String type(Schema schema) {
        return types(concrete(schema)).stream().filter(t -> !t.equals("null")).findFirst().orElse("");
    }

    /** Whether {@code null} is a valid value. */
    static boolean nullable(Schema schema) {
        if (types(schema).contains("null") || Boolean.TRUE.equals(schema.getNullable())) {
            return true;
        }
        for (List<Schema> alternatives : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf())) {
            if (alternatives != null && alternatives.stream().anyMatch(a -> types(a).contains("null"))) {
                return true;
            }
        }
        return false;
    }

    JsonNode value(Schema schema, String name) {
        return value(schema, name, 0);
    }

    private JsonNode value(Schema schema, String name, int depth) {
        Schema s = concrete(schema);
        String format = s.getFormat();
        if ("uuid".equals(format)) {
            return JSON.textNode(id(name));
        }
        Object example = example(s);
        if (example != null && !"object".equals(type(s)) && !"array".equals(type(s))) {
            return plain(example);
        }
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            return plain(s.getEnum().get(random.nextInt(s.getEnum().size())));
        }
        return switch (type(s)) {
            case "integer" -> JSON.numberNode(whole(s));
            case "number" -> JSON.numberNode(whole(s));
            case "boolean" -> JSON.booleanNode(random.nextBoolean());
            case "array" -> array(s, name, depth);
            case "object" -> depth > DEPTH ? JSON.objectNode() : object(s, depth);
            default -> JSON.textNode(text(s, name));
        };
    }

    /** An object with every property the schema names (required or not). */
    ObjectNode object(Schema schema, int depth) {
        ObjectNode object = JSON.objectNode();
        Map<String, Schema> properties = concrete(schema).getProperties();
        if (properties != null) {
            properties.forEach((key, property) -> object.set(key, value(property, key, depth + 1)));
        }
        return object;
    }

    private ArrayNode array(Schema schema, String name, int depth) {
        ArrayNode array = JSON.arrayNode();
        Schema items = schema.getItems();
        int size = Math.max(1, schema.getMinItems() == null ? 1 : schema.getMinItems());
        for (int i = 0; items != null && i < size && depth <= DEPTH; i++) {
            array.add(value(items, singular(name), depth + 1));
        }
        return array;
    }

    private long whole(Schema s) {
        BigDecimal min = s.getMinimum();
        BigDecimal max = s.getMaximum();
        long low = min == null ? 1 : min.longValue();
        long high = max == null ? Math.max(low, 10) : max.longValue();
        return low + (high > low ? random.nextInt((int) Math.min(10, high - low) + 1) : 0);
    }

    private String text(Schema s, String name) {
        if ("date".equals(s.getFormat()) || name.endsWith("Date") || name.equals("date") || name.equals("from")
                || name.equals("to") || name.equals("since") || name.startsWith("effective")) {
            return today.plusDays(1 + random.nextInt(5)).toString();
        }
        if ("date-time".equals(s.getFormat()) || name.endsWith("At") || name.startsWith("publish")) {
            return TestTime.now().plus(1 + random.nextInt(5), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
                    .toString();
        }
        if ("uri".equals(s.getFormat()) || "url".equals(name)) {
            return "https://www.12371.cn/fuzz/" + random.nextInt(1000) + ".shtml";
        }
        if ("week".equals(name)) {
            return cn.zhibu.platform.time.IsoWeek.of(today).toString();
        }
        int min = s.getMinLength() == null ? 1 : s.getMinLength();
        int max = s.getMaxLength() == null ? 12 : s.getMaxLength();
        StringBuilder text = new StringBuilder("测试");
        while (text.length() < min) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.length() > max ? text.substring(0, max) : text.toString();
    }

    private String id(String name) {
        String id = ids == null ? null : ids.apply(name);
        return id != null ? id : new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }

    static Object example(Schema s) {
        if (s.getExample() != null) {
            return s.getExample();
        }
        List examples = s.getExamples();
        return examples == null || examples.isEmpty() ? null : examples.get(0);
    }

    static JsonNode plain(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof Number number) {
            return JSON.numberNode(new BigDecimal(number.toString()));
        }
        if (value instanceof Boolean bool) {
            return JSON.booleanNode(bool);
        }
        return JSON.textNode(String.valueOf(value));
    }

    private static String singular(String name) {
        return name.endsWith("Ids") ? name.substring(0, name.length() - 1) : name;
    }

    /** The names of an object schema's properties, in the contract's order. */
    static List<String> propertyNames(Schema schema) {
        Map<String, Schema> properties = concrete(schema).getProperties();
        return properties == null ? List.of() : new ArrayList<>(properties.keySet());
    }
}
