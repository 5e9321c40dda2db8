package cn.zhibu.platform.idempotency;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose effect must happen once per {@code Idempotency-Key}. The key is
 * claimed in the same transaction as the work; a retry with the same key and body gets the first
 * response again, with another body a 422, and while the first still runs (past a short wait) a 409.
 * The method returns a {@link jakarta.ws.rs.core.Response}; keys are scoped per caller.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {

    /** Whether a request without the header is refused (400) rather than run unguarded. */
    @Nonbinding
    boolean required() default true;
}
