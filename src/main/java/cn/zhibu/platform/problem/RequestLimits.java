package cn.zhibu.platform.problem;

import cn.zhibu.platform.security.Action;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

    /** POSTs of a session's attachments (photos, scans), taken as files too; each is held to its own setting. */
    static final Pattern ATTACHMENT_PATH = Pattern.compile("/v1/party-days/[0-9a-fA-F-]{36}/attachments");

    /** What a caller must be allowed to do somewhere before a file posted to this path is read; null: not a file. */
    static Action fileAction(String path) {
        Action action = FILE_ACTIONS.get(path);
        if (action == null && ATTACHMENT_PATH.matcher(path).matches()) {
            action = Action.PARTY_DAY_MANAGE;
        }
        return action;
    }

    private RequestLimits() {
    }
}
