package cn.zhibu.stats;

import cn.zhibu.platform.time.IsoWeek;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Secondary suppression, so that no suppressed cell comes back by subtraction. A partition is a total and the parts
 * that make it up: a unit's people and its people by political status, by gender, by age band; a week's check-ins and
 * its days; a unit's cell and the same cell of each of its children (archived ones included), shares of people taken
 * as those counted and those not. A partition whose total is shown gives its unshown remainder away: it must be no one,
 * or at least min-cell people spread over at least two unshown parts (one alone would be had exactly, and with it
 * whatever it is a part of elsewhere). A partition whose total is hidden must keep a part with people unshown, or the
 * total would be their sum. Else the shown part of fewest people is hidden too, and every partition is weighed again
 * until none gives anything away. Decisions go down the tree: a unit's cells are decided with its siblings', given
 * what its parent shows, the same whoever asks and however. Rates of sessions are not partitioned: their denominators
 * are never shown.
 */
final class Differencing {

    private static final List<String> CATEGORIES = List.of("byPoliticalStatus[", "byGender[", "byAgeBand[");
    private static final String DAYS = "checkInsByDay[";
    private static final String WEEKS = "checkInsByWeek[";

    /** A cell under a path, and the people it stands for in partitions. */
    private record Cell(Object view, long people) {
    }

    private Differencing() {
    }

    /**
     * The parts to hide: {@code total} is the people of the total, shown or not; {@code parts} those of each part,
     * {@code shown} which parts are shown. Disjoint parts leave over the total less the shown parts; parts that may
     * share people (the days of a week) leave over the most people of one unshown part; and since people may be in
     * two children at once (a move within the week), what is left over is never taken for fewer than that.
     */
    static List<Integer> toHide(long total, boolean totalShown, long[] parts, boolean[] shown, int min,
            boolean disjoint) {
        boolean[] visible = shown.clone();
        List<Integer> hide = new ArrayList<>();
        while (!safe(total, totalShown, parts, visible, min, disjoint)) {
            int fewest = -1;
            for (int i = 0; i < parts.length; i++) {
                if (visible[i] && (fewest < 0 || parts[i] < parts[fewest])) {
                    fewest = i;
                }
            }
            if (fewest < 0) {
                return hide;
            }
            visible[fewest] = false;
            hide.add(fewest);
        }
        return hide;
    }

    private static boolean safe(long total, boolean totalShown, long[] parts, boolean[] visible, int min,
            boolean disjoint) {
        long left = disjoint ? total : 0;
        long largest = 0;
        int unshown = 0;
        for (int i = 0; i < parts.length; i++) {
            if (visible[i]) {
                left -= disjoint ? parts[i] : 0;
            } else if (parts[i] > 0) {
                unshown++;
                largest = Math.max(largest, parts[i]);
            }
        }
        // people may be in two parts (a move within the week): what is left over holds at least the largest unshown
        left = Math.max(left, largest);
        if (!totalShown) {
            return total == 0 || unshown > 0;
        }
        return left == 0 || (left >= min && unshown != 1);
    }

    /** A unit's figures with what its own partitions would give away hidden (a unit with no parent). */
    static <R extends Record> R alone(R figures, Cells cells) {
        Set<Object> hide = identitySet();
        Map<String, Cell> map = cellsOf(figures, cells);
        while (within(map, cells, hide)) {
            // until nothing more is hidden
        }
        return without(figures, hide, cells);
    }

