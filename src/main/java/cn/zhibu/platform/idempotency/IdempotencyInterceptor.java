package cn.zhibu.platform.idempotency;

import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.security.Callers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Runs {@link Idempotent} methods at most once per caller and key. Each attempt is one
 * transaction that first takes the key's lock; a request that finds the lock taken (the same
 * key still running) ends its transaction, returns its connection to the pool, and tries again
 * after a growing pause (10 to 250 ms, with jitter) for up to {@code zhibu.idempotency.wait},
 * then answers 409. The services the method calls join the attempt's transaction; one that
 * starts its own ({@code REQUIRES_NEW}) would commit outside the key's protection.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final String KEY_PATTERN = "^[\\x21-\\x7E]{1,128}$";
    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);
    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long LONGEST_PAUSE_MILLIS = 250;

    @Inject
    HttpServerRequest request;
    @Inject
    RoutingContext routing;
    @Inject
    SecurityIdentity identity;
    @Inject
    IdempotencyStore store;
    @Inject
    ObjectMapper json;
    @Inject
    IdempotencySettings idempotency;
    private static volatile ObjectMapper canonicalJson;

    @AroundInvoke
    Object guard(InvocationContext invocation) throws Exception {
        Idempotent settings = Optional.ofNullable(invocation.getMethod().getAnnotation(Idempotent.class))
                .orElseGet(() -> invocation.getMethod().getDeclaringClass().getAnnotation(Idempotent.class));
        String key = request.getHeader(HEADER);
        if (key == null || key.isEmpty()) {
            if (settings != null && settings.required()) {
                throw new ProblemException(ProblemCode.IDEMPOTENCY_KEY_REQUIRED);
            }
            return invocation.proceed();
        }
        if (!KEY.matcher(key).matches()) {
            throw new ProblemException(ProblemCode.IDEMPOTENCY_KEY_REQUIRED);
        }
        String caller = Callers.key(identity, request);
        String hash = requestHash(invocation.getParameters());
        long deadline = System.nanoTime() + idempotency.await().toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            Optional<Answer> answer = QuarkusTransaction.requiringNew().call(() -> attempt(invocation, caller, key,
                    hash));
            if (answer.isPresent()) {
                return answer.get().value();
            }
            if (System.nanoTime() > deadline) {
                throw new ProblemException(ProblemCode.IDEMPOTENCY_REQUEST_IN_PROGRESS);
            }
            try {
                Thread.sleep(pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProblemException(ProblemCode.IDEMPOTENCY_REQUEST_IN_PROGRESS);
            }
            pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
        }
    }

    /**
     * One try: empty when the same key is running elsewhere; otherwise the stored or the new answer. A method that
     * answers a {@link Response} gets one back (the stored one when replayed); a method that answers an entity (200, or
     * 204 when there is none) gets its entity back, read again from the stored JSON when replayed.
     */
    private Optional<Answer> attempt(InvocationContext invocation, String caller, String key, String hash)
            throws Exception {
        if (!store.tryLock(caller, key)) {
            return Optional.empty();
        }
        boolean answersResponse = Response.class.isAssignableFrom(invocation.getMethod().getReturnType());
        Optional<StoredResponse> earlier = store.find(caller, key, hash);
        if (earlier.isPresent()) {
            if (answersResponse) {
                return Optional.of(new Answer(earlier.get().toResponse(true)));
            }
            routing.response().putHeader(REPLAYED_HEADER, "true");
            String body = earlier.get().body();
            return Optional.of(new Answer(body == null ? null
                    : json.readValue(body, json.constructType(invocation.getMethod().getGenericReturnType()))));
        }
        Object result = invocation.proceed();
        if (answersResponse) {
            StoredResponse stored = StoredResponse.of((Response) result, json);
            store.save(caller, key, hash, stored);
            return Optional.of(new Answer(stored.toResponse(false)));
        }
        store.save(caller, key, hash, StoredResponse.ofEntity(result, json));
        routing.response().putHeader(REPLAYED_HEADER, "false");
        return Optional.of(new Answer(result));
    }

    /** What the method answers (an entity may be null). */
    private record Answer(Object value) {
    }

    /** The application's JSON settings, with map keys in order; made once. */
    private ObjectMapper canonical() {
        ObjectMapper mapper = canonicalJson;
        if (mapper == null) {
            mapper = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
            canonicalJson = mapper;
        }
        return mapper;
    }

    /**
     * The request's method, path, query, content type and body bytes, hashed (the same bytes in another
     * charset are another request). A body the HTTP layer did not
     * buffer (none so far) is represented by the method's arguments instead.
     */
    private String requestHash(Object[] parameters) throws JsonProcessingException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        String head = request.method().name() + ' ' + request.path() + '?'
                + Optional.ofNullable(request.query()).orElse("") + '\n'
                + Optional.ofNullable(request.getHeader("Content-Type")).orElse("") + '\n';
        digest.update(head.getBytes(StandardCharsets.UTF_8));
        Buffer body = routing.body() == null ? null : routing.body().buffer();
        if (body != null) {
            digest.update(body.getBytes());
        } else {
            digest.update(canonical().writeValueAsBytes(parameters));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
