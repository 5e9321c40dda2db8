package cn.zhibu.platform.paging;

import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.secrets.ServerSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Reads {@code limit} and {@code cursor} query parameters into a {@link PageRequest}. Both are
 * taken as text so a bad value is a clear 400, never a framework 404.
 */
@ApplicationScoped
public class Pagination {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final String CURSOR_PATTERN = "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$";

    private final ServerSecrets secrets;
    private volatile CursorCodec codec;

    Pagination(ServerSecrets secrets) {
        this.secrets = secrets;
    }

    /**
     * @param query names the list and every filter that shapes it (e.g. {@code "calendar-days?from=..."});
     *              a cursor is only valid for the same query.
     */
    public PageRequest request(String limit, String cursor, String query) {
        int size = parseLimit(limit);
        if (cursor == null || cursor.isEmpty()) {
            return new PageRequest(size, List.of(), query, codec());
        }
        List<String> after = codec().decode(query, cursor)
                .orElseThrow(() -> new ProblemException(ProblemCode.INVALID_CURSOR));
        return new PageRequest(size, after, query, codec());
    }

    static int parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ProblemException(ProblemCode.INVALID_PARAMETER, "limit", "1-" + MAX_LIMIT);
    }

    private CursorCodec codec() {
        CursorCodec current = codec;
        if (current == null) {
            current = new CursorCodec(secrets.get("page-cursor"));
            codec = current; // the key never changes once made, so a race only makes it twice
        }
        return current;
    }
}
