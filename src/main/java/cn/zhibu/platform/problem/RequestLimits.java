package cn.zhibu.platform.problem;

/** Limits every request is held to. */
public final class RequestLimits {

    /** The largest request body accepted: 1 MiB (also {@code quarkus.http.limits.max-body-size}). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private RequestLimits() {
    }
}
