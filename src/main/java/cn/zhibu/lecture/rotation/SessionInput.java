package cn.zhibu.lecture.rotation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A themed party day as the planners see it. Callers give sessions in chronological order (date, then id); the
 * planners sort them again by date and then id string, so the order given never changes a plan.
 *
 * @param slotCount how many micro lectures the day has
 * @param fixed held, confirmed, cancelled or past: never changed, it is history
 * @param cancelled ignored entirely, by history and by planning
 * @param hostUnitId the hosting unit, or null; kept when fixed, planned afresh otherwise
 * @param slots the slots known so far (any order, numbers missing mean empty and not pinned)
 */
public record SessionInput(UUID id, LocalDate date, int slotCount, boolean fixed, boolean cancelled, UUID hostUnitId,
        List<Slot> slots) {

    public SessionInput {
        slots = slots == null ? List.of() : List.copyOf(slots);
    }
}
