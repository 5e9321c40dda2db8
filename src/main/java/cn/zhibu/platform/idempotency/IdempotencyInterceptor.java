package cn.zhibu.platform.idempotency;

import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
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
import java.util.regex.Pattern;

/** Runs {@link Idempotent} methods at most once per caller and key; see {@link IdempotencyStore}. */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final String KEY_PATTERN = "^[\\x21-\\x7E]{1,128}$";
    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

    @Inject
    HttpServerRequest request;
    @Inject
    SecurityIdentity identity;
    @Inject
    IdempotencyStore store;
    @Inject
    ObjectMapper json;

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
        String caller = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        String hash = requestHash(invocation.getParameters());
        return QuarkusTransaction.joiningExisting().call(() -> {
            Optional<StoredResponse> earlier = store.claim(caller, key, hash);
            if (earlier.isPresent()) {
                return earlier.get().toResponse(true);
            }
            Response response = (Response) invocation.proceed();
            StoredResponse stored = StoredResponse.of(response, json);
            store.complete(caller, key, stored);
            return stored.toResponse(false);
        });
    }

    /** The request's method, path, query and arguments (its body among them), hashed. */
    private String requestHash(Object[] parameters) throws JsonProcessingException, NoSuchAlgorithmException {
        String text = request.method().name() + ' ' + request.path() + '?' + Optional.ofNullable(request.query())
                .orElse("") + '\n' + json.writeValueAsString(parameters);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
