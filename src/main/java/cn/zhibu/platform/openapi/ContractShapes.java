package cn.zhibu.platform.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Makes the document say what generated clients need to know, by one rule (see "The contract" in
 * src/site/markdown/api-guide.md): an object the service only sends lists every property as required, because every
 * property is always sent (a value that may be missing is sent as {@code null} and is nullable),
 * except the problem bodies, which leave out what they do not have. An object clients send (or that
 * goes both ways) requires what Bean Validation requires; it lists {@code required}, empty if nothing is.
 * A parameter described only by string facets (pattern, length, format) is a string.
 */
final class ContractShapes {

    private static final String SCHEMAS = "#/components/schemas/";

    /** Problem bodies: serialised without their null members (JsonInclude NON_NULL). */
    private static final Set<String> OMIT_NULLS = Set.of("Problem", "CheckInConflict", "FieldError");

    private ContractShapes() {
    }

    static void complete(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null || openAPI.getPaths() == null) {
            return;
        }
        Map<String, Schema> schemas = components.getSchemas();
        Set<String> sent = new HashSet<>();
        Set<String> received = new HashSet<>();
        if (components.getResponses() != null) {
            components.getResponses().values().forEach(r -> reach(r.getContent(), schemas, sent));
        }
        if (components.getParameters() != null) {
            components.getParameters().values().forEach(ContractShapes::type);
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null) {
                reach(op.getRequestBody().getContent(), schemas, received);
                requireFixedFields(op.getRequestBody().getContent());
            }
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> {
                    type(p);
                    reach(p.getSchema(), schemas, received);
                });
            }
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(r -> reach(r.getContent(), schemas, sent));
            }
        }));
        schemas.forEach((name, schema) -> {
            if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
                return;
            }
            if (sent.contains(name) && !received.contains(name) && !OMIT_NULLS.contains(name)) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            } else if (schema.getRequired() == null) {
                schema.setRequired(new ArrayList<>());
            }
        });
    }

    /**
     * An inline form (the OAuth token request) requires the fields that have one allowed value
     * ({@code grant_type=client_credentials}): without them the request is refused.
     */
    private static void requireFixedFields(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            Schema schema = media.getSchema();
            if (schema != null && schema.getRef() == null && schema.getProperties() != null
                    && schema.getRequired() == null) {
                List<String> required = new ArrayList<>();
                schema.getProperties().forEach((name, property) -> {
                    if (property.getEnumeration() != null && property.getEnumeration().size() == 1) {
                        required.add(name);
                    }
                });
                schema.setRequired(required);
            }
        }
    }

    private static void type(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (parameter.getRef() == null && schema != null && schema.getRef() == null
                && (schema.getType() == null || schema.getType().isEmpty())
                && (schema.getPattern() != null || schema.getMaxLength() != null || schema.getFormat() != null)) {
            schema.setType(List.of(Schema.SchemaType.STRING));
        }
    }

    private static void reach(Content content, Map<String, Schema> schemas, Set<String> names) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType media : content.getMediaTypes().values()) {
                reach(media.getSchema(), schemas, names);
            }
        }
    }

    /** Adds the names of the component schemas this schema uses, directly or through others. */
    private static void reach(Schema schema, Map<String, Schema> schemas, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
            String name = schema.getRef().substring(SCHEMAS.length());
            if (names.add(name)) {
                reach(schemas.get(name), schemas, names);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> reach(s, schemas, names));
        }
        reach(schema.getItems(), schemas, names);
        if (schema.getAdditionalPropertiesSchema() != null) {
            reach(schema.getAdditionalPropertiesSchema(), schemas, names);
        }
        for (List<Schema> group : java.util.Arrays.asList(schema.getAnyOf(), schema.getAllOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(s -> reach(s, schemas, names));
            }
        }
    }
}