    /**
     * The children's figures decided together: each child's own partitions, and cell by cell against the parent's
     * same cell ({@code parent}: as computed; {@code shownParent}: as the parent is shown), until nothing more is
     * hidden.
     */
    static <R extends Record> List<R> family(R parent, R shownParent, List<R> children, Cells cells) {
        Set<Object> hide = identitySet();
        List<Map<String, Cell>> maps = new ArrayList<>();
        children.forEach(child -> maps.add(cellsOf(child, cells)));
        Map<String, Cell> totals = cellsOf(parent, cells);
        Set<String> parentHidden = hiddenPaths(shownParent);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map<String, Cell> map : maps) {
                changed |= within(map, cells, hide);
            }
            for (Map.Entry<String, Cell> total : totals.entrySet()) {
                List<Cell> parts = new ArrayList<>();
                maps.forEach(map -> parts.add(map.getOrDefault(total.getKey(), new Cell(null, 0))));
                changed |= settle(total.getValue().people(), !parentHidden.contains(base(total.getKey())), parts,
                        cells, hide, true);
            }
        }
        List<R> decided = new ArrayList<>();
        children.forEach(child -> decided.add(without(child, hide, cells)));
        return decided;
    }

    /** Adds to {@code hide} what one unit's own partitions would give away; whether it added any. */
    private static boolean within(Map<String, Cell> map, Cells cells, Set<Object> hide) {
        boolean changed = false;
        Cell people = map.get("people");
        if (people != null) {
            for (String prefix : CATEGORIES) {
                List<Cell> parts = new ArrayList<>();
                map.forEach((path, cell) -> {
                    if (path.startsWith(prefix)) {
                        parts.add(cell);
                    }
                });
                changed |= settle(people.people(), shown(people.view(), hide), parts, cells, hide, true);
            }
        }
        Map<String, List<Cell>> days = new LinkedHashMap<>();
        map.forEach((path, cell) -> {
            if (path.startsWith(DAYS)) {
                LocalDate day = LocalDate.parse(path.substring(DAYS.length(), path.length() - 1));
                days.computeIfAbsent(IsoWeek.of(day).toString(), w -> new ArrayList<>()).add(cell);
            }
        });
        for (Map.Entry<String, List<Cell>> week : days.entrySet()) {
            Cell total = map.get(WEEKS + week.getKey() + "]");
            if (total != null) {
                changed |= settle(total.people(), shown(total.view(), hide), week.getValue(), cells, hide, false);
            }
        }
        return changed;
    }

    private static boolean settle(long total, boolean totalShown, List<Cell> parts, Cells cells, Set<Object> hide,
            boolean disjoint) {
        long[] people = new long[parts.size()];
        boolean[] shown = new boolean[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            people[i] = parts.get(i).people();
            shown[i] = parts.get(i).view() != null && shown(parts.get(i).view(), hide);
        }
        List<Integer> more = toHide(total, totalShown, people, shown, cells.min(), disjoint);
        more.forEach(i -> hide.add(parts.get(i).view()));
        return !more.isEmpty();
    }

    private static boolean shown(Object cell, Set<Object> hide) {
        if (hide.contains(cell)) {
            return false;
        }
        return suppressed(cell) == null;
    }

    private static String suppressed(Object cell) {
        if (cell instanceof StatsViews.Figure f) {
            return f.suppressed();
        } else if (cell instanceof StatsViews.Category c) {
            return c.suppressed();
        } else if (cell instanceof StatsViews.Point p) {
            return p.suppressed();
        } else if (cell instanceof StatsViews.Distribution d) {
            return d.suppressed();
        }
        throw new IllegalArgumentException(cell.getClass().getName());
    }

    /** A share's path without its side ({@code coverage+} is the coverage cell). */
    private static String base(String path) {
        return path.endsWith("+") || path.endsWith("-") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * The cells of a figures record that {@link Cells} made, by path: {@code people}, {@code byGender[MALE]}; a share
     * of people twice, as those counted ({@code coverage+}) and those not ({@code coverage-}).
     */
    private static Map<String, Cell> cellsOf(Record figures, Cells cells) {
        Map<String, Cell> map = new LinkedHashMap<>();
        forEachCell(figures, (path, view) -> {
            Long people = cells.peopleOf(view);
            if (people != null) {
                map.put(path, new Cell(view, people));
            }
            long[] share = cells.shareOf(view);
            if (share != null) {
                map.put(path + "+", new Cell(view, share[0]));
                map.put(path + "-", new Cell(view, share[1]));
            }
        });
        return map;
    }

    /** The paths of the record's suppressed cells. */
    private static Set<String> hiddenPaths(Record figures) {
        Set<String> hidden = new java.util.HashSet<>();
        forEachCell(figures, (path, view) -> {
            if (suppressed(view) != null) {
                hidden.add(path);
            }
        });
        return hidden;
    }

    private static void forEachCell(Record figures, java.util.function.BiConsumer<String, Object> action) {
        for (RecordComponent component : figures.getClass().getRecordComponents()) {
            Object value = read(component, figures);
            if (value instanceof List<?> list) {
                for (Object element : list) {
                    String key = element instanceof StatsViews.Category c ? c.key()
                            : element instanceof StatsViews.Point p ? p.period() : null;
                    if (key != null) {
                        action.accept(component.getName() + "[" + key + "]", element);
                    }
                }
            } else if (value instanceof StatsViews.Figure || value instanceof StatsViews.Distribution) {
                action.accept(component.getName(), value);
            }
        }
    }

    /** The figures with the cells in {@code hide} suppressed (the same record when none of them is). */
    @SuppressWarnings("unchecked")
    private static <R extends Record> R without(R figures, Set<Object> hide, Cells cells) {
        RecordComponent[] components = figures.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean changed = false;
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            Object value = read(components[i], figures);
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>(list.size());
                for (Object element : list) {
                    copy.add(hide.contains(element) ? hidden(element, cells) : element);
                }
                changed |= !copy.equals(list);
                value = Collections.unmodifiableList(copy);
            } else if (value != null && hide.contains(value)) {
                value = hidden(value, cells);
                changed = true;
            }
            values[i] = value;
        }
        if (!changed) {
            return figures;
        }
        try {
            Constructor<?> canonical = figures.getClass().getDeclaredConstructor(types);
            return (R) canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object hidden(Object cell, Cells cells) {
        return cells.hidden((Class) cell.getClass(), cell);
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<Object> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
