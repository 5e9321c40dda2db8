package cn.zhibu.points;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A credit or a reversal entered the ledger: fired in the same transaction, so observers (weekly
 * standings, the check-in a reversed credit was for) change with the ledger or not at all. A reversal
 * carries the source of the entry it reverses.
 */
public record LedgerChanged(UUID entryId, UUID personId, ActivityType activityType, int points, LocalDate businessDate,
        String isoWeek, boolean reversal, String sourceType, String sourceId) {
}
