package cn.zhibu.org.people.imports;

import cn.zhibu.platform.paging.Pagination;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response bodies of {@code /v1/people/imports}. */
public final class ImportViews {

    private static final String COUNT_MAX = "1000000";
    private static final String DATE_TIME = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})$";

    private ImportViews() {
    }

    @Schema(name = "PeopleImport", description = "An import of people from a CSV file, and how far it has come.")
    public record PeopleImportView(
            UUID id,
            @Schema(description = "QUEUED, then RUNNING; at the end SUCCEEDED, FAILED (the file has bad lines, see "
                    + "the errors; nothing was written) or ERROR (an unexpected failure; nothing was written)")
            ImportState state,
            @Schema(description = "Whether this import only checks the file and writes nothing") boolean dryRun,
            @Schema(description = "While RUNNING: VALIDATING (each line on its own), then APPLYING (against the "
                    + "people stored; writing them unless a dry run)", nullable = true, maxLength = 10,
                    pattern = "^(VALIDATING|APPLYING)$") ImportPhase phase,
            @Schema(ref = "ImportCharset") String charset,
            @Schema(description = "Size of the file in bytes", minimum = "1", maximum = "2147483647", format = "int32")
            int fileBytes,
            @Schema(description = "Data lines in the file (known once it is read)", minimum = "0", maximum = COUNT_MAX,
                    format = "int32") int total,
            @Schema(description = "Lines done in the current phase; equals total at the end", minimum = "0",
                    maximum = COUNT_MAX, format = "int32") int processed,
            @Schema(description = "People added (a dry run: who would be)", minimum = "0", maximum = COUNT_MAX,
                    format = "int32") int created,
            @Schema(description = "People whose details or units changed", minimum = "0", maximum = COUNT_MAX,
                    format = "int32") int updated,
            @Schema(description = "Of the updated, those transferred to another branch or other groups", minimum = "0",
                    maximum = COUNT_MAX, format = "int32") int transferred,
            @Schema(description = "People already stored exactly as in the file", minimum = "0", maximum = COUNT_MAX,
                    format = "int32") int unchanged,
            @Schema(description = "Problems found in the file", minimum = "0", maximum = "10000000", format = "int32")
            int errorCount,
            @Schema(description = "Version; the ETag of the resource") long version,
            OffsetDateTime createdAt,
            @Schema(format = "date-time", nullable = true, pattern = DATE_TIME)
            OffsetDateTime startedAt,
            @Schema(format = "date-time", nullable = true, pattern = DATE_TIME)
            OffsetDateTime finishedAt) {
    }

    @Schema(name = "PeopleImportError", description = "A problem on one line of an imported file.")
    public record ImportErrorView(
            @Schema(description = "Line of the file (1 is the header; a record with line breaks in a quoted field "
                    + "is counted from its first line)", minimum = "1", maximum = "100000000", format = "int32")
            int line,
            @Schema(description = "The column (its English name, or the unknown header cell); null for the whole line",
                    maxLength = 200, nullable = true, pattern = "^[^\\x00-\\x1F\\x7F]*$") String column,
            @Schema(description = "A stable code: IMPORT_... or PERSON_...", maxLength = 64, pattern = "^[A-Z_]+$",
                    examples = "IMPORT_UNIT_NOT_FOUND") String code,
            @Schema(description = "What is wrong, in the language of Accept-Language", maxLength = 500,
                    pattern = "^[^\\x00-\\x1F\\x7F]*$",
                    examples = "找不到未归档的组织“第九支部”。") String message) {
    }

    @Schema(name = "PeopleImportErrorPage", description = "One page of an import's problems, in file order.")
    public record ImportErrorPage(
            @Schema(maxItems = 100, required = true) List<ImportErrorView> items,
            @Schema(maxLength = 512, pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true)
            String nextCursor) {
    }
}
