package cn.zhibu.annual;

import java.util.List;
import java.util.UUID;

/**
 * A star selection (组工之星) closed: its stars stand. Fired in the closing transaction, so the honours it earns are
 * stored with the closing or not at all.
 *
 * @param campaignId the closed campaign
 * @param unitId the unit that ran it
 * @param year the year it selected for
 * @param title the title the stars earn, as the campaign names it (e.g. 2026年度“组工之星”)
 * @param people the stars, in the order they were decided
 */
public record StarsSelected(UUID campaignId, UUID unitId, int year, String title, List<UUID> people) {

    public StarsSelected {
        people = List.copyOf(people);
    }
}
