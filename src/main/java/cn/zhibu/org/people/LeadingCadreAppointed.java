package cn.zhibu.org.people;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A person became a leading cadre (领导干部) on {@code on}, in {@code branchId}; fired in the transaction
 * that made them one, so whatever follows from it (their integrity file) commits with it or not at all.
 */
public record LeadingCadreAppointed(UUID personId, UUID branchId, LocalDate on) {
}
