package cn.zhibu.leaderboard;

import java.util.NavigableMap;
import java.util.TreeMap;

/** Ranks from a unit's buckets (total to number of people with it). */
record Ranks(NavigableMap<Integer, Long> people) {

    long participants() {
        return people.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Competition rank of a total: 1 + the people with more points. */
    long rankOf(int points) {
        return 1 + people.tailMap(points, false).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The least total above this one, if anyone has more. */
    Integer nextAbove(int points) {
        return people.higherKey(points);
    }

    long below(int points) {
        return people.headMap(points, false).values().stream().mapToLong(Long::longValue).sum();
    }

    /** These ranks with one person moved from one total to another (null: not counted there). */
    Ranks moving(Integer from, Integer to) {
        TreeMap<Integer, Long> moved = new TreeMap<>(people);
        if (from != null) {
            moved.computeIfPresent(from, (total, count) -> count > 1 ? count - 1 : null);
        }
        if (to != null) {
            moved.merge(to, 1L, Long::sum);
        }
        return new Ranks(moved);
    }
}
