package cn.zhibu.points.imports;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One record to import, from a JSON item or a CSV line, its values checked on their own: the line of
 * the file (1 is the header) or the item's number (from 1).
 */
public record ImportLine(int line, String externalId, UUID personId, String personExternalId, int points,
        LocalDate date, String reason) {
}
