package cn.zhibu.platform.problem;

import cn.zhibu.platform.security.Action;
import java.util.Map;
import java.util.Set;

/** Limits every request is held to. */
public final class RequestLimits {

    /** The largest request body accepted: 1 MiB. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    /**
     * POST paths that take files, allowed up to {@code zhibu.import.max-bytes} (16 MiB by default;
     * {@code quarkus.http.limits.max-body-size}, the framework's own limit, follows it).
     */
    public static final Set<String> FILE_PATHS = Set.of("/v1/people/imports");

    /** What a caller must be allowed to do somewhere before a file posted to a path is read. */
    static final Map<String, Action> FILE_ACTIONS = Map.of("/v1/people/imports", Action.PEOPLE_IMPORT);

    private RequestLimits() {
    }
}
