package cn.zhibu.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/** Builds problem bodies and responses in the caller's language. */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static Problem of(ProblemKind code, Locale locale, String instance, List<FieldError> errors,
            Object... args) {
        return new Problem(code.type(), ProblemMessages.title(code, locale), code.status(),
                ProblemMessages.detail(code, locale, args), instance, code.name(),
                errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }

    /** A JAX-RS response carrying the problem, with {@code Content-Language} and, for 401, the challenge. */
    public static Response response(ProblemKind code, Locale locale, String instance, List<FieldError> errors,
            Object... args) {
        Response.ResponseBuilder builder = Response.status(code.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .entity(of(code, locale, instance, errors, args));
        if (code == ProblemCode.UNAUTHENTICATED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    /** The problem as JSON text, for answers written below JAX-RS (the HTTP layer). */
    public static String json(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem body could not be written", e);
        }
    }
}
