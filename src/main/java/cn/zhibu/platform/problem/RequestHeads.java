package cn.zhibu.platform.problem;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds every request's URI to {@code zhibu.http.max-uri-bytes} (414) and its headers to
 * {@code zhibu.http.max-header-bytes} in all (431), with problem+json answers. The HTTP server's own limits
 * ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size}) are set well above these: a
 * request beyond them is refused by the server itself with a bare 414 or 431.
 */
@ApplicationScoped
public class RequestHeads {

    /** Runs first of all the routes. */
    static final int ORDER = Integer.MIN_VALUE;

    private final HttpLayerAnswers answers;
    private final int maxUriBytes;
    private final int maxHeaderBytes;

    RequestHeads(HttpLayerAnswers answers,
            @ConfigProperty(name = "zhibu.http.max-uri-bytes", defaultValue = "8192") int maxUriBytes,
            @ConfigProperty(name = "zhibu.http.max-header-bytes", defaultValue = "20480") int maxHeaderBytes) {
        this.answers = answers;
        this.maxUriBytes = maxUriBytes;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > maxUriBytes) {
            answers.send(context, ProblemCode.URI_TOO_LONG, true, maxUriBytes);
        } else if (headerBytes(request) > maxHeaderBytes) {
            answers.send(context, ProblemCode.HEADERS_TOO_LARGE, true, maxHeaderBytes);
        } else {
            context.next();
        }
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
