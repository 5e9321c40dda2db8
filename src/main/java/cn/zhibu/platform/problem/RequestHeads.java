package cn.zhibu.platform.problem;

import cn.zhibu.platform.http.HttpSettings;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Holds every request's URI to {@code zhibu.http.max-uri-bytes} (414) and its headers to
 * {@code zhibu.http.max-header-bytes} in all (431), with problem+json answers. Text in the URI is clean before any
 * operation sees it: a path or query parameter holding a control character (NUL among them, which PostgreSQL cannot
 * store) is a 400 {@code VALIDATION_FAILED} naming the parameter with code {@code CONTROL_CHARACTER}; a broken
 * percent escape, bytes that are not UTF-8 or a URI that {@link URI} cannot read are a 400 {@code INVALID_PARAMETER};
 * raw UTF-8 and characters such as {@code |} (as typed into curl) are read as if percent-encoded. (Quarkus's own URI check, which answers a bare 400, is
 * off: {@code vertx.disableURIValidation}, set by {@code cn.zhibu.Main}.) The HTTP server's own limits
 * ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size}) are set well above these: a
 * request beyond them is refused by the server itself with a bare 414 or 431.
 */
@ApplicationScoped
public class RequestHeads {

    /** ASCII that a URI may not hold as it is, but that a person types (and curl sends) as it is: escaped. */
    private static final String UNWISE = "\"<>\\^`{|}";

    private static final String REROUTED = RequestHeads.class.getName() + ".rerouted";

    /** Runs first of all the routes. */
    static final int ORDER = Integer.MIN_VALUE;

    private final HttpLayerAnswers answers;
    private final int maxUriBytes;
    private final int maxHeaderBytes;

    RequestHeads(HttpLayerAnswers answers, HttpSettings settings) {
        this.answers = answers;
        this.maxUriBytes = settings.maxUriBytes();
        this.maxHeaderBytes = settings.maxHeaderBytes();
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        // a URI read again after escaping (checkText) was measured as the client sent it
        if (context.get(REROUTED) == null && request.uri().length() > maxUriBytes) {
            answers.send(context, ProblemCode.URI_TOO_LONG, true, maxUriBytes);
        } else if (headerBytes(request) > maxHeaderBytes) {
            answers.send(context, ProblemCode.HEADERS_TOO_LARGE, true, maxHeaderBytes);
        } else {
            checkText(context);
        }
    }

    private void checkText(RoutingContext context) {
        HttpServerRequest request = context.request();
        // the request target as a path and query (an absolute-form target, http://host/path, is read for its path)
        String raw = request.uri().startsWith("/") ? request.uri()
                : request.path() == null ? "" : request.path() + (request.query() == null ? "" : "?" + request.query());
        String escaped;
        try {
            escaped = raw.startsWith("/") ? escaped(raw) : null;
        } catch (CharacterCodingException e) {
            escaped = null;
        }
        if (escaped == null) {
            answers.send(context, ProblemCode.INVALID_PARAMETER, true, "URI", "UTF-8, percent-encoded (RFC 3986)");
            return;
        }
        if (!escaped.equals(request.uri())) {
            // raw UTF-8, as typed into curl: read as if it had been percent-encoded (once: the result is all ASCII)
            context.put(REROUTED, Boolean.TRUE);
            context.reroute(request.method(), escaped);
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(raw, StandardCharsets.UTF_8);
        List<String> unclean = new ArrayList<>();
        if (hasControl(uri.path())) {
            unclean.add("path");
        }
        uri.parameters().forEach((name, values) -> {
            if (hasControl(name) || values.stream().anyMatch(RequestHeads::hasControl)) {
                unclean.add(name);
            }
        });
        if (unclean.isEmpty()) {
            context.next();
            return;
        }
        var locale = ProblemMessages.resolve(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        List<FieldError> errors = unclean.stream().map(field -> new FieldError(field, "CONTROL_CHARACTER",
                ProblemMessages.text("field.CONTROL_CHARACTER", locale))).toList();
        answers.send(context, ProblemCode.VALIDATION_FAILED, errors, true, errors.size());
    }

    /**
     * The URI with raw bytes above ASCII percent-encoded; refused when its bytes, escapes decoded, are not UTF-8 or an
     * escape is broken. (The server reads the request line as ISO-8859-1: a character is a byte.)
     */
    static String escaped(String uri) throws CharacterCodingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(uri.length());
        StringBuilder escaped = new StringBuilder(uri.length());
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%') {
                if (i + 2 >= uri.length() || Character.digit(uri.charAt(i + 1), 16) < 0
                        || Character.digit(uri.charAt(i + 2), 16) < 0) {
                    throw new CharacterCodingException();
                }
                bytes.write(Character.digit(uri.charAt(i + 1), 16) * 16 + Character.digit(uri.charAt(i + 2), 16));
                escaped.append(uri, i, i + 3);
                i += 2;
            } else if (c > 0xFF) {
                throw new CharacterCodingException();
            } else {
                bytes.write(c);
                escaped.append(c < 0x80 && UNWISE.indexOf(c) < 0 ? String.valueOf(c) : String.format("%%%02X", (int) c));
            }
        }
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
        try {
            new URI(escaped.toString()); // what the framework reads it with later
        } catch (URISyntaxException e) {
            throw new CharacterCodingException();
        }
        return escaped.toString();
    }

    /** Any C0 control character: no path or query parameter takes lines, tabs or NUL. */
    static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < 0x20) {
                return true;
            }
        }
        return false;
    }

    /** The headers' size as sent over HTTP/1.1 (ISO-8859-1: a character is a byte). */
    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        return bytes;
    }
}
