package cn.zhibu.points.imports;

import cn.zhibu.platform.csv.LineError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The problems an import found: all of them counted, the first {@link #KEPT} of each source kept (each source
 * finds them in line order, so the first lines of all sources together are always among those kept). A refusal
 * shows the first 100 by line and counts them all.
 */
public final class LineErrors {

    /** Problems kept of one source, at most. */
    static final int KEPT = 300;
    private static final Comparator<LineError> BY_LINE = Comparator.comparingInt(LineError::line)
            .thenComparing(e -> Objects.toString(e.column(), ""));

    private final List<LineError> kept = new ArrayList<>();
    private int count;

    public LineErrors() {
    }

    /** Problems of one source, in line order. */
    public static LineErrors of(List<LineError> errors) {
        LineErrors collected = new LineErrors();
        errors.forEach(collected::add);
        return collected;
    }

    public void add(LineError error) {
        count++;
        if (kept.size() < KEPT) {
            kept.add(error);
        }
    }

    /** All problems, counted. */
    public int count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** The problems of this and the other source, each source's first ones kept; counted all. */
    public LineErrors and(LineErrors other) {
        LineErrors both = new LineErrors();
        both.kept.addAll(kept);
        both.kept.addAll(other.kept);
        both.count = count + other.count;
        return both;
    }

    /** The problems kept, by line (and column). */
    public List<LineError> byLine() {
        List<LineError> sorted = new ArrayList<>(kept);
        sorted.sort(BY_LINE);
        return sorted;
    }
}
