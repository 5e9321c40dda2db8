package cn.zhibu.platform.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request of the fuzz run, as it goes on the wire.
 *
 * @param mutation    the kind of bad input (violations are grouped by it), e.g. {@code body: string of 100,000 chars}
 * @param target      what it was applied to: a field, parameter or header name ("" for the whole request)
 * @param mustRefuse  whether the contract makes the request invalid, so that a 2xx or 3xx answer accepted bad input
 * @param path        the path, already encoded as it is sent
 * @param query       the query string, already encoded ("" for none)
 * @param body        the body bytes; {@code null} for no body at all, empty for {@code Content-Length: 0}
 * @param contentType the Content-Type header; {@code null} for none
 */
record FuzzRequest(String mutation, String target, boolean mustRefuse, String method, String path, String query,
        Map<String, String> headers, byte[] body, String contentType) {

    FuzzRequest {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    String uri() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    FuzzRequest as(String mutation, String target, boolean mustRefuse) {
        return new FuzzRequest(mutation, target, mustRefuse, method, path, query, headers, body, contentType);
    }

    FuzzRequest withPath(String path) {
        return new FuzzRequest(mutation, target, mustRefuse, method, path, query, headers, body, contentType);
    }

    FuzzRequest withQuery(String query) {
        return new FuzzRequest(mutation, target, mustRefuse, method, path, query, headers, body, contentType);
    }

    FuzzRequest withHeader(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new FuzzRequest(mutation, target, mustRefuse, method, path, query, changed, body, contentType);
    }

    FuzzRequest withBody(byte[] body, String contentType) {
        return new FuzzRequest(mutation, target, mustRefuse, method, path, query, headers, body, contentType);
    }

    FuzzRequest withBody(String body, String contentType) {
        return withBody(body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** A short description of what was sent, for the list of violations (long values are cut). */
    String describe() {
        String what = target.isEmpty() ? mutation : mutation + " [" + target + "]";
        return what;
    }
}
