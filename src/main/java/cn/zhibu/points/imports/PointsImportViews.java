package cn.zhibu.points.imports;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of {@code /v1/points/imports}. */
public final class PointsImportViews {

    /** Items of one JSON request, at most. */
    public static final int MAX_ITEMS = 1000;
    /** Data lines of one CSV file, at most (the body is at most 1 MiB in any case). */
    public static final int MAX_CSV_LINES = 5000;
    static final String EXTERNAL_ID = "^[A-Za-z0-9._:-]{1,64}$";
    static final String ANY_CASE_UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    private PointsImportViews() {
    }

    @Schema(name = "PointsImportItem", description = "Points a person earned on another study platform. Name the "
            + "person by personId or by personExternalId (their external id, as in people imports), exactly one.")
    public record Item(
            @Schema(description = "The record's id on the platform it comes from: it is credited once, whatever is "
                    + "sent again", minLength = 1, maxLength = 64, pattern = EXTERNAL_ID, required = true,
                    examples = "xxqg-2026-000123")
            @NotNull @Size(max = 64) @Pattern(regexp = EXTERNAL_ID) String externalId,
            @Schema(format = "uuid", nullable = true, pattern = ANY_CASE_UUID) UUID personId,
            @Schema(description = "The person's external id", minLength = 1, maxLength = 64, pattern = EXTERNAL_ID,
                    nullable = true, examples = "HR-000123")
            @Size(max = 64) @Pattern(regexp = EXTERNAL_ID) String personExternalId,
            @Schema(description = "Points earned; the EXTERNAL_IMPORT rule's caps may lower them", minimum = "1",
                    maximum = "1000", required = true, examples = "5") @NotNull @Min(1) @Max(1000) Integer points,
            @Schema(description = "When they were earned (business date): not in the future, at most a year ago",
                    format = "date", required = true, examples = "2026-03-15") @NotNull LocalDate date,
            @Schema(minLength = 1, maxLength = 200, pattern = Patterns.TEXT, nullable = true, examples = "学习强国 2026年3月积分")
            @Size(max = 200) @Pattern(regexp = Patterns.TEXT) String reason) {
    }

    @Schema(name = "PointsImportRequest", description = "Records of points earned elsewhere, imported all or nothing.")
    public record Request(
            @Schema(minItems = 1, maxItems = MAX_ITEMS, required = true)
            @NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Valid Item> items) {
    }

    /** What became of a record. */
    public enum LineStatus {
        /** Credited now (in a dry run: would be). */
        CREDITED,
        /** Imported before, with the same person, points and date: not credited again. */
        ALREADY_IMPORTED
    }

    @Schema(name = "PointsImportLine", description = "What became of one record.")
    public record LineResult(
            @Schema(description = "The line of the file (1 is the header) or the item's number (from 1)",
                    minimum = "1", maximum = "100000000", format = "int32") int line,
            @Schema(maxLength = 64, pattern = EXTERNAL_ID) String externalId,
            UUID personId,
            LineStatus status,
            @Schema(description = "Points credited (after the rule's caps); in a dry run, the points asked for",
                    minimum = "0", maximum = "1000", format = "int32") int points,
            @Schema(description = "The ledger entry; null in a dry run for a record not imported yet", format = "uuid",
                    nullable = true, pattern = Patterns.UUID) UUID entryId) {
    }

    @Schema(name = "PointsImportResult", description = "What an import did (or, in a dry run, would do).")
    public record Result(
            boolean dryRun,
            @Schema(description = "Records credited", minimum = "0", maximum = "5000", format = "int32") int credited,
            @Schema(description = "Records imported before, left as they were", minimum = "0", maximum = "5000",
                    format = "int32") int unchanged,
            @Schema(description = "Points credited by this import (in a dry run: asked for)", minimum = "0",
                    maximum = "5000000", format = "int32") int pointsCredited,
            @Schema(description = "Each record, in the order sent", maxItems = MAX_CSV_LINES) List<LineResult> lines) {
    }
}
