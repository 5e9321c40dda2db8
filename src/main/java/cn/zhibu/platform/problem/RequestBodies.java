package cn.zhibu.platform.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads every request body of {@code /v1} on the event loop, before a worker is involved, so that no client can hold a
 * worker by sending a body slowly or not at all:
 * <ul>
 * <li>a body over {@link RequestLimits#MAX_BODY_BYTES} (files posted to {@link RequestLimits#FILE_PATHS}:
 * {@code zhibu.import.max-bytes}), declared or chunked, is a 413;</li>
 * <li>a body that has not arrived within {@code zhibu.http.body-timeout} (files: {@code zhibu.import.body-timeout})
 * is a 408, and the connection is closed;</li>
 * <li>a missing or empty body is handed on as an empty one (the operation then answers 400 if it needs one);</li>
 * <li>a body without a {@code Content-Type}, a multipart body (no operation takes one), and a JSON body that is not
 * UTF-8 (by its charset parameter or its bytes) are a 415.</li>
 * </ul>
 * The endpoints then read the buffered body, which works for blocking endpoints (every {@code /v1} endpoint that
 * takes a body must be one). HTTP/2 bodies (except files) are left to Quarkus REST, which reads small bodies on the
 * event loop too (quarkusio/quarkus#34393: it cannot take over an HTTP/2 request whose body was read before it).
 */
@ApplicationScoped
public class RequestBodies {

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    private static final String DEADLINE = RequestBodies.class.getName() + ".deadline";
    private static final String READ = RequestBodies.class.getName() + ".read";

    /** Files buffered at once on this replica (each up to zhibu.import.max-bytes, before anyone is signed in). */
    static final int FILES_AT_ONCE = 2;

    private final HttpLayerAnswers answers;
    private final long maxFileBytes;
    private final Duration bodyTimeout;
    private final Duration fileTimeout;
    private final Semaphore fileSlots = new Semaphore(FILES_AT_ONCE);

    RequestBodies(HttpLayerAnswers answers,
            @ConfigProperty(name = "zhibu.import.max-bytes", defaultValue = "16M") MemorySize maxFileBytes,
            @ConfigProperty(name = "zhibu.http.body-timeout", defaultValue = "PT10S") Duration bodyTimeout,
            @ConfigProperty(name = "zhibu.import.body-timeout", defaultValue = "PT2M") Duration fileTimeout) {
        this.answers = answers;
        this.maxFileBytes = maxFileBytes.asLongValue();
        this.bodyTimeout = bodyTimeout;
        this.fileTimeout = fileTimeout;
    }

    void install(@Observes Router router) {
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(RequestLimits.MAX_BODY_BYTES);
        BodyHandler files = BodyHandler.create(false).setBodyLimit(maxFileBytes);
        router.route("/v1/*").order(RequestHeads.ORDER + 1)
                .handler(context -> {
                    boolean file = isFile(context);
                    if (file && !fileSlots.tryAcquire()) {
                        // bounded memory: nobody makes this replica hold more files than that
                        answers.send(context, ProblemCode.RATE_LIMITED, true, 10);
                        return;
                    }
                    if (file) {
                        context.addEndHandler(done -> fileSlots.release());
                    }
                    read(context, file ? files : bodies, file);
                })
                .failureHandler(context -> {
                    boolean reading = context.get(DEADLINE) != null && context.get(READ) == null;
                    if (context.response().headWritten()) {
                        context.next();
                    } else if (context.statusCode() == 413) {
                        answers.send(context, ProblemCode.PAYLOAD_TOO_LARGE, true, limit(context));
                    } else if (reading) {
                        // a body the server could not read as sent (a broken form, a field over the decoder's limit)
                        answers.send(context, ProblemCode.BAD_REQUEST, true);
                    } else {
                        context.next();
                    }
                });
        router.route("/v1/*").order(RequestHeads.ORDER + 2).handler(this::check);
    }

    /** A file upload: only requests that carry credentials get the larger limit (nobody else buffers 16 MiB). */
    private boolean isFile(RoutingContext context) {
        return context.request().method() == HttpMethod.POST
                && RequestLimits.FILE_PATHS.contains(context.request().path())
                && context.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    private long limit(RoutingContext context) {
        return isFile(context) ? maxFileBytes : RequestLimits.MAX_BODY_BYTES;
    }

    private void read(RoutingContext context, BodyHandler bodies, boolean file) {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        boolean http2 = context.request().version() == HttpVersion.HTTP_2;
        if (declaredOver(context.request().getHeader(HttpHeaders.CONTENT_LENGTH), limit(context))) {
            answers.send(context, ProblemCode.PAYLOAD_TOO_LARGE, true, limit(context));
        } else if (!WITH_BODY.contains(context.request().method()) || (http2 && !file)) {
            context.next();
        } else if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            answers.send(context, ProblemCode.UNSUPPORTED_MEDIA_TYPE, true);
        } else {
            Duration timeout = file ? fileTimeout : bodyTimeout;
            long timer = context.vertx().setTimer(timeout.toMillis(), fired -> {
                if (!context.request().isEnded()) {
                    answers.send(context, ProblemCode.REQUEST_TIMEOUT, true, timeout.toSeconds());
                }
            });
            context.put(DEADLINE, timer);
            context.addEndHandler(done -> context.vertx().cancelTimer(timer));
            // a file endpoint reads the buffered body itself (RoutingContext#body), never through Quarkus REST
            bodies.handle(context);
        }
    }

    /** Runs once the body is in (or there is none to read). */
    private void check(RoutingContext context) {
        Long timer = context.get(DEADLINE);
        if (timer == null) {
            context.next();
            return;
        }
        context.vertx().cancelTimer(timer);
        context.put(READ, true);
        if (context.response().ended()) {
            return; // answered 408 while the last bytes came in
        }
        Buffer body = context.body().buffer();
        if (body == null) {
            // Quarkus REST would wait on the network for a body that ended long ago
            body = Buffer.buffer();
            context.setBody(body);
        }
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (body.length() > 0 && (type == null || type.isBlank() || (isJson(type) && !utf8(type, body)))) {
            answers.send(context, ProblemCode.UNSUPPORTED_MEDIA_TYPE, false);
        } else {
            context.next();
        }
    }

    private static boolean isJson(String type) {
        String essence = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return essence.equals("application/json") || essence.endsWith("+json");
    }

    /** JSON is UTF-8 (RFC 8259): a charset parameter must say so, and the bytes must be it. */
    private static boolean utf8(String type, Buffer body) {
        for (String parameter : type.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")
                    && !pair[1].trim().replace("\"", "").equalsIgnoreCase("utf-8")) {
                return false;
            }
        }
        byte[] bytes = body.getBytes();
        for (byte b : bytes) {
            if (b == 0) {
                return false; // UTF-16 or UTF-32 (JSON text never holds a NUL byte)
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean declaredOver(String length, long limit) {
        try {
            return length != null && Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
