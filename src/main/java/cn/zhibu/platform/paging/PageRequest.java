package cn.zhibu.platform.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A validated page request: how many items, and after which position (the sort key values of
 * the last item of the previous page). Made by {@link Pagination#request}.
 */
public final class PageRequest {

    private final int limit;
    private final List<String> after;
    private final String query;
    private final CursorCodec codec;

    PageRequest(int limit, List<String> after, String query, CursorCodec codec) {
        this.limit = limit;
        this.after = after;
        this.query = query;
        this.codec = codec;
    }

    public int limit() {
        return limit;
    }

    /** How many rows to fetch: one more than the limit tells whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }

    /** The sort key of the last item already seen, or empty on the first page. */
    public Optional<List<String>> after() {
        return after.isEmpty() ? Optional.empty() : Optional.of(after);
    }

    /**
     * Builds the page from up to {@link #fetchSize()} rows in sort order; {@code position} gives a
     * row's sort key values, which the next cursor carries.
     */
    public <R, T> Page<T> page(List<R> rows, Function<R, List<String>> position, Function<R, T> toItem) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        List<T> items = new ArrayList<>(shown.size());
        shown.forEach(row -> items.add(toItem.apply(row)));
        String next = more ? codec.encode(query, position.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(List.copyOf(items), next);
    }
}
