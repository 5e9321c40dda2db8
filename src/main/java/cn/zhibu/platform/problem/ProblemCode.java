package cn.zhibu.platform.problem;

/**
 * The platform's kinds of problem (see {@link ProblemKind}); capabilities add their own.
 */
public enum ProblemCode implements ProblemKind {
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
    REQUEST_TIMEOUT(408),
    CONFLICT(409),
    IDEMPOTENCY_REQUEST_IN_PROGRESS(409),
    CALENDAR_DAY_EXISTS(409),
    PRECONDITION_FAILED(412),
    PAYLOAD_TOO_LARGE(413),
    URI_TOO_LONG(414),
    UNSUPPORTED_MEDIA_TYPE(415),
    IDEMPOTENCY_KEY_REUSED(422),
    PRECONDITION_REQUIRED(428),
    RATE_LIMITED(429),
    HEADERS_TOO_LARGE(431),
    INTERNAL_ERROR(500),
    SERVICE_BUSY(503);

    private final int status;

    ProblemCode(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
