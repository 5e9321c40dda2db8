package cn.zhibu.platform.problem;

import cn.zhibu.platform.http.HttpSettings;
import cn.zhibu.platform.http.ImportSettings;
import cn.zhibu.platform.security.Action;
import cn.zhibu.platform.security.VerifiedCallers;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
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
 * A file (up to {@code zhibu.import.max-bytes}) is read only for a caller whose bearer token verifies and who may do
 * what its path does somewhere; others are answered 401 or 403 before any of it is read, so that no one without such
 * a token can hold one of the {@link #FILES_AT_ONCE} slots for the file timeout.
 * The endpoints then read the buffered body, which works for blocking endpoints (every {@code /v1} endpoint that
 * takes a body must be one). HTTP/2 bodies (except files) are left to Quarkus REST, which reads small bodies on the
 * event loop too (quarkusio/quarkus#34393: it cannot take over an HTTP/2 request whose body was read before it).
 */
@ApplicationScoped
public class RequestBodies {

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    private static final String DEADLINE = RequestBodies.class.getName() + ".deadline";
    private static final String READ = RequestBodies.class.getName() + ".read";
    private static final String FILE = RequestBodies.class.getName() + ".file";
    private static final String BEARER = "Bearer ";

    /** Files buffered at once on this replica (each up to zhibu.import.max-bytes, before anyone is signed in). */
    static final int FILES_AT_ONCE = 2;

    private final HttpLayerAnswers answers;
    private final IdentityProviderManager identities;
    private final VerifiedCallers callers;
    private final long maxFileBytes;
    private final Duration bodyTimeout;
    private final Duration fileTimeout;
    private final Semaphore fileSlots = new Semaphore(FILES_AT_ONCE);

    RequestBodies(HttpLayerAnswers answers, IdentityProviderManager identities, VerifiedCallers callers,
            HttpSettings http, ImportSettings files) {
        this.answers = answers;
        this.identities = identities;
        this.callers = callers;
        this.maxFileBytes = files.maxBytes().asLongValue();
        this.bodyTimeout = http.bodyTimeout();
        this.fileTimeout = files.bodyTimeout();
    }

    void install(@Observes Router router) {
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(RequestLimits.MAX_BODY_BYTES);
        BodyHandler files = BodyHandler.create(false).setBodyLimit(maxFileBytes);
        router.route("/v1/*").order(RequestHeads.ORDER + 1)
                .handler(context -> {
                    if (!isFilePost(context)) {
                        read(context, bodies, false);
                        return;
                    }
                    // the caller's token is verified (off the event loop) before a slot is taken or a byte read
                    context.request().pause();
                    io.vertx.core.Context loop = Vertx.currentContext();
                    uploader(context).subscribe().with(
                            verdict -> loop.runOnContext(v -> admit(context, verdict, files)),
                            failure -> loop.runOnContext(v -> admit(context, Verdict.UNAUTHENTICATED, files)));
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

    /** What the credentials of a file's request allow. */
    enum Verdict { UPLOADER, NOT_ALLOWED, UNAUTHENTICATED }

    /** A POST of a file with credentials: they are verified before its body is read. */
    private static boolean isFilePost(RoutingContext context) {
        return context.request().method() == HttpMethod.POST
                && RequestLimits.fileAction(context.request().path()) != null
                && context.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    /**
     * Verifies the bearer token as the API would (signature, expiry, the caller still standing) and asks whether its
     * caller may do what the path does somewhere.
     */
    private Uni<Verdict> uploader(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        Action action = RequestLimits.fileAction(context.request().path());
        if (action == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().item(Verdict.UNAUTHENTICATED);
        }
        String token = authorization.substring(BEARER.length()).trim();
        return identities.authenticate(new TokenAuthenticationRequest(new JsonWebTokenCredential(token)))
                .map(identity -> identity == null || identity.isAnonymous() ? Verdict.UNAUTHENTICATED
                        : callers.mayAnywhere(identity, action) ? Verdict.UPLOADER : Verdict.NOT_ALLOWED);
    }

    /**
     * Back on the event loop with the verdict: a caller whose token does not verify is answered 401, one who may not
     * do this anywhere 403, both before their body is read; an uploader takes one of the {@link #FILES_AT_ONCE} slots
     * (or gets 429) and their file is read.
     */
    private void admit(RoutingContext context, Verdict verdict, BodyHandler files) {
        if (context.response().ended() || context.response().closed()) {
            return; // the client went away meanwhile: no slot is taken that nothing would give back
        }
        if (verdict != Verdict.UPLOADER) {
            answers.send(context, verdict == Verdict.UNAUTHENTICATED ? ProblemCode.UNAUTHENTICATED
                    : ProblemCode.FORBIDDEN, true);
            return;
        }
        if (!fileSlots.tryAcquire()) {
            // bounded memory: nobody makes this replica hold more files than that
            answers.send(context, ProblemCode.RATE_LIMITED, true, 10);
            return;
        }
        context.put(FILE, Boolean.TRUE);
        context.addEndHandler(done -> fileSlots.release());
        read(context, files, true);
    }

    /** Only an uploader's request (verified, allowed) gets the larger limit: nobody else buffers 16 MiB. */
    private static boolean isFile(RoutingContext context) {
        return Boolean.TRUE.equals(context.get(FILE));
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
            context.request().resume(); // had it been paused, Quarkus REST reads the body
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
