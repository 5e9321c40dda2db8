package cn.zhibu.lecture.rotation;

import java.util.List;
import java.util.UUID;

/** A department or party group that takes its turn hosting themed party days. */
public record UnitInput(UUID unitId, String name, List<Blackout> blackouts) {

    public UnitInput {
        blackouts = blackouts == null ? List.of() : List.copyOf(blackouts);
    }
}
