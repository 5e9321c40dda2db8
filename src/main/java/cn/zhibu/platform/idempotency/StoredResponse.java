package cn.zhibu.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The first response to an idempotent request, as stored and replayed: status, JSON body, key headers. */
record StoredResponse(int status, String body, Map<String, String> headers) {

    /** Headers that belong to the outcome and are replayed with it. */
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);

    static StoredResponse of(Response response, ObjectMapper json) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        try {
            String body = response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null;
            return new StoredResponse(response.getStatus(), body, headers);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("The response of an idempotent request could not be stored", e);
        }
    }

    /** The answer of a method that returns its entity: 200 with it, or 204 without. */
    static StoredResponse ofEntity(Object entity, ObjectMapper json) {
        try {
            return entity == null ? new StoredResponse(204, null, Map.of())
                    : new StoredResponse(200, json.writeValueAsString(entity), Map.of());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("The response of an idempotent request could not be stored", e);
        }
    }

    Response toResponse(boolean replayed) {
        Response.ResponseBuilder builder = Response.status(status);
        headers.forEach(builder::header);
        if (body != null) {
            builder.entity(body).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return builder.header(IdempotencyInterceptor.REPLAYED_HEADER, String.valueOf(replayed)).build();
    }
}
