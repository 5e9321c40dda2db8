package cn.zhibu.org.people;

import cn.zhibu.platform.openapi.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response bodies of {@code /v1/people}. */
public final class PersonViews {

    static final String MASKED_PHONE = "^1[0-9]{2}([0-9]{4}|\\*{4})[0-9]{4}$";

    private PersonViews() {
    }

    @Schema(name = "Person", description = "A person and the units they belong to now.")
    public record PersonView(
            UUID id,
            @Schema(description = "Id from another system", maxLength = 64, pattern = PersonViews.EXTERNAL_ID,
                    nullable = true) String externalId,
            @Schema(maxLength = 32, pattern = Patterns.TEXT, examples = "张三") String name,
            Gender gender,
            @Schema(format = "date") LocalDate birthDate,
            PoliticalStatus politicalStatus,
            @Schema(format = "date", nullable = true, pattern = Patterns.DATE) LocalDate partyJoinDate,
            @Schema(maxLength = 64, pattern = Patterns.TEXT, nullable = true) String jobTitle,
            boolean leadingCadre,
            @Schema(description = "The phone number; masked (138****8000) unless the caller is an org admin",
                    maxLength = 11, pattern = MASKED_PHONE, nullable = true, examples = "138****8000") String phone,
            @Schema(description = "The branch now; null once the person has left", format = "uuid",
                    nullable = true, pattern = Patterns.UUID) UUID branchId,
            @Schema(description = "Party groups or departments now", maxItems = 8) List<UUID> groupIds,
            boolean active,
            @Schema(description = "Last day of membership, once left", format = "date",
                    nullable = true, pattern = Patterns.DATE) LocalDate leftOn,
            @Schema(description = "Version; the ETag of the resource") long version,
            OffsetDateTime updatedAt) {
    }

    @Schema(name = "PersonPage", description = "One page of people.")
    public record PersonPage(
            @Schema(maxItems = 100, required = true) List<PersonView> items,
            @Schema(maxLength = 512, pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true,
                    required = true) String nextCursor) {
    }

    @Schema(name = "Membership", description = "A membership of an org unit, from one date to another.")
    public record MembershipView(
            UUID orgUnitId,
            @Schema(format = "date") LocalDate startDate,
            @Schema(description = "Last day; null while it lasts", format = "date", nullable = true,
                    pattern = Patterns.DATE)
            LocalDate endDate) {
    }

    @Schema(name = "MembershipPage", description = "One page of a person's memberships, oldest first.")
    public record MembershipPage(
            @Schema(maxItems = 100, required = true) List<MembershipView> items,
            @Schema(maxLength = 512, pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true,
                    required = true) String nextCursor) {
    }

    @Schema(name = "PoliticalBirthday", description = "A party anniversary (政治生日) within the asked dates.")
    public record PoliticalBirthdayView(
            UUID personId,
            @Schema(maxLength = 32, pattern = Patterns.TEXT) String name,
            @Schema(format = "date") LocalDate partyJoinDate,
            @Schema(description = "The anniversary", format = "date") LocalDate anniversary,
            @Schema(description = "Years in the party on that day", minimum = "1", maximum = "150", format = "int32")
            int years) {
    }

    @Schema(name = "PoliticalBirthdayPage", description = "One page of political birthdays, in date order.")
    public record PoliticalBirthdayPage(
            @Schema(maxItems = 100, required = true) List<PoliticalBirthdayView> items,
            @Schema(maxLength = 512, pattern = cn.zhibu.platform.paging.Pagination.CURSOR_PATTERN, nullable = true,
                    required = true) String nextCursor) {
    }

    static final String PHONE = "^1[3-9][0-9]{9}$";
    static final String EXTERNAL_ID = "^[A-Za-z0-9._:-]{1,64}$";


