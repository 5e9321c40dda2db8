package cn.zhibu.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds to every {@code /v1} operation the answers the platform gives to all of them (problem
 * responses, rate-limit headers), so each resource declares only its own outcomes, and bounds the
 * scalar strings (uuid, date, date-time) and versions the same way everywhere, so no annotation
 * repeats those bounds. The headers that follow from the parameters are added too: an {@code ETag} on the 200 answer
 * of an operation that takes {@code If-Match} or {@code If-None-Match} (not a delete), and {@code Idempotent-Replayed}
 * on the success answers of an operation that requires an {@code Idempotency-Key}. The shared components live in
 * {@code META-INF/openapi.yaml}.
 */
public class ContractFilter implements OASFilter {

    private static final List<String> COMMON_HEADERS =
            List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Access-Control-Allow-Origin");

    /** Bounds of the scalar types the scanner describes on its own (strings must be bounded). */
    private static final Map<String, Integer> SCALAR_MAX_LENGTHS =
            Map.of("UUID", 36, "LocalDate", 10, "OffsetDateTime", 40, "Instant", 40);
    /** The same bounds by format, for schemas that state the format themselves. */
    private static final Map<String, Integer> FORMAT_MAX_LENGTHS = Map.of("uuid", 36, "date", 10, "date-time", 40);
    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            SCALAR_MAX_LENGTHS.forEach((name, maxLength) -> {
                Schema schema = openAPI.getComponents().getSchemas().get(name);
                if (schema != null && schema.getMaxLength() == null) {
                    schema.setMaxLength(maxLength);
                }
            });
            openAPI.getComponents().getSchemas().values().forEach(ContractFilter::bound);
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getParameters() != null) {
            openAPI.getComponents().getParameters().values().forEach(p -> bound(p.getSchema()));
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
                if (op.getParameters() != null) {
                    op.getParameters().forEach(p -> bound(p.getSchema()));
                }
            }));
        }
        ContractShapes.complete(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/v1/")) {
                item.getOperations().forEach((method, operation) -> complete(path, method, operation));
            }
        });
    }

    private void complete(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean hasBody = operation.getRequestBody() != null;
        boolean takesParameters = hasBody || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        add(responses, "400", "BadRequest", takesParameters);
        add(responses, "401", "Unauthorized", secured);
        add(responses, "403", "Forbidden", secured);
        // outside the caller's subtree is "not found", so any signed-in operation can answer 404
        add(responses, "404", "NotFound", secured || path.contains("{"));
        add(responses, "406", "NotAcceptable", true);
        add(responses, "408", "RequestTimeout", hasBody);
        boolean keyed = hasParameter(operation, "IdempotencyKey") || hasParameter(operation, "IdempotencyKeyOptional");
        add(responses, "409", "Conflict", keyed);
        add(responses, "412", "PreconditionFailed", hasParameter(operation, "IfMatch"));
        add(responses, "413", "PayloadTooLarge", hasBody);
        add(responses, "414", "UriTooLong", true);
        add(responses, "415", "UnsupportedMediaType", hasBody);
        add(responses, "422", "UnprocessableContent", keyed);
        add(responses, "428", "PreconditionRequired", hasParameter(operation, "IfMatch"));
        add(responses, "429", "TooManyRequests", true);
        add(responses, "431", "HeadersTooLarge", true);
        add(responses, "500", "InternalError", true);
        add(responses, "503", "ServiceBusy", true);
        boolean tagged = method != PathItem.HttpMethod.DELETE
                && (hasParameter(operation, "IfMatch") || hasParameter(operation, "IfNoneMatch"));
        boolean replayable = hasParameter(operation, "IdempotencyKey");
        successFirst(responses);
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            APIResponse response = entry.getValue();
            if (response.getRef() == null) {
                if (tagged && "200".equals(entry.getKey())) {
                    declare(response, "ETag");
                }
                if (replayable && entry.getKey().startsWith("2")) {
                    declare(response, "Idempotent-Replayed");
                }
                COMMON_HEADERS.forEach(header -> addHeader(response, header));
            }
        }
    }

    /**
     * Bounds every string of a scalar format the way the lint asks: a uuid is 36 characters, a date 10, an instant
     * at most 40, wherever a schema states the format or narrows a reference to one of those scalars (a bare
     * reference is bounded by its target). A property that is a bare reference to a uuid or an instant says so
     * itself (string, bounded), and a {@code version} is a non-negative int64 of at most 18 digits.
     */
    private static void bound(Schema schema) {
        bound(schema, true);
    }

    /** With reorder, the bound goes before the prose, where the annotations put it (not in scanned list items). */
    private static void bound(Schema schema, boolean reorder) {
        if (schema == null) {
            return;
        }
        String scalar = scalarFormat(schema);
        if (scalar != null && schema.getMaxLength() == null && !isBareRef(schema)) {
            if (schema.getAnyOf() != null && (schema.getType() == null || schema.getType().isEmpty())) {
                schema.setType(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL));
            }
            schema.setMaxLength(FORMAT_MAX_LENGTHS.get(scalar));
            if (reorder) {
                moveLast(schema);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                String target = property == null || !isBareRef(property) ? null : scalarFormat(property);
                if ("uuid".equals(target) || "date-time".equals(target)) {
                    property.setType(List.of(Schema.SchemaType.STRING));
                }
                if ("version".equals(name) && property != null && "int64".equals(property.getFormat())) {
                    if (property.getMaximum() == null) {
                        property.setMaximum(new java.math.BigDecimal("999999999999999999"));
                    }
                    if (property.getMinimum() == null) {
                        property.setMinimum(java.math.BigDecimal.ZERO);
                    }
                }
                bound(property);
            });
        }
        bound(schema.getItems(), false);
        for (List<Schema> group : java.util.Arrays.asList(schema.getAnyOf(), schema.getAllOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(ContractFilter::bound);
            }
        }
    }

    /** uuid, date or date-time, by the schema's format or the scalar it refers to (alone or or-null); else null. */
    private static String scalarFormat(Schema schema) {
        if (schema.getFormat() != null) {
            return FORMAT_MAX_LENGTHS.containsKey(schema.getFormat()) ? schema.getFormat() : null;
        }
        String ref = schema.getRef();
        if (ref == null && schema.getAnyOf() != null) {
            ref = schema.getAnyOf().stream().map(Schema::getRef).filter(r -> r != null).findFirst().orElse(null);
        }
        if (ref == null) {
            return null;
        }
        return switch (ref.startsWith(SCHEMAS) ? ref.substring(SCHEMAS.length()) : ref) {
            case "UUID" -> "uuid";
            case "LocalDate" -> "date";
            case "Instant", "OffsetDateTime" -> "date-time";
            default -> null;
        };
    }

    private static boolean isBareRef(Schema schema) {
        return schema.getRef() != null && (schema.getType() == null || schema.getType().isEmpty());
    }

    /** Keeps the key order the annotations gave (bounds before the prose) so the written contract reads the same. */
    private static void moveLast(Schema schema) {
        String pattern = schema.getPattern();
        String description = schema.getDescription();
        List<Schema> anyOf = schema.getAnyOf();
        schema.setPattern(null);
        schema.setDescription(null);
        schema.setAnyOf(null);
        schema.setPattern(pattern);
        schema.setDescription(description);
        schema.setAnyOf(anyOf);
    }

    /** The success answers before the problems, whichever way the annotations declared them. */
    private static void successFirst(APIResponses responses) {
        Map<String, APIResponse> all = new LinkedHashMap<>(responses.getAPIResponses());
        if (all.keySet().stream().dropWhile(code -> code.startsWith("2")).noneMatch(code -> code.startsWith("2"))) {
            return;
        }
        Map<String, APIResponse> ordered = new LinkedHashMap<>();
        all.forEach((code, response) -> {
            if (code.startsWith("2")) {
                ordered.put(code, response);
            }
        });
        ordered.putAll(all);
        responses.setAPIResponses(ordered);
    }

    private static void addHeader(APIResponse response, String header) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(header)) {
            response.addHeader(header, OASFactory.createHeader().ref(header));
        }
    }

    /**
     * Adds a header a convention implies where an annotation would have declared it: before the content, an entity
     * tag first (after the Location of a created resource), others after those declared.
     */
    private static void declare(APIResponse response, String header) {
        Map<String, Header> declared = response.getHeaders() == null ? Map.of() : response.getHeaders();
        if (declared.containsKey(header)) {
            return;
        }
        Map<String, Header> headers = new LinkedHashMap<>();
        if ("ETag".equals(header) && declared.containsKey("Location")) {
            headers.put("Location", declared.get("Location"));
        }
        if ("ETag".equals(header)) {
            headers.put(header, OASFactory.createHeader().ref(header));
        }
        headers.putAll(declared);
        headers.putIfAbsent(header, OASFactory.createHeader().ref(header));
        response.setHeaders(headers);
        if (declared.isEmpty() && response.getContent() != null) {
            Content content = response.getContent();
            response.setContent(null);
            response.setContent(content);
        }
    }

    private static void add(APIResponses responses, String status, String component, boolean applies) {
        if (applies && !responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(component));
        }
    }

    private static boolean hasParameter(Operation operation, String component) {
        if (operation.getParameters() == null) {
            return false;
        }
        String ref = "#/components/parameters/" + component;
        for (Parameter parameter : operation.getParameters()) {
            if (ref.equals(parameter.getRef())) {
                return true;
            }
        }
        return false;
    }
}
