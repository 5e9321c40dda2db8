package cn.zhibu.platform.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds to every {@code /v1} operation the answers the platform gives to all of them (problem
 * responses, rate-limit headers), so each resource declares only its own outcomes. The shared
 * components live in {@code META-INF/openapi.yaml}.
 */
public class ContractFilter implements OASFilter {

    private static final List<String> COMMON_HEADERS =
            List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Access-Control-Allow-Origin");

    /** Bounds of the scalar types the scanner describes on its own (strings must be bounded). */
    private static final Map<String, Integer> SCALAR_MAX_LENGTHS =
            Map.of("UUID", 36, "LocalDate", 10, "OffsetDateTime", 40, "Instant", 40);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            SCALAR_MAX_LENGTHS.forEach((name, maxLength) -> {
                Schema schema = openAPI.getComponents().getSchemas().get(name);
                if (schema != null && schema.getMaxLength() == null) {
                    schema.setMaxLength(maxLength);
                }
            });
            openAPI.getComponents().getSchemas().values().forEach(ContractFilter::boundUuids);
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
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            APIResponse response = entry.getValue();
            if (response.getRef() == null) {
                for (String header : COMMON_HEADERS) {
                    if (response.getHeaders() == null || !response.getHeaders().containsKey(header)) {
                        response.addHeader(header, OASFactory.createHeader().ref(header));
                    }
                }
            }
        }
    }

    /** A UUID is 36 characters: say so wherever the scanner wrote a bare {@code format: uuid} (list items). */
    private static void boundUuids(Schema schema) {
        if (schema == null) {
            return;
        }
        if ("uuid".equals(schema.getFormat()) && schema.getMaxLength() == null) {
            schema.setMaxLength(36);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ContractFilter::boundUuids);
        }
        boundUuids(schema.getItems());
        for (List<Schema> group : java.util.Arrays.asList(schema.getAnyOf(), schema.getAllOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(ContractFilter::boundUuids);
            }
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