    @Schema(name = "PersonCreate", description = "A new person, with the branch (and party groups or departments) they belong to.")
    public record Create(
            @Schema(description = "An id from another system (for imports); unique", maxLength = 64,
                    pattern = EXTERNAL_ID, examples = "HR-000123")
            @Size(max = 64) @Pattern(regexp = EXTERNAL_ID) String externalId,
            @Schema(description = "Name", minLength = 1, maxLength = 32, pattern = Patterns.TEXT, required = true,
                    examples = "张三")
            @NotBlank @Size(max = 32) @Pattern(regexp = Patterns.TEXT) String name,
            @Schema(required = true, examples = "FEMALE") @NotNull Gender gender,
            @Schema(description = "Birth date", format = "date", required = true,
                    examples = "1988-05-04")
            @NotNull @Past LocalDate birthDate,
            @Schema(required = true, examples = "FULL") @NotNull PoliticalStatus politicalStatus,
            @Schema(description = "Date of joining the party (members only)", format = "date",
                    examples = "2012-07-01")
            @PastOrPresent LocalDate partyJoinDate,
            @Schema(description = "Job title", maxLength = 64, pattern = Patterns.TEXT, examples = "科员")
            @Size(max = 64) @Pattern(regexp = Patterns.TEXT) String jobTitle,
            @Schema(description = "Whether the person is a leading cadre (and has an integrity file)",
                    examples = "false")
            boolean leadingCadre,
            @Schema(description = "Mainland mobile number; stored encrypted, shown masked", maxLength = 11,
                    pattern = PHONE, examples = "13800138000")
            @Pattern(regexp = PHONE) String phone,
            @Schema(description = "The branch", required = true)
            @NotNull UUID branchId,
            @Schema(description = "Party groups or departments of that branch", maxItems = 8)
            @Size(max = 8) List<@NotNull UUID> groupIds,
            @Schema(description = "Member of these units since (default: today)", format = "date",
                    examples = "2026-01-01")
            LocalDate since) {
    }

    @Schema(name = "PersonChange", description = "A person's details (memberships change by transfer).")
    public record Change(
            @Schema(description = "Name", minLength = 1, maxLength = 32, pattern = Patterns.TEXT, required = true,
                    examples = "张三")
            @NotBlank @Size(max = 32) @Pattern(regexp = Patterns.TEXT) String name,
            @Schema(required = true, examples = "FEMALE") @NotNull Gender gender,
            @Schema(description = "Birth date", format = "date", required = true,
                    examples = "1988-05-04")
            @NotNull @Past LocalDate birthDate,
            @Schema(required = true, examples = "FULL") @NotNull PoliticalStatus politicalStatus,
            @Schema(description = "Date of joining the party (members only)", format = "date",
                    examples = "2012-07-01")
            @PastOrPresent LocalDate partyJoinDate,
            @Schema(description = "Job title", maxLength = 64, pattern = Patterns.TEXT, examples = "科员")
            @Size(max = 64) @Pattern(regexp = Patterns.TEXT) String jobTitle,
            @Schema(description = "Whether the person is a leading cadre", examples = "false")
            boolean leadingCadre,
            @Schema(description = "Mainland mobile number; none to remove it", maxLength = 11, pattern = PHONE,
                    examples = "13800138000")
            @Pattern(regexp = PHONE) String phone) {
    }

    @Schema(name = "PersonTransfer", description = "Move a person to another branch or other groups from a date.")
    public record Transfer(
            @Schema(description = "The new branch (may be the same one)",
                    required = true)
            @NotNull UUID branchId,
            @Schema(description = "Party groups or departments of that branch", maxItems = 8)
            @Size(max = 8) List<@NotNull UUID> groupIds,
            @Schema(description = "First day in the new units; the old ones end the day before", format = "date",
                    required = true, examples = "2026-12-01")
            @NotNull LocalDate date) {
    }

    @Schema(name = "PersonLeave", description = "A person leaves the branch on a date.")
    public record Leave(
            @Schema(description = "Last day of membership", format = "date", required = true,
                    examples = "2026-12-31")
            @NotNull LocalDate date) {
    }
}
