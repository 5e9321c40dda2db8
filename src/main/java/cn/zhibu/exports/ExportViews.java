package cn.zhibu.exports;

import cn.zhibu.platform.paging.Pagination;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response bodies of {@code /v1/exports}. */
public final class ExportViews {

    private static final String DATE_TIME = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})$";

    private ExportViews() {
    }

    @Schema(name = "ExportRequest", description = "A unit's year to export, and which sections.")
    public record Request(
            @Schema(format = "uuid", required = true) @NotNull UUID unitId,
            @Schema(description = "The calendar year; not in the future, at most zhibu.exports.years-back back",
                    minimum = "2000", maximum = "2100", format = "int32", required = true, examples = "2025")
            @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(description = "The sections, each once (a repeated one counts once)", minItems = 1, maxItems = 6,
                    required = true) @NotEmpty @Size(max = 6) List<@NotNull ExportSection> sections) {
    }

    @Schema(name = "Export", description = "An export of a unit's year as the inspection ledger (台账), and how far "
            + "it has come.")
    public record Job(
            UUID id,
            UUID unitId,
            @Schema(minimum = "2000", maximum = "2100", format = "int32") int year,
            @Schema(description = "The sections, in the order of the workbook's sheets", maxItems = 6)
            List<ExportSection> sections,
            ExportState state,
            @Schema(description = "How far the current attempt has come", minimum = "0", maximum = "100",
                    format = "int32") int percent,
            @Schema(description = "The section being written while RUNNING", nullable = true, maxLength = 32,
                    pattern = "^[A-Z_]{1,32}$")
            ExportSection currentSection,
            @Schema(description = "Who asked for it (the token's subject)", maxLength = 80,
                    pattern = "^[^\\x00-\\x1F\\x7F]*$") String requestedBy,
            @Schema(description = "Attempts so far (a replica that stopped while running it costs one)",
                    minimum = "0", maximum = "10", format = "int32") int attempts,
            OffsetDateTime createdAt,
            @Schema(format = "date-time", nullable = true, pattern = DATE_TIME) OffsetDateTime startedAt,
            @Schema(format = "date-time", nullable = true, pattern = DATE_TIME) OffsetDateTime finishedAt,
            @Schema(description = "When DONE: when its file is deleted", format = "date-time", nullable = true,
                    pattern = DATE_TIME) OffsetDateTime expiresAt,
            @Schema(description = "When FAILED: why", nullable = true, maxLength = 200,
                    pattern = "^[^\\x00-\\x1F\\x7F]*$") String error,
            @Schema(description = "When DONE: the ZIP's SHA-256 (hex), also its ETag", nullable = true, maxLength = 64,
                    pattern = "^[0-9a-f]{64}$") String sha256,
            @Schema(description = "When DONE: the ZIP's size in bytes", nullable = true, minimum = "1",
                    maximum = "1099511627776", format = "int64") Long bytes,
            @Schema(description = "When DONE: where to download it", nullable = true, maxLength = 80,
                    pattern = "^/v1/exports/[0-9a-f-]{36}/download$") String downloadUrl,
            @Schema(description = "Version; the ETag of the resource") long version) {
    }

    @Schema(name = "ExportPage", description = "One page of exports, the latest first.")
    public record JobPage(
            @Schema(maxItems = 100, required = true) List<Job> items,
            @Schema(maxLength = 512, pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true)
            String nextCursor) {
    }
}
