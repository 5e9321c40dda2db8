package cn.zhibu.integrity;

import cn.zhibu.integrity.entry.EntryContent;
import cn.zhibu.integrity.entry.EntryType;
import cn.zhibu.platform.openapi.Patterns;
import cn.zhibu.platform.paging.Pagination;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of {@code /v1/integrity-files}. */
public final class IntegrityViews {

    private IntegrityViews() {
    }

    @Schema(name = "IntegrityFileOpen", description = "A new integrity file for a person (a leading cadre)")
    public record Open(
            @Schema(required = true) @NotNull UUID personId,
            @Schema(description = "APPOINTMENT: on appointment as a leading cadre (appointedOn required); OFFICER: "
                    + "opened by an integrity officer for a cadre already in post", required = true)
            @NotNull IntegrityFile.OpenedReason reason,
            @Schema(description = "The day of the appointment; the first profile is due a month later")
            LocalDate appointedOn,
            @Schema(description = "Months between conduct reviews (default 12)", minimum = "1", maximum = "60")
            @Min(1) @Max(60) Integer reviewMonths) {
    }

    @Schema(name = "IntegrityFile", description = "A leading cadre's integrity file (廉政档案), without its entries")
    public record FileView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID personId,
            @Schema(maxLength = 32, pattern = Patterns.LONG_TEXT, required = true) String personName,
            @Schema(description = "The cadre's branch (where the file is, for access)",
                    required = true) UUID unitId,
            @Schema(required = true) IntegrityFile.State state,
            @Schema(required = true) IntegrityFile.OpenedReason openedReason,
            @Schema(nullable = true, maxLength = 10, pattern = Patterns.DATE) LocalDate appointedOn,
            @Schema(description = "The first profile is due by then; null once filed", nullable = true, maxLength = 10,
                    pattern = Patterns.DATE) LocalDate profileDue,
            @Schema(minimum = "1", maximum = "60", required = true) int reviewMonths,
            @Schema(required = true) LocalDate nextReviewDue,
            @Schema(nullable = true, maxLength = 10, pattern = Patterns.DATE) LocalDate lastReviewedOn,
            @Schema(description = "The last year whose personal matters report joined the file", nullable = true,
                    minimum = "2000", maximum = "2100") Integer lastReportYear,
            @Schema(minimum = "0", maximum = "100000", required = true) int entryCount,
            @Schema(required = true) Instant openedAt,
            @Schema(minimum = "0", maximum = "999999999999999999", required = true) long version) {
    }

    @Schema(name = "IntegrityFilePage", description = "One page of files, by cadre name")
    public record FilePage(
            @Schema(maxItems = 100, required = true) List<FileView> items,
            @Schema(description = "Cursor of the next page; null on the last page", maxLength = 512,
                    pattern = Pagination.CURSOR_PATTERN, nullable = true, required = true) String nextCursor) {
    }

    @Schema(name = "IntegrityEntry", description = "An entry of a file. Never changed: a correction is a later "
            + "entry that amends it.")
    public record EntryView(
            @Schema(required = true) UUID id,
            @Schema(description = "Its place in the file's chain, from 1", minimum = "1", maximum = "100000",
                    required = true) int seq,
            @Schema(required = true) EntryType type,
            @Schema(description = "The entry it corrects", format = "uuid", nullable = true,
                    pattern = Patterns.UUID) UUID amends,
            @Schema(description = "Why it corrects that entry", maxLength = 500, pattern = Patterns.LONG_TEXT,
                    nullable = true) String amendReason,
            @Schema(description = "The latest entry correcting this one, if any", format = "uuid",
                    nullable = true, pattern = Patterns.UUID) UUID amendedBy,
            @Schema(description = "The cadre's declaration it came from", format = "uuid",
                    nullable = true, pattern = Patterns.UUID) UUID declarationId,
            @Schema(required = true) Instant recordedAt,
            @Schema(description = "The account that filed it (an officer signing a reply)", format = "uuid",
                    nullable = true, pattern = Patterns.UUID) UUID recordedBy,
            @Schema(description = "SHA-256 of the entry and the previous entry's hash, hex", maxLength = 64,
                    pattern = "^[0-9a-f]{64}$", required = true) String hash,
            @Schema(description = "Its content; null for an AUDIT purpose, which sees headers only", nullable = true)
            EntryContent content) {
    }

    @Schema(name = "IntegrityFileRead", description = "A file as a purpose may see it: the entries of the types "
            + "the purpose needs, in order")
    public record FileRead(
            @Schema(required = true) FileView file,
            @Schema(required = true) Purpose purpose,
            @Schema(description = "The entry types this purpose shows", maxItems = 9, required = true)
            Set<EntryType> shownTypes,
            @Schema(maxItems = 100000, required = true) List<EntryView> entries) {
    }

    @Schema(name = "IntegrityEntryAppend", description = "A new entry; to correct an entry, name it in amends, with "
            + "the corrected content (of the same type) and the reason")
    public record Append(
            @Schema(required = true) @NotNull @Valid EntryContent content,
            @Schema(description = "The entry this corrects") UUID amends,
            @Schema(description = "Why (required with amends)", maxLength = 500, pattern = Patterns.TEXT)
            @Size(max = 500) @Pattern(regexp = Patterns.TEXT) String amendReason) {
    }

    @Schema(name = "IntegrityChainBreak", description = "The first link of the chain that does not hold")
    public record ChainBreak(
            @Schema(description = "The place in the file where the chain breaks", minimum = "1", maximum = "100001",
                    required = true) int seq,
            @Schema(description = "The entry found there (for ENTRIES_MISSING, the last one)", format = "uuid",
                    nullable = true, pattern = Patterns.UUID) UUID entryId,
            @Schema(ref = "IntegrityChainProblem") String problem) {
    }

    @Schema(name = "IntegrityVerification", description = "Whether a file's hash chain holds")
    public record Verification(
            @Schema(required = true) UUID fileId,
            @Schema(required = true) boolean intact,
            @Schema(minimum = "0", maximum = "100000", required = true) int entries,
            @Schema(description = "The file's head: the SHA-256 of its last entry, as stored (hex; null before the "
                    + "first entry). An auditor who keeps it can tell later whether entries were dropped from the tail",
                    maxLength = 64, pattern = "^[0-9a-f]{64}$", nullable = true, required = true) String headHash,
            @Schema(description = "The latest signed checkpoint of the file, from the database or the checkpoint "
                    + "directory outside it (the one counting more entries), which the chain was checked against; "
                    + "null when the file has none (no entry appended since checkpoints began)", nullable = true)
            cn.zhibu.integrity.checkpoint.CheckpointViews.CheckpointView checkpoint,
            @Schema(description = "The first broken link; null when intact", nullable = true) ChainBreak firstBroken) {
    }

    /** Why a file is on the overdue list. */
    public enum OverdueReason {
        /** The first profile was due a month after the appointment. */
        PROFILE,
        /** The conduct review is overdue. */
        REVIEW,
        /** Last year's personal matters report has not joined the file. */
        ANNUAL_REPORT
    }

    @Schema(name = "IntegrityOverdueFile", description = "A file with something overdue")
    public record Overdue(
            @Schema(required = true) FileView file,
            @Schema(maxItems = 3, required = true) List<OverdueReason> reasons,
            @Schema(description = "The annual report's due date this year", required = true)
            LocalDate annualReportDue) {
    }

    @Schema(name = "IntegrityOverdueList", description = "Files with something overdue, earliest due first")
    public record OverdueList(
            @Schema(maxItems = 10000, required = true) List<Overdue> items) {
    }
}
