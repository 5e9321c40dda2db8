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
 * its days; a unit's cell and the same cell of each of its children (archived ones included). Whatever the total
 * holds beyond its shown parts (the suppressed parts, and what lies outside every part: people without a category,
 * units that are not children) can be had by subtraction, so it must be no one or at least min-cell people; else the
 * shown part drawn from the fewest people is hidden too, and so on until it is. Parts of a partition are decided
 * together and the same way whoever asks: a child's cells always with its siblings, never with what else one answer
 * shows. Rates are not partitioned: their denominators are never shown.
 */
final class Differencing {

    private static final List<String> CATEGORIES = List.of("byPoliticalStatus[", "byGender[", "byAgeBand[");
    private static final String DAYS = "checkInsByDay[";
    private static final String WEEKS = "checkInsByWeek[";

    private Differencing() {
    }

    /**
     * The parts to hide: {@code total} is the people of the total, {@code parts} those of each part, {@code shown}
     * which parts are shown. Disjoint parts leave over the total less the shown parts; parts that may share people (the
     * days of a week) leave over at least the most people of one unshown part.
     */
    static List<Integer> toHide(long total, long[] parts, boolean[] shown, int min, boolean disjoint) {
        boolean[] visible = shown.clone();
        List<Integer> hide = new ArrayList<>();
        while (true) {
            long left = disjoint ? total : 0;
            for (int i = 0; i < parts.length; i++) {
                if (disjoint && visible[i]) {
                    left -= parts[i];
                } else if (!disjoint && !visible[i]) {
                    left = Math.max(left, parts[i]);
                }
            }
            if (left == 0 || left >= min) {
                return hide;
            }
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
    }

    /** A unit's figures with what its own partitions would give away hidden (a unit asked for with no parent). */
    static <R extends Record> R alone(R figures, Cells cells) {
        Set<Object> hide = identitySet();
        within(cellsOf(figures, cells), cells, hide);
        return without(figures, hide, cells);
    }

    /**
     * The children's figures, each protected alone and then, cell by cell, together against the parent's same cell.
     * {@code parent} is the parent's figures as computed (its totals), in the children's shape.
     */
    static <R extends Record> List<R> family(R parent, List<R> children, Cells cells) {
        Set<Object> hide = identitySet();
        List<Map<String, Object>> maps = new ArrayList<>();
        for (R child : children) {
            Map<String, Object> map = cellsOf(child, cells);
            within(map, cells, hide);
            maps.add(map);
        }
        cellsOf(parent, cells).forEach((path, total) -> {
            long[] parts = new long[maps.size()];
            boolean[] shown = new boolean[maps.size()];
            Object[] cellsAt = new Object[maps.size()];
            for (int i = 0; i < maps.size(); i++) {
                cellsAt[i] = maps.get(i).get(path);
                parts[i] = cellsAt[i] == null ? 0 : cells.peopleOf(cellsAt[i]);
                shown[i] = cellsAt[i] != null && shown(cellsAt[i], hide);
            }
            if (shown(total, hide)) {
                toHide(cells.peopleOf(total), parts, shown, cells.min(), true).forEach(i -> hide.add(cellsAt[i]));
            }
        });
        List<R> protectedChildren = new ArrayList<>();
        children.forEach(child -> protectedChildren.add(without(child, hide, cells)));
        return protectedChildren;
    }

    /** Adds to {@code hide} what one unit's own partitions would give away. */
    private static void within(Map<String, Object> map, Cells cells, Set<Object> hide) {
        Object people = map.get("people");
        if (people != null) {
            for (String prefix : CATEGORIES) {
                settle(people, parts(map, prefix, null), cells, hide, true);
            }
        }
        map.forEach((path, week) -> {
            if (path.startsWith(WEEKS)) {
                String name = path.substring(WEEKS.length(), path.length() - 1);
                settle(week, parts(map, DAYS, name), cells, hide, false);
            }
        });
    }

    private static List<Object> parts(Map<String, Object> map, String prefix, String week) {
        List<Object> parts = new ArrayList<>();
        map.forEach((path, cell) -> {
            if (path.startsWith(prefix) && (week == null || IsoWeek.of(LocalDate.parse(path.substring(prefix.length(),
                    path.length() - 1))).toString().equals(week))) {
                parts.add(cell);
            }
        });
        return parts;
    }

    private static void settle(Object total, List<Object> parts, Cells cells, Set<Object> hide, boolean disjoint) {
        if (!shown(total, hide)) {
            return;
        }
        long[] people = new long[parts.size()];
        boolean[] shown = new boolean[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            people[i] = cells.peopleOf(parts.get(i));
            shown[i] = shown(parts.get(i), hide);
        }
        toHide(cells.peopleOf(total), people, shown, cells.min(), disjoint).forEach(i -> hide.add(parts.get(i)));
    }

    private static boolean shown(Object cell, Set<Object> hide) {
        if (hide.contains(cell)) {
            return false;
        }
        if (cell instanceof StatsViews.Figure f) {
            return f.suppressed() == null;
        } else if (cell instanceof StatsViews.Category c) {
            return c.suppressed() == null;
        } else if (cell instanceof StatsViews.Point p) {
            return p.suppressed() == null;
        } else if (cell instanceof StatsViews.Distribution d) {
            return d.suppressed() == null;
        }
        throw new IllegalArgumentException(cell.getClass().getName());
    }

    /** The cells of a figures record that {@link Cells} made, by path: {@code people}, {@code byGender[MALE]}. */
    private static Map<String, Object> cellsOf(Record figures, Cells cells) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent component : figures.getClass().getRecordComponents()) {
            Object value = read(component, figures);
            if (value instanceof List<?> list) {
                for (Object element : list) {
                    String key = element instanceof StatsViews.Category c ? c.key()
                            : element instanceof StatsViews.Point p ? p.period() : null;
                    if (key != null && cells.peopleOf(element) != null) {
                        map.put(component.getName() + "[" + key + "]", element);
                    }
                }
            } else if (value != null && cells.peopleOf(value) != null) {
                map.put(component.getName(), value);
            }
        }
        return map;
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
