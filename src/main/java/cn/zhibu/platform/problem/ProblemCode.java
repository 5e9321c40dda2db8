package cn.zhibu.platform.problem;

import java.util.Locale;

/**
 * Every kind of problem the service answers with. The name is the stable {@code code} clients
 * switch on; the type URI is derived from it. Titles and details are in {@code problems*.properties}.
 */
public enum ProblemCode {
    VALIDATION_FAILED(400),
    BAD_REQUEST(400),
    MALFORMED_JSON(400),
    INVALID_PARAMETER(400),
    INVALID_CURSOR(400),
    IDEMPOTENCY_KEY_REQUIRED(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    IDEMPOTENCY_REQUEST_IN_PROGRESS(409),
    CALENDAR_DAY_EXISTS(409),
    PRECONDITION_FAILED(412),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    IDEMPOTENCY_KEY_REUSED(422),
    PRECONDITION_REQUIRED(428),
    RATE_LIMITED(429),
    INTERNAL_ERROR(500);

    /** Base of the problem type URIs; a type URI identifies a kind of problem, it need not resolve. */
    public static final String TYPE_BASE = "https://zhibu.cn/problems/";

    private final int status;

    ProblemCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String type() {
        return TYPE_BASE + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
