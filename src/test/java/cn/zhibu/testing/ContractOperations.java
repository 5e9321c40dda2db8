package cn.zhibu.testing;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every operation of the committed contract ({@link Api#CONTRACT}), read with swagger-parser with every {@code $ref}
 * resolved: its method, path, parameters (those of the path item and the operation's own), request body and the media
 * types of its successful answers.
 */
public final class ContractOperations {

    /** One operation of the contract. */
    public record ContractOperation(String method, String path, String operationId, List<Parameter> parameters,
            boolean bodyRequired, Map<String, MediaType> bodies, List<String> answers) {
        // bodies keeps the contract's order (a deterministic order for tests that walk it)

        /** The parameters given in this place: {@code path}, {@code query} or {@code header}. */
        public List<Parameter> in(String place) {
            return parameters.stream().filter(p -> place.equals(p.getIn())).toList();
        }

        /** The parameter of this place with this name (header names are compared without case). */
        public Optional<Parameter> parameter(String place, String name) {
            return in(place).stream().filter(p -> p.getName().equalsIgnoreCase(name)).findFirst();
        }

        /** The schema of the body of this media type, if the operation takes one. */
        @SuppressWarnings("rawtypes")
        public Optional<Schema> bodySchema(String mediaType) {
            MediaType media = bodies.get(mediaType);
            return media == null ? Optional.empty() : Optional.ofNullable(media.getSchema());
        }

        public boolean takesBody(String mediaType) {
            return bodies.containsKey(mediaType);
        }

        /** The media type of its successful answers (the first the contract names; JSON when it names none). */
        public String answerType() {
            return answers.isEmpty() ? "application/json" : answers.get(0);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static List<ContractOperation> all;

    private ContractOperations() {
    }

    /** Every operation, in the contract's order of paths, then GET, PUT, POST, DELETE, PATCH. */
    public static synchronized List<ContractOperation> all() {
        if (all == null) {
            all = List.copyOf(read(api()));
        }
        return all;
    }

    /** The whole contract, every reference resolved. */
    public static OpenAPI api() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        var result = new OpenAPIV3Parser().readLocation(Api.CONTRACT.toAbsolutePath().toUri().toString(), null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException("The contract " + Api.CONTRACT + " cannot be read: " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    private static List<ContractOperation> read(OpenAPI api) {
        List<ContractOperation> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operations.add(operation(path, item, method, operation))));
        return operations;
    }

    private static ContractOperation operation(String path, PathItem item, PathItem.HttpMethod method,
            Operation operation) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (List<Parameter> list : java.util.Arrays.asList(item.getParameters(), operation.getParameters())) {
            if (list != null) {
                list.forEach(p -> parameters.put(p.getIn() + ":" + p.getName().toLowerCase(Locale.ROOT), p));
            }
        }
        Map<String, MediaType> bodies = new LinkedHashMap<>();
        boolean required = false;
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            bodies.putAll(operation.getRequestBody().getContent());
            required = Boolean.TRUE.equals(operation.getRequestBody().getRequired());
        }
        List<String> answers = new ArrayList<>();
        if (operation.getResponses() != null) {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2") && response.getContent() != null) {
                    answers.addAll(response.getContent().keySet());
                }
            });
        }
        return new ContractOperation(method.name(), path, operation.getOperationId(),
                List.copyOf(parameters.values()), required, java.util.Collections.unmodifiableMap(bodies),
                List.copyOf(answers));
    }
}
