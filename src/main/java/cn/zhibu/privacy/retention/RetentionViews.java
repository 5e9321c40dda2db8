package cn.zhibu.privacy.retention;

import cn.zhibu.platform.openapi.Patterns;
import cn.zhibu.platform.paging.Pagination;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answers of {@code /v1/retention/purges}. */
public final class RetentionViews {

    private RetentionViews() {
    }

    @Schema(name = "RetentionPurge", description = "What one run of the retention purge removed or erased of one class "
            + "of data: MATERIAL_OPENINGS (openings of study materials, deleted), CHECK_IN_EVIDENCE (note, claimed "
            + "study time and opening time of rejected check-ins, cleared), PEOPLE_WHO_LEFT (contact and "
            + "personal fields erased, name 已离开成员), PEOPLE_WHO_LEFT_NAMED_IN_INTEGRITY_FILES (contact fields only "
            + "erased; an integrity file still names them)")
    public record Purge(
            @Schema(required = true) UUID id,
            @Schema(description = "The run; the classes of one run share it", required = true) UUID runId,
            @Schema(description = "The class of data", maxLength = 48, pattern = "^[A-Z][A-Z_]*$", required = true,
                    examples = "MATERIAL_OPENINGS") String dataClass,
            @Schema(description = "How long the class is kept (ISO 8601 duration), as set when the run began",
                    maxLength = 32, pattern = "^PT?[0-9][0-9A-Z.]*$", required = true, examples = "P365D")
            String retention,
            @Schema(description = "Records of the class older than this had expired", format = "date-time",
                    pattern = Patterns.INSTANT, required = true) Instant cutoff,
            @Schema(description = "How many records it removed or erased", minimum = "0",
                    maximum = "9223372036854775807", required = true)
            long purged,
            @Schema(description = "How many transactions it took", minimum = "0", maximum = "2147483647",
                    required = true) int batches,
            @Schema(description = "False when the class stopped on an error (the next run takes up the rest)",
                    required = true) boolean complete,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, required = true) Instant startedAt,
            @Schema(format = "date-time", pattern = Patterns.INSTANT, required = true) Instant finishedAt) {
    }

    @Schema(name = "RetentionPurgePage", description = "One page of the purge log, newest first")
    public record Page(
            @Schema(maxItems = 100, required = true) List<Purge> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true) String nextCursor) {
    }

    static final class Examples {
        static final String PAGE = """
                {"items": [{"id": "5f0c8e2a-1b3d-4c5e-8f7a-9b0c1d2e3f40", "runId": "0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
                 "dataClass": "PEOPLE_WHO_LEFT", "retention": "P1095D", "cutoff": "2023-12-06T16:00:00Z",
                 "purged": 2, "batches": 1, "complete": true, "startedAt": "2026-12-06T19:30:00.125Z",
                 "finishedAt": "2026-12-06T19:30:00.250Z"}], "nextCursor": null}""";

        private Examples() {
        }
    }
}
